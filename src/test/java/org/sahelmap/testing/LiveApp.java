package org.sahelmap.testing;

import io.javalin.Javalin;
import org.sahelmap.api.AppFactory;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * The whole app on a real port over a fresh PostGIS holding the real layers, events and default
 * briefing ({@link DevData}): what the browser tests open.
 */
public record LiveApp(Database db, PostgisFeatureStore store, Javalin app, String base)
    implements AutoCloseable {

  public static LiveApp start() {
    Database db = TestDatabase.fresh();
    PostgisFeatureStore store = new PostgisFeatureStore(db.dataSource());
    DevData.load(db);
    Javalin app = AppFactory.create(db, store, 10000, DevData.documentsDir()).start("127.0.0.1", 0);
    return new LiveApp(db, store, app, "http://127.0.0.1:" + app.port() + "/");
  }

  @Override
  public void close() {
    app.stop();
    db.close();
  }
}
