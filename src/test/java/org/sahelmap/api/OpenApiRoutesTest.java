package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestDatabase;

/**
 * Every route the app serves under /ogc is described in the OpenAPI document: they cannot drift.
 */
@NeedsDatabase
class OpenApiRoutesTest {

  @Test
  void everyOgcRouteIsInTheApiDocument() {
    try (Database db = TestDatabase.fresh()) {
      var app = AppFactory.create(db, new PostgisFeatureStore(db.dataSource()), 1000);
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> paths =
          (Map<String, Map<String, Object>>) OpenApiDocument.build("http://x", 1000).get("paths");
      List<String> missing = new ArrayList<>();
      int checked = 0;
      for (ParsedEndpoint e : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
        String path = e.getEndpoint().getPath();
        HandlerType method = e.getEndpoint().getMethod();
        if (!path.startsWith("/ogc")
            || !method.isHttpMethod()
            || method == HandlerType.OPTIONS
            || method == HandlerType.HEAD) {
          continue;
        }
        checked++;
        // The document's paths are relative to its server URL, which ends in /ogc.
        String relative = path.equals("/ogc") ? "/" : path.substring("/ogc".length());
        Map<String, Object> item = paths.get(relative);
        // The generic item path covers GET on the aois item too.
        if (item == null && path.startsWith("/ogc/collections/aois/items/")) {
          item = paths.get(relative.replace("/aois/", "/{collectionId}/"));
        }
        if (item == null || !item.containsKey(method.name().toLowerCase())) {
          missing.add(method + " " + path);
        }
      }
      assertThat(checked).isGreaterThan(15);
      assertThat(missing).isEmpty();
    }
  }
}
