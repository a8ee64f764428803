package org.sahelmap;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.sahelmap.api.AppFactory;
import org.sahelmap.config.Settings;
import org.sahelmap.config.UsageException;
import org.sahelmap.layers.LayerBuilder;
import org.sahelmap.layers.SourceDataException;
import org.sahelmap.layers.SourceFiles;
import org.sahelmap.store.Database;
import org.sahelmap.store.DatabaseUnavailableException;
import org.sahelmap.store.PostgisFeatureStore;

/**
 * Entry point: reads the command and its settings, opens the store, wires the app. Nothing else.
 */
public final class Main {

  static final String USAGE =
      """
      Usage: java -jar sahel-map.jar COMMAND [OPTIONS]

      Commands:
        serve                 start the map server (builds the layers first if the database has none)
        build-layers          compute every layer from data/ and write them to PostGIS
        import-events FILE    load events from a GeoJSON or CSV file (all or nothing)
        help                  show this text

      Options (each also read from its environment variable):
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
      out.print(USAGE + Settings.describeAll());
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (command) {
        case "serve" -> serve(Settings.from(rest, System::getenv), err);
        case "build-layers" -> buildLayers(Settings.from(rest, System::getenv), out);
        default -> throw new UsageException("unknown command: " + command);
      };
    } catch (UsageException e) {
      err.println("sahel-map: " + e.getMessage());
      err.print(USAGE + Settings.describeAll());
      return 2;
    } catch (DatabaseUnavailableException | SourceDataException e) {
      err.println("sahel-map: " + e.getMessage());
      return 1;
    }
  }

  private static int buildLayers(Settings settings, PrintStream out) {
    try (Database database = Database.open(settings.database())) {
      int n = layerBuilder().buildInto(new PostgisFeatureStore(database.dataSource()));
      out.println("sahel-map: built " + n + " layers");
      return 0;
    }
  }

  private static LayerBuilder layerBuilder() {
    return new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC());
  }

  private static int serve(Settings settings, PrintStream err) {
    int port = settings.port();
    int maxLimit = settings.getInt(Settings.MAX_PAGE_SIZE, 1, 1_000_000);
    Database database = Database.open(settings.database());
    Javalin app =
        AppFactory.create(database, new PostgisFeatureStore(database.dataSource()), maxLimit);
    try {
      app.start(settings.get(Settings.HOST), port);
    } catch (JavalinBindException e) {
      database.close();
      err.println(
          "sahel-map: port "
              + port
              + " is already in use; stop the other program or choose another with --port");
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  database.close();
                }));
    try {
      app.jettyServer().server().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
