package org.sahelmap.testing;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;

/** Serves web/ alone (as the app does, from the classpath), for tests of the pure modules. */
public final class StaticWeb {
  private final Javalin app;

  private StaticWeb(Javalin app) {
    this.app = app;
  }

  public static StaticWeb start() {
    Javalin app =
        Javalin.create(
                config -> {
                  config.showJavalinBanner = false;
                  config.staticFiles.add(
                      files -> {
                        files.hostedPath = "/";
                        files.directory = "/web";
                        files.location = Location.CLASSPATH;
                      });
                })
            .start("127.0.0.1", 0);
    return new StaticWeb(app);
  }

  public String url() {
    return "http://127.0.0.1:" + app.port() + "/";
  }

  public void stop() {
    app.stop();
  }
}
