package org.sahelmap.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sahelmap.store.EventHistogram;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Layer;

/**
 * {@code /api/events/histogram}: events per month of their start and per category, for the same
 * bbox, datetime, category and q as items, so the timeline and the list agree on what matches.
 */
final class HistogramHandler {
  static final String PATH = "/api/events/histogram";
  static final String EVENTS = "events";
  static final Set<String> PARAMS =
      ItemsParams.union(Set.of("bbox", "datetime"), ItemsParams.EVENT_FILTERS);

  private final FeatureStore store;
  private final EventHistogram histogram;

  HistogramHandler(FeatureStore store, EventHistogram histogram) {
    this.store = store;
    this.histogram = histogram;
  }

  void histogram(Context ctx) {
    ItemsParams.checkNames(ctx, PARAMS);
    Layer layer = CollectionsHandler.layerOr404(store, EVENTS);
    ItemQuery q = ItemsParams.parse(ctx, 1, true).page(ItemQuery.UNLIMITED, 0);
    String variant =
        Integer.toHexString(
            Objects.hash(
                q.bbox() == null ? null : Arrays.toString(q.bbox()),
                q.from(),
                q.to(),
                q.categories(),
                q.text()));
    if (HttpCaching.notModified(ctx, layer.updatedAt(), "histogram-" + variant)) {
      return;
    }
    EventHistogram.Counts counts = histogram.counts(layer.id(), q);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", counts.total());
    body.put("months", counts.months());
    body.put("categories", counts.categories());
    ctx.json(body);
  }
}
