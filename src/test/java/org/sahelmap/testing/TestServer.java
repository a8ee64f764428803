package org.sahelmap.testing;

import io.javalin.Javalin;
import org.sahelmap.api.AppFactory;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * Serves the app against {@code TEST_DATABASE_URL} on the port given as first argument (0: any), as
 * it stands (no reset), printing "listening on PORT" once it accepts connections. Tests start it in
 * a separate JVM to run the server under a small heap; "seed" as second argument loads {@link
 * SampleLayers} first, for trying clients such as ogrinfo by hand.
 */
public final class TestServer {
  private TestServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Database db = Database.open(TestDatabase.url());
    PostgisFeatureStore store = new PostgisFeatureStore(db.dataSource());
    if (args.length > 1 && args[1].equals("seed")) {
      SampleLayers.load(store);
    }
    Javalin app = AppFactory.create(db, store, 10_000).start("127.0.0.1", port);
    System.out.println("listening on " + app.port());
    System.out.flush();
  }
}
