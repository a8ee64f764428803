package org.sahelmap.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import org.sahelmap.live.FeatureCache;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.PropertyTypes;

/**
 * The read side of OGC API Features (Parts 1 to 3) and its HEADs: landing page, conformance, the
 * API document, collections, items, single features, queryables and schemas. It needs nothing but a
 * {@link FeatureStore}, so the whole app and {@link AppFactory#featuresOnly} register the same
 * routes. A more specific route (the AOIs' single item) must be registered before these.
 */
final class FeatureRoutes {
  private FeatureRoutes() {}

  static void register(
      Javalin app,
      FeatureStore store,
      int maxLimit,
      PropertyTypes propertyTypes,
      FeatureCache features) {
    LandingHandler landing = new LandingHandler(maxLimit);
    CollectionsHandler collections = new CollectionsHandler(store);
    FilterParams filters = new FilterParams(propertyTypes);
    ItemsHandler items = new ItemsHandler(store, maxLimit, filters, features);
    QueryablesHandler queryables = new QueryablesHandler(store, filters);
    FeatureSchemaHandler schema = new FeatureSchemaHandler(store, filters);

    // Other web maps may read the API from their own origin. CORS allows any origin to read, but
    // without credentials: a session cookie is never sent cross-origin, so another site's script
    // reads only what an anonymous visitor may. Routes without an Access role get the safe
    // default (READ for GET, ANALYST for writes: AccessControl.needed).
    app.before("/ogc*", Cors::allowReads);
    app.options("/ogc*", Cors::preflight);

    readable(app, "/ogc", landing::landing);
    readable(app, "/ogc/conformance", landing::conformance);
    readable(app, "/ogc/api", landing::openApi);
    readable(app, OgcPaths.COLLECTIONS, collections::list);
    readable(app, OgcPaths.COLLECTION, collections::one);
    readable(app, OgcPaths.ITEMS, items::items);
    readable(app, OgcPaths.ITEM, items::item);
    readable(app, OgcPaths.QUERYABLES, queryables::queryables);
    readable(app, OgcPaths.SCHEMA, schema::schema);
  }

  /** GET, and HEAD with the GET's status and headers (Jetty sends no body for HEAD). */
  static void readable(Javalin app, String path, Handler handler) {
    app.get(path, handler);
    app.head(path, handler);
  }
}
