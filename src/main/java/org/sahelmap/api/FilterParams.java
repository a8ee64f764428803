package org.sahelmap.api;

import io.javalin.http.Context;
import java.util.Map;
import org.sahelmap.filter.Cql2JsonParser;
import org.sahelmap.filter.Cql2TextParser;
import org.sahelmap.filter.FilterException;
import org.sahelmap.filter.FilterNode;
import org.sahelmap.filter.FilterSql;
import org.sahelmap.filter.Queryables;
import org.sahelmap.filter.SortAndSelect;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Layer;
import org.sahelmap.store.PropertyTypes;

/**
 * OGC API Features Part 3 on items: {@code filter} in {@code filter-lang} cql2-text (the default)
 * or cql2-json, in CRS84 ({@code filter-crs}). The filter is checked against the collection's
 * {@link Queryables} and joins the other parameters (bbox, datetime, category, q) with AND.
 */
final class FilterParams {
  static final String FILTER = "filter";
  static final String LANG = "filter-lang";
  static final String CRS = "filter-crs";
  static final String SORTBY = "sortby";
  static final String PROPERTIES = "properties";
  static final String SKIP_GEOMETRY = "skipGeometry";
  static final String CQL2_TEXT = "cql2-text";
  static final String CQL2_JSON = "cql2-json";

  /**
   * The name the drafts of Part 3 gave the text encoding, which GDAL up to 3.6 sends (and looks for
   * in the API document before it sends any filter); what it writes is CQL2 text too.
   */
  static final String DRAFT_TEXT = "cql-text";

  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  private final PropertyTypes types;

  FilterParams(PropertyTypes types) {
    this.types = types;
  }

  /** The collection's queryables: its properties' types are read once per layer version. */
  Queryables queryables(Layer layer) {
    return Queryables.of(types.of(layer), "events".equals(layer.kind()));
  }

  /** The types of the collection's properties, the same ones its queryables state. */
  Map<String, PropertyTypes.Type> propertyTypes(Layer layer) {
    return types.of(layer);
  }

  ItemQuery apply(Context ctx, Layer layer, ItemQuery query) {
    String lang = ctx.queryParam(LANG);
    String crs = ctx.queryParam(CRS);
    String text = ctx.queryParam(FILTER);
    if (lang != null
        && !lang.equals(CQL2_TEXT)
        && !lang.equals(CQL2_JSON)
        && !lang.equals(DRAFT_TEXT)) {
      throw ApiException.badParameter(LANG, "must be " + CQL2_TEXT + " or " + CQL2_JSON);
    }
    if (crs != null && !crs.equals(CRS84)) {
      throw ApiException.badParameter(CRS, "only " + CRS84 + " (longitude, latitude) is supported");
    }
    String skip = ctx.queryParam(SKIP_GEOMETRY);
    if (skip != null && !skip.equals("true") && !skip.equals("false")) {
      throw ApiException.badParameter(SKIP_GEOMETRY, "must be true or false");
    }
    String sortby = ctx.queryParam(SORTBY);
    String properties = ctx.queryParam(PROPERTIES);
    if (text == null && sortby == null && properties == null) {
      return SortAndSelect.shape(query, null, null, "true".equals(skip));
    }
    Queryables queryables = queryables(layer);
    ItemQuery filtered = query;
    if (text != null) {
      try {
        FilterNode node =
            CQL2_JSON.equals(lang) ? Cql2JsonParser.parse(text) : Cql2TextParser.parse(text);
        filtered = query.withFilter(FilterSql.toSql(node, queryables));
      } catch (FilterException e) {
        throw ApiException.badParameter(FILTER, e.getMessage());
      }
    }
    try {
      return SortAndSelect.shape(
          filtered,
          sortby == null ? null : SortAndSelect.sortBy(sortby, queryables),
          properties == null ? null : SortAndSelect.properties(properties, queryables),
          "true".equals(skip));
    } catch (FilterException e) {
      // e.at() is the parameter's name here
      throw ApiException.badParameter(e.at(), e.getMessage().substring(e.at().length() + 2));
    }
  }
}
