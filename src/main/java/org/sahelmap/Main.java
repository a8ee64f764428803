package org.sahelmap;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.sahelmap.accounts.AccountCommands;
import org.sahelmap.accounts.AccountStore;
import org.sahelmap.api.AppFactory;
import org.sahelmap.api.AppOptions;
import org.sahelmap.briefing.BriefingStore;
import org.sahelmap.briefing.DefaultBriefing;
import org.sahelmap.build.LayerBuilder;
import org.sahelmap.config.Settings;
import org.sahelmap.config.UsageException;
import org.sahelmap.documents.ImportDocumentCommand;
import org.sahelmap.errors.Refusal;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.events.DocumentStore;
import org.sahelmap.events.EventImporter;
import org.sahelmap.events.EventParser;
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
        import-events FILE    load events from a GeoJSON or CSV file, ours or an ACLED or
                              UCDP GED export as it is (all or nothing)
        import-document FILE  store a .txt, .html or .pdf document (at most 10 MiB) and propose
                              the events found in it for review
        user add [--role viewer|analyst|admin] NAME
                              add an account (password: first line of stdin; none: one is made up)
        user list | user remove NAME | user set-role NAME ROLE | user password NAME
        token add NAME LABEL  print a new bearer token for an account's scripts and GIS clients
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
        case "import-events" -> importEvents(rest, out, err);
        case "import-document" -> importDocument(rest, out, err);
        case "user", "token" -> accountCommand(command, rest, out);
        default -> throw new UsageException("unknown command: " + command);
      };
    } catch (UsageException e) {
      err.println("sahel-map: " + e.getMessage());
      err.print(USAGE + Settings.describeAll());
      return 2;
    } catch (Refusal e) {
      err.println("sahel-map: " + e.getMessage());
      return 1;
    } catch (DatabaseUnavailableException | SourceDataException e) {
      err.println("sahel-map: " + e.getMessage());
      return 1;
    }
  }

  private static int buildLayers(Settings settings, PrintStream out) {
    try (Database database = Database.open(settings.database())) {
      new DocumentStore(database.dataSource()).upsert(CuratedEvents.documents());
      int n = layerBuilder().buildInto(new PostgisFeatureStore(database.dataSource()));
      out.println("sahel-map: built " + n + " layers");
      return 0;
    }
  }

  /** {@code user ...} and {@code token ...}; settings (the database) follow the arguments. */
  private static int accountCommand(String command, List<String> rest, PrintStream out) {
    int firstOption = 0;
    while (firstOption < rest.size() && !rest.get(firstOption).startsWith("--database")) {
      firstOption++;
    }
    Settings settings = Settings.from(rest.subList(firstOption, rest.size()), System::getenv);
    List<String> args = rest.subList(0, firstOption);
    try (Database database = Database.open(settings.database())) {
      AccountCommands commands = new AccountCommands(new AccountStore(database.dataSource()));
      return command.equals("user")
          ? commands.user(args, System.in, out)
          : commands.token(args, out);
    } catch (IOException e) {
      throw new UsageException("could not read the password from standard input");
    }
  }

  private static int importDocument(List<String> rest, PrintStream out, PrintStream err) {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new UsageException("import-document needs a FILE (.txt, .html or .pdf)");
    }
    Path file = Path.of(rest.get(0));
    Settings settings = Settings.from(rest.subList(1, rest.size()), System::getenv);
    try (Database database = Database.open(settings.database())) {
      return ImportDocumentCommand.run(file, database.dataSource(), out, err);
    }
  }

  private static LayerBuilder layerBuilder() {
    return new LayerBuilder(SourceFiles.classpath(), Clock.systemUTC());
  }

  private static int importEvents(List<String> rest, PrintStream out, PrintStream err) {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new UsageException("import-events needs a FILE (.geojson, .json or .csv)");
    }
    Path file = Path.of(rest.get(0));
    Settings settings = Settings.from(rest.subList(1, rest.size()), System::getenv);
    if (!EventParser.supported(file)) {
      throw new UsageException("import-events reads .geojson, .json or .csv files, not " + file);
    }
    try (Database database = Database.open(settings.database())) {
      EventImporter importer =
          new EventImporter(
              new PostgisFeatureStore(database.dataSource()),
              new DocumentStore(database.dataSource()),
              CuratedEvents.documents());
      EventImporter.Result result = importer.importFile(file, err);
      if (!result.ok()) {
        result.problems().forEach(p -> err.println(file + ":" + p));
        long unlisted = result.problemCount() - result.problems().size();
        if (unlisted > 0) {
          err.println(file + ": and " + unlisted + " more problem(s)");
        }
        err.println(
            "sahel-map: nothing imported from "
                + file
                + ": "
                + result.problemCount()
                + " problem(s)");
        return 1;
      }
      out.println("imported " + result.imported() + " events from " + file);
      return 0;
    } catch (IOException e) {
      err.println("sahel-map: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
  }

  private static int serve(Settings settings, PrintStream err) {
    int port = settings.port();
    AppOptions options = AppOptions.from(settings);
    Database database = Database.openForServing(settings.database());
    // The registry is mirrored into the database at every start so SQL clients can join on it.
    new DocumentStore(database.dataSource()).upsert(CuratedEvents.documents());
    PostgisFeatureStore store = new PostgisFeatureStore(database.dataSource());
    if (LayerBuilder.missingFrom(store)) {
      // First start, a database from before a layer existed, or layers built from other sources
      // than their definitions now name (an upgrade that changed the data): rebuild them all.
      layerBuilder().buildInto(store);
    }
    DefaultBriefing.ensure(new BriefingStore(database.dataSource(), Clock.systemUTC()));
    Javalin app = AppFactory.create(database, store, options);
    if (!new AccountStore(database.dataSource()).any()) {
      err.println(
          "sahel-map: no accounts yet: "
              + (options.access().anonymousView()
                  ? "anyone who reaches this server may view; "
                  : "")
              + "to draw and edit, add the first admin with"
              + " `java -jar target/sahel-map.jar user add --role admin NAME`");
    }
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
