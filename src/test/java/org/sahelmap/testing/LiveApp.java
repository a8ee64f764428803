package org.sahelmap.testing;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sahelmap.accounts.AccountStore;
import org.sahelmap.api.AppFactory;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * The whole app on a real port over a fresh PostGIS holding the real layers, events and default
 * briefing ({@link DevData}): what the browser tests open.
 */
public record LiveApp(
    Database db, PostgisFeatureStore store, Javalin app, String base, TestAccounts accounts)
    implements AutoCloseable {

  public static LiveApp start() {
    Database db = TestDatabase.fresh();
    PostgisFeatureStore store = new PostgisFeatureStore(db.dataSource());
    DevData.load(db);
    TestAccounts accounts = TestAccounts.create(db);
    Javalin app = AppFactory.create(db, store, 10000, DevData.documentsDir()).start("127.0.0.1", 0);
    return new LiveApp(db, store, app, "http://127.0.0.1:" + app.port() + "/", accounts);
  }

  /**
   * Signs the browser in as {@code name} the way a sign-in leaves it: with a session cookie (made
   * here rather than by typing into the form, which {@code SignInBrowserTest} does). The page reads
   * its CSRF token from /api/session when it next loads.
   */
  public void signIn(ChromeDriver driver, String name) {
    String secret =
        new AccountStore(db.dataSource()).openSession(name, Duration.ofHours(1), "test").secret();
    // Through DevTools, for the app's origin: no page needs to be open to set it.
    driver.executeCdpCommand(
        "Network.setCookie",
        Map.of(
            "name",
            "sahel_session",
            "value",
            secret,
            "url",
            base,
            "path",
            "/",
            "httpOnly",
            true,
            "sameSite",
            "Lax"));
  }

  @Override
  public void close() {
    app.stop();
    db.close();
  }
}
