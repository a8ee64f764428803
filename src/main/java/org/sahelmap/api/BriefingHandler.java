package org.sahelmap.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sahelmap.briefing.Briefing;
import org.sahelmap.briefing.BriefingGeoJson;
import org.sahelmap.briefing.BriefingJson;
import org.sahelmap.briefing.BriefingStore;
import org.sahelmap.briefing.BriefingVersion;
import org.sahelmap.briefing.StoredBriefing;
import org.sahelmap.errors.Reason;
import org.sahelmap.export.BriefingPack;
import org.sahelmap.export.ExportFormat;
import org.sahelmap.export.GeoPackageFile;
import org.sahelmap.json.Json;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.Layer;
import org.sahelmap.store.PropertyTypes;

/**
 * Briefings under {@code /api/briefings}. A briefing's ETag is its version, strong ({@code "3"});
 * PUT and DELETE need {@code If-Match} (428 without, 412 when stale). Who saved is read from {@code
 * X-User} until there are accounts.
 */
final class BriefingHandler {
  static final String BASE = "/api/briefings";
  private static final ObjectMapper JSON = Json.MAPPER;
  private final BriefingStore store;
  private final FeatureStore features;
  private final BriefingPack pack;

  BriefingHandler(BriefingStore store, FeatureStore features, PropertyTypes types) {
    this.store = store;
    this.features = features;
    this.pack = new BriefingPack(features, types);
  }

  void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (StoredBriefing s : store.list()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.briefing().id());
      m.put("name", s.briefing().name());
      m.put("banner", s.briefing().banner());
      m.put("slides", s.briefing().slides().size());
      m.put("version", s.version());
      m.put("updatedBy", s.updatedBy());
      m.put("updatedAt", s.updatedAt().toString());
      out.add(m);
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.json(Map.of("briefings", out));
  }

  void one(Context ctx) {
    respond(ctx, live(ctx.pathParam("id")));
  }

  void create(Context ctx) throws IOException {
    Briefing given = valid(BriefingJson.briefing(JsonBody.read(ctx)));
    Briefing b = given.id() == null ? given.withId(store.freeId(slug(given.name()))) : given;
    StoredBriefing s = store.create(b, WriteRequests.user(ctx));
    ctx.header("Location", BASE + "/" + s.briefing().id());
    respond(ctx.status(201), s);
  }

  void replace(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    int expected = ifMatch(ctx, id);
    Briefing b = valid(BriefingJson.briefing(JsonBody.read(ctx)));
    if (b.id() != null && !b.id().equals(id)) {
      throw new ApiException(
          Reason.BAD_INPUT, "InvalidBriefing", "id: the body's id differs from the URL's");
    }
    respond(ctx, store.update(id, expected, b.withId(id), WriteRequests.user(ctx)));
  }

  void delete(Context ctx) {
    String id = ctx.pathParam("id");
    StoredBriefing s = store.delete(id, ifMatch(ctx, id), WriteRequests.user(ctx));
    ctx.header("ETag", WriteRequests.etag(s.version()));
    ctx.status(204);
  }

  /** Undoes a delete; If-Match names the delete's version (the ETag its 204 carried). */
  void restore(Context ctx) {
    String id = ctx.pathParam("id");
    if (store.find(id).isEmpty()) {
      throw ApiException.notFound("there is no briefing '" + id + "'");
    }
    respond(ctx, store.restore(id, ifMatchAny(ctx, id), WriteRequests.user(ctx)));
  }

  private static int ifMatchAny(Context ctx, String id) {
    return WriteRequests.ifMatch(
        ctx, "the ETag of the DELETE, or GET /api/briefings/" + id + "/versions");
  }

  void versions(Context ctx) {
    String id = ctx.pathParam("id");
    List<BriefingVersion> versions = store.versions(id);
    if (versions.isEmpty()) {
      throw ApiException.notFound("there is no briefing '" + id + "'");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (BriefingVersion v : versions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.version());
      m.put("operation", v.operation());
      m.put("savedBy", v.savedBy());
      m.put("savedAt", v.savedAt().toString());
      m.put("briefing", v.briefing().toMap());
      out.add(m);
    }
    ctx.json(Map.of("id", id, "versions", out));
  }

  void export(Context ctx) {
    StoredBriefing s = live(ctx.pathParam("id"));
    ctx.header("ETag", WriteRequests.etag(s.version()));
    ctx.header("Content-Disposition", "attachment; filename=\"" + s.briefing().id() + ".geojson\"");
    ctx.contentType("application/geo+json;charset=utf-8");
    ctx.result(JsonText.toJson(BriefingGeoJson.write(s.briefing())));
  }

  /**
   * {@code GET /api/briefings/{id}/pack.gpkg}: the briefing with every layer, its events and the
   * AOIs as one GeoPackage ({@link BriefingPack}). A path of the briefing's own beside {@code
   * export.geojson}, not an {@code f=} of the briefing: the JSON document and the pack are
   * different things (one is the briefing, the other everything it shows), and the file name in the
   * path is what a browser saves it as.
   */
  void pack(Context ctx) throws IOException {
    StoredBriefing s = live(ctx.pathParam("id"));
    BriefingPack.Contents contents = pack.plan(s.briefing());
    if (contents.features() > GeoPackageFile.MAX_FEATURES) {
      throw new ApiException(
          Reason.TOO_LARGE,
          "ExportTooLarge",
          String.format(
              "a GeoPackage holds at most %,d features and this briefing's pack would hold %,d"
                  + " (its slides' time windows select the events); export the layers one by one"
                  + " with f=gpkg and bbox, datetime or filter",
              GeoPackageFile.MAX_FEATURES, contents.features()));
    }
    ctx.contentType(ExportFormat.GPKG.mediaType());
    ctx.header(
        "Content-Disposition", "attachment; filename=\"" + s.briefing().id() + "-pack.gpkg\"");
    pack.write(s.briefing(), contents, ctx.outputStream());
  }

  void importFile(Context ctx) throws IOException {
    JsonNode body = JsonBody.read(ctx);
    Briefing b = valid(BriefingGeoJson.read(body));
    Briefing named = b.withId(store.freeId(b.id() == null ? slug(b.name()) : b.id()));
    StoredBriefing s = store.create(named, WriteRequests.user(ctx));
    ctx.header("Location", BASE + "/" + s.briefing().id());
    respond(ctx.status(201), s);
  }

  private Briefing valid(Briefing b) {
    b.checkLayers(features.layers().stream().map(Layer::id).collect(Collectors.toSet()));
    return b;
  }

  private StoredBriefing live(String id) {
    return store
        .find(id)
        .filter(s -> !s.deleted())
        .orElseThrow(() -> ApiException.notFound("there is no briefing '" + id + "'"));
  }

  private static void respond(Context ctx, StoredBriefing s) {
    Map<String, Object> m = s.briefing().toMap();
    m.put("version", s.version());
    m.put("updatedBy", s.updatedBy());
    m.put("updatedAt", s.updatedAt().toString());
    ctx.header("ETag", WriteRequests.etag(s.version()));
    ctx.header("Cache-Control", "no-cache");
    ctx.json(m);
  }

  /** 404 for an unknown briefing comes before 428 for a missing If-Match. */
  private int ifMatch(Context ctx, String id) {
    if (ctx.header("If-Match") == null) {
      live(id);
    }
    return WriteRequests.ifMatch(
        ctx, "GET /api/briefings/" + id + " returns it in its ETag header");
  }

  static String slug(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    s = s.length() > 50 ? s.substring(0, 50).replaceAll("-+$", "") : s;
    return s.isEmpty() ? "briefing" : s;
  }
}
