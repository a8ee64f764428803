package org.sahelmap.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.aoi.Aoi;
import org.sahelmap.aoi.AoiDraft;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.aoi.AoiValidator;
import org.sahelmap.aoi.AoiVersion;
import org.sahelmap.errors.Reason;
import org.sahelmap.export.GeoJsonFeatureWriter;
import org.sahelmap.json.Json;

/**
 * The writable collection {@code aois} (OGC API Features Part 4 style): POST to items (201 +
 * Location), PUT and DELETE an item with {@code If-Match} (required: 428 without it, 412 with a
 * stale one, the body then carrying the current feature), restore after a delete, and the version
 * history. The ETag of an AOI is its version number, strong: {@code "3"}. Who saved is read from
 * {@code X-User} until there are accounts.
 */
final class AoiHandler {
  static final String BASE = OgcPaths.items(AoiStore.LAYER);
  private static final ObjectMapper JSON = Json.MAPPER;

  private final AoiStore store;

  AoiHandler(AoiStore store) {
    this.store = store;
  }

  void create(Context ctx) throws IOException {
    AoiDraft draft = AoiValidator.validate(JsonBody.read(ctx), repair(ctx));
    Aoi aoi = store.create(draft, WriteRequests.user(ctx));
    ctx.header("Location", Links.root(ctx) + BASE + "/" + aoi.id());
    respond(ctx.status(201), aoi, draft.repaired());
  }

  void replace(Context ctx) throws IOException {
    String id = ctx.pathParam("featureId");
    int expected = ifMatch(ctx, id);
    AoiDraft draft = AoiValidator.validate(JsonBody.read(ctx), repair(ctx));
    respond(ctx, store.update(id, expected, draft, WriteRequests.user(ctx)), draft.repaired());
  }

  void delete(Context ctx) {
    String id = ctx.pathParam("featureId");
    Aoi aoi = store.delete(id, ifMatch(ctx, id), WriteRequests.user(ctx));
    ctx.header("ETag", WriteRequests.etag(aoi.version()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", aoi.id());
    body.put("version", aoi.version());
    body.put("deleted", true);
    body.put(
        "links",
        List.of(
            Links.link(
                Links.root(ctx) + BASE + "/" + id + "/restore",
                "restore",
                Links.JSON,
                "POST here with If-Match: "
                    + WriteRequests.etag(aoi.version())
                    + " to undo the delete"),
            Links.link(versionsHref(ctx, id), "version-history", Links.GEOJSON, "every version")));
    ctx.json(body);
  }

  void restore(Context ctx) {
    String id = ctx.pathParam("featureId");
    respond(ctx, store.restore(id, ifMatch(ctx, id), WriteRequests.user(ctx)), false);
  }

  void item(Context ctx) {
    Aoi aoi = live(ctx.pathParam("featureId"));
    String etag = WriteRequests.etag(aoi.version());
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    String inm = ctx.header("If-None-Match");
    if (inm != null && HttpCaching.matches(inm, etag)) {
      ctx.status(304);
      return;
    }
    respond(ctx, aoi, false);
  }

  void versions(Context ctx) {
    String id = ctx.pathParam("featureId");
    List<AoiVersion> versions = store.versions(id);
    if (versions.isEmpty()) {
      throw ApiException.notFound("there is no AOI '" + id + "'");
    }
    List<Map<String, Object>> features = new ArrayList<>();
    for (AoiVersion v : versions) {
      features.add(feature(id + "@" + v.version(), v.geometryJson(), v.historyProperties()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    body.put("numberMatched", features.size());
    body.put("numberReturned", features.size());
    body.put("features", features);
    body.put(
        "links",
        List.of(
            Links.link(versionsHref(ctx, id), "self", Links.GEOJSON, "this history"),
            Links.link(Links.root(ctx) + BASE + "/" + id, "latest-version", Links.GEOJSON, null)));
    ctx.contentType(Links.GEOJSON + ";charset=utf-8");
    ctx.result(JsonText.toJson(body));
  }

  void version(Context ctx) {
    String id = ctx.pathParam("featureId");
    String n = ctx.pathParam("version");
    AoiVersion v =
        store.versions(id).stream()
            .filter(x -> Integer.toString(x.version()).equals(n))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("AOI '" + id + "' has no version " + n));
    ctx.contentType(Links.GEOJSON + ";charset=utf-8");
    ctx.result(JsonText.toJson(feature(id + "@" + n, v.geometryJson(), v.historyProperties())));
  }

  /** The AOI unless it never existed (404) or is deleted (410, saying how to restore it). */
  Aoi live(String id) {
    Aoi aoi =
        store.find(id).orElseThrow(() -> ApiException.notFound("there is no AOI '" + id + "'"));
    if (aoi.deleted()) {
      throw new ApiException(
              Reason.GONE,
              "Deleted",
              "AOI '"
                  + id
                  + "' was deleted by "
                  + aoi.current().savedBy()
                  + " at "
                  + aoi.current().savedAt()
                  + "; POST to "
                  + BASE
                  + "/"
                  + id
                  + "/restore with If-Match: "
                  + WriteRequests.etag(aoi.version())
                  + " to undo it")
          .with("version", aoi.version());
    }
    return aoi;
  }

  private void respond(Context ctx, Aoi aoi, boolean repaired) {
    ctx.header("ETag", WriteRequests.etag(aoi.version()));
    if (repaired) {
      ctx.header("X-Geometry-Repaired", "true");
    }
    StringWriter sw = new StringWriter();
    List<Link> links =
        List.of(
            Links.link(Links.root(ctx) + BASE + "/" + aoi.id(), "self", Links.GEOJSON, null),
            Links.link(versionsHref(ctx, aoi.id()), "version-history", Links.GEOJSON, null),
            Links.link(
                Links.root(ctx) + BASE + "/" + aoi.id() + "/analysis",
                "analysis",
                Links.JSON,
                null),
            Links.link(
                Links.root(ctx) + OgcPaths.collection(AoiStore.LAYER),
                "collection",
                Links.JSON,
                null));
    try {
      GeoJsonFeatureWriter.writeFeature(
          sw,
          aoi.id(),
          aoi.current().geometryJson(),
          JsonText.toJson(aoi.properties()),
          Map.of("links", links));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.contentType(Links.GEOJSON + ";charset=utf-8");
    ctx.result(sw.toString());
  }

  static Map<String, Object> feature(Aoi aoi) {
    return feature(aoi.id(), aoi.current().geometryJson(), aoi.properties());
  }

  static Map<String, Object> feature(String id, String geometryJson, Map<String, Object> props) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    f.put("id", id);
    try {
      f.put("geometry", JSON.readTree(geometryJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    f.put("properties", props);
    return f;
  }

  private static int ifMatch(Context ctx, String id) {
    return WriteRequests.ifMatch(ctx, "GET " + BASE + "/" + id + " returns it in its ETag header");
  }

  private static String versionsHref(Context ctx, String id) {
    return Links.root(ctx) + BASE + "/" + id + "/versions";
  }

  private static boolean repair(Context ctx) {
    String r = ctx.queryParam("repair");
    if (r == null || r.equals("false")) {
      return false;
    }
    if (r.equals("true")) {
      return true;
    }
    throw ApiException.badParameter("repair", "must be true or false");
  }
}
