package org.sahelmap.api;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahelmap.aoi.Aoi;
import org.sahelmap.aoi.AoiAnalysis;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.export.GeoJsonFeatureWriter;

/**
 * {@code /ogc/collections/aois/items/{id}/analysis} and {@code /ogc/collections/aois/export}: an
 * AOI's figures as JSON, and AOIs with their figures as flat attributes in one RFC 7946 file (flat
 * so GDAL and spreadsheets read them as columns).
 */
final class AoiAnalysisHandler {
  private final AoiStore store;
  private final AoiAnalysis analysis;
  private final AoiHandler aois;

  AoiAnalysisHandler(AoiStore store, AoiAnalysis analysis, AoiHandler aois) {
    this.store = store;
    this.analysis = analysis;
    this.aois = aois;
  }

  void analysis(Context ctx) {
    Aoi aoi = aois.live(ctx.pathParam("featureId"));
    Instant[] window = ItemsParams.datetime(ctx.queryParam("datetime"));
    AoiAnalysis.Result r = analysis.analyse(aoi, window[0], window[1]);
    ctx.header("ETag", WriteRequests.etag(aoi.version()));
    ctx.header("Cache-Control", "no-cache");
    ctx.json(describe(r, ctx.queryParam("datetime")));
  }

  static Map<String, Object> describe(AoiAnalysis.Result r, String datetime) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("version", r.version());
    m.put("area_km2", round(r.areaKm2(), 3));
    m.put("perimeter_km", round(r.perimeterKm(), 3));
    m.put(
        "method", "PostGIS on the WGS84 spheroid: ST_Area, ST_Perimeter, ST_Distance on geography");
    Map<String, Object> events = new LinkedHashMap<>();
    events.put("datetime", datetime == null ? ".." : datetime);
    events.put("count", r.events().size());
    List<Map<String, Object>> items = new ArrayList<>();
    for (AoiAnalysis.EventHit e : r.events()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("id", e.id());
      h.put("title", e.title());
      h.put("start", e.start() == null ? null : e.start().toString());
      h.put("end", e.end() == null ? null : e.end().toString());
      items.add(h);
    }
    events.put("items", items);
    m.put("events", events);
    List<Map<String, Object>> layers = new ArrayList<>();
    for (AoiAnalysis.LayerOverlap l : r.layers()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", l.id());
      o.put("title", l.title());
      o.put("overlap_km2", round(l.km2(), 3));
      o.put("overlap_pct", round(l.percent(), 2));
      List<Map<String, Object>> fs = new ArrayList<>();
      for (AoiAnalysis.FeatureOverlap f : l.features()) {
        Map<String, Object> fo = new LinkedHashMap<>();
        fo.put("id", f.id());
        fo.put("name", f.name());
        fo.put("overlap_km2", round(f.km2(), 3));
        fs.add(fo);
      }
      o.put("features", fs);
      layers.add(o);
    }
    m.put("layers", layers);
    Map<String, Object> border = new LinkedHashMap<>();
    border.put("distance_km", r.borderDistanceKm() == null ? null : round(r.borderDistanceKm(), 3));
    border.put("touches", r.borderDistanceKm() != null && r.borderDistanceKm() == 0);
    m.put("algeria_border", border);
    Map<String, Object> aes = new LinkedHashMap<>();
    aes.put("inside_km2", r.aesKm2() == null ? null : round(r.aesKm2(), 3));
    aes.put("inside_pct", r.aesPercent() == null ? null : round(r.aesPercent(), 2));
    m.put("aes_territory", aes);
    return m;
  }

  /** Flat attributes for export: one column per figure and per mission layer. */
  static Map<String, Object> flat(Aoi aoi, AoiAnalysis.Result r) {
    Map<String, Object> p = new LinkedHashMap<>(aoi.properties());
    p.put("area_km2", round(r.areaKm2(), 3));
    p.put("perimeter_km", round(r.perimeterKm(), 3));
    p.put("events_count", r.events().size());
    p.put("event_ids", r.events().stream().map(AoiAnalysis.EventHit::id).toList());
    p.put(
        "algeria_border_km", r.borderDistanceKm() == null ? null : round(r.borderDistanceKm(), 3));
    p.put("aes_km2", r.aesKm2() == null ? null : round(r.aesKm2(), 3));
    p.put("aes_pct", r.aesPercent() == null ? null : round(r.aesPercent(), 2));
    for (AoiAnalysis.LayerOverlap l : r.layers()) {
      String col = l.id().replace('-', '_');
      p.put("overlap_km2_" + col, round(l.km2(), 3));
      p.put("overlap_pct_" + col, round(l.percent(), 2));
    }
    return p;
  }

  /** {@code ?ids=a,b} (default: every live AOI), {@code datetime} bounding the events counted. */
  void export(Context ctx) throws IOException {
    String idsParam = ctx.queryParam("ids");
    List<String> ids;
    if (idsParam == null || idsParam.isBlank() || idsParam.equals("all")) {
      ids = store.liveIds();
    } else {
      Set<String> wanted = new LinkedHashSet<>();
      for (String s : idsParam.split(",")) {
        if (!s.isBlank()) {
          wanted.add(s.trim());
        }
      }
      ids = new ArrayList<>(wanted);
    }
    Instant[] window = ItemsParams.datetime(ctx.queryParam("datetime"));
    // Resolve every id first: an export naming an unknown or deleted AOI fails whole, before any
    // byte is written.
    List<Aoi> list = new ArrayList<>();
    for (String id : ids) {
      list.add(aois.live(id));
    }
    // Every analysis too, before the first byte: a failure then is a clean error answer, never a
    // 200 whose GeoJSON stops mid-feature.
    List<AoiAnalysis.Result> results = new ArrayList<>();
    for (Aoi aoi : list) {
      results.add(analysis.analyse(aoi, window[0], window[1]));
    }
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("name", "aois");
    members.put("numberMatched", list.size());
    members.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String file = list.size() == 1 ? list.get(0).id() : "aois";
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".geojson\"");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(Links.GEOJSON + ";charset=utf-8");
    Writer out =
        new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    GeoJsonFeatureWriter writer = GeoJsonFeatureWriter.begin(out, members);
    for (int i = 0; i < list.size(); i++) {
      Aoi aoi = list.get(i);
      writer.accept(
          aoi.id(), aoi.current().geometryJson(), JsonText.toJson(flat(aoi, results.get(i))));
    }
    writer.end();
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
