package org.sahelmap.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.briefing.Briefing;
import org.sahelmap.briefing.BriefingGeoJson;
import org.sahelmap.briefing.Slide;
import org.sahelmap.events.EventFeatures;
import org.sahelmap.json.Json;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.ItemQuery;
import org.sahelmap.store.Layer;
import org.sahelmap.store.PropertyTypes;

/**
 * A briefing as one GeoPackage that travels alone and opens in QGIS: a table per collection the
 * server holds (mission and context layers whole, the AOIs as they stand), the events of the
 * briefing's time span (from the earliest slide window's start to the latest one's end; every event
 * when no slide has a window), and a {@code slides} table: one row per slide, in order, its
 * geometry the area the slide shows (as in the briefing's GeoJSON export), its text and settings as
 * columns. The briefing's name and banner are the slides table's identifier and description.
 *
 * <p>The pack is bounded like any GeoPackage export: every table is counted before anything is
 * written, and more than {@link GeoPackageFile#MAX_FEATURES} features in all is refused.
 */
public final class BriefingPack {
  /** The slides' columns: each slide's fields, lists as comma-separated ids. */
  static final ExportSchema SLIDES =
      new ExportSchema(
          List.of(
              column("slide", ExportSchema.Kind.INTEGER),
              column("title", ExportSchema.Kind.TEXT),
              column("caption", ExportSchema.Kind.TEXT),
              column("notes", ExportSchema.Kind.TEXT),
              column("sources", ExportSchema.Kind.TEXT),
              column("layers", ExportSchema.Kind.TEXT),
              column("time_from", ExportSchema.Kind.DATE),
              column("time_to", ExportSchema.Kind.DATE),
              column("events", ExportSchema.Kind.TEXT),
              column("aois", ExportSchema.Kind.TEXT),
              column("centre_lon", ExportSchema.Kind.REAL),
              column("centre_lat", ExportSchema.Kind.REAL),
              column("zoom", ExportSchema.Kind.REAL)));

  /** What a pack holds, for the caller's size check and headers. */
  public record Contents(List<Table> tables, long features) {}

  /** One table: the collection, the query that fills it, how many features it will hold. */
  public record Table(Layer layer, ItemQuery query, long count) {}

  private final FeatureStore store;
  private final PropertyTypes types;

  public BriefingPack(FeatureStore store, PropertyTypes types) {
    this.store = store;
    this.types = types;
  }

  /** Every table of the pack for {@code b}, counted. */
  public Contents plan(Briefing b) {
    Instant[] span = span(b);
    List<Table> tables = new ArrayList<>();
    long total = b.slides().size();
    for (Layer layer : store.layers()) {
      boolean events = "events".equals(layer.kind());
      ItemQuery q =
          new ItemQuery(
              null, events ? span[0] : null, events ? span[1] : null, ItemQuery.UNLIMITED, 0);
      long n = store.count(layer.id(), q);
      tables.add(new Table(layer, q, n));
      total += n;
    }
    return new Contents(tables, total);
  }

  /** Writes the pack planned by {@link #plan} for {@code b} to {@code out}. */
  public void write(Briefing b, Contents contents, OutputStream out) throws IOException {
    try (GeoPackageFile gpkg = GeoPackageFile.create()) {
      // The slides first: QGIS lists tables in the order they were made.
      String slidesName = gpkg.tableName("slides");
      FeatureFileWriter slides = gpkg.table(slidesName, b.name(), b.banner(), SLIDES);
      for (int i = 0; i < b.slides().size(); i++) {
        Slide s = b.slides().get(i);
        slides.accept(
            b.id() + "-" + (i + 1),
            Json.MAPPER.writeValueAsString(BriefingGeoJson.polygon(s.view().bounds())),
            Json.MAPPER.writeValueAsString(slideProperties(i + 1, s)));
      }
      slides.finish();
      for (Table t : contents.tables()) {
        Layer layer = t.layer();
        FeatureFileWriter table =
            gpkg.table(
                gpkg.tableName(layer.id()),
                layer.title(),
                layer.description(),
                ExportSchema.of(types.of(layer), null));
        store.page(layer.id(), t.query(), table);
        table.finish();
      }
      gpkg.copyTo(out);
    }
  }

  static Map<String, Object> slideProperties(int order, Slide s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("slide", order);
    p.put("title", s.title());
    p.put("caption", s.caption());
    p.put("notes", s.notes());
    p.put("sources", s.sources());
    p.put("layers", String.join(",", s.layers()));
    p.put("time_from", s.time() == null ? null : s.time().from().toString());
    p.put("time_to", s.time() == null ? null : s.time().to().toString());
    p.put("events", String.join(",", s.events()));
    p.put("aois", String.join(",", s.aois()));
    double[] bounds = s.view().bounds();
    p.put("centre_lon", s.view().lon() != null ? s.view().lon() : (bounds[0] + bounds[2]) / 2);
    p.put("centre_lat", s.view().lat() != null ? s.view().lat() : (bounds[1] + bounds[3]) / 2);
    p.put("zoom", s.view().zoom());
    return p;
  }

  /** The earliest start and latest end of the slides' windows, or nulls when none has one. */
  static Instant[] span(Briefing b) {
    LocalDate from = null;
    LocalDate to = null;
    for (Slide s : b.slides()) {
      if (s.time() != null) {
        from = from == null || s.time().from().isBefore(from) ? s.time().from() : from;
        to = to == null || s.time().to().isAfter(to) ? s.time().to() : to;
      }
    }
    return new Instant[] {
      from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
      // The last microsecond PostgreSQL keeps: LocalTime.MAX would round up to the next day.
      to == null ? null : to.atTime(EventFeatures.END_OF_DAY).toInstant(ZoneOffset.UTC)
    };
  }

  private static ExportSchema.Column column(String name, ExportSchema.Kind kind) {
    return new ExportSchema.Column(name, name, kind);
  }
}
