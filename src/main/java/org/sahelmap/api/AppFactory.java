package org.sahelmap.api;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.sahelmap.accounts.AccountStore;
import org.sahelmap.accounts.SignIn;
import org.sahelmap.aoi.AoiAnalysis;
import org.sahelmap.aoi.AoiStore;
import org.sahelmap.briefing.BriefingStore;
import org.sahelmap.documents.CandidateStore;
import org.sahelmap.documents.DocumentList;
import org.sahelmap.documents.DocumentUploads;
import org.sahelmap.documents.ReviewQueue;
import org.sahelmap.events.Citations;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.events.DocumentStore;
import org.sahelmap.events.EventImporter;
import org.sahelmap.live.ChangeFeed;
import org.sahelmap.live.ChangeSource;
import org.sahelmap.live.FeatureCache;
import org.sahelmap.live.PresenceStore;
import org.sahelmap.store.Database;
import org.sahelmap.store.EventHistogram;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.PostgisTileStore;
import org.sahelmap.store.PropertyTypes;
import org.sahelmap.tiles.TileCache;

/**
 * Builds the web application from its dependencies and returns it unstarted, so tests run the very
 * same app with javalin-testtools. Every route is listed in {@link #routes}.
 */
public final class AppFactory {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppFactory.class);

  /** Largest request body accepted (AOIs, imports); larger ones get 413. */
  public static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;

  /** Memory for recently made tiles (a z6 events tile is a few KB; a z0 context tile ~1 MB). */
  static final long TILE_CACHE_BYTES = 32L * 1024 * 1024;

  /** Characters of single features kept by {@link FeatureCache} (about 64 MB at 2 bytes each). */
  static final long FEATURE_CACHE_CHARS = 32L * 1024 * 1024;

  private AppFactory() {}

  /** The app, with the source documents' text looked for in the default documents folder. */
  public static Javalin create(Database database, FeatureStore store, int maxLimit) {
    return create(database, store, AppOptions.defaults(maxLimit));
  }

  public static Javalin create(
      Database database, FeatureStore store, int maxLimit, Path documentsDir) {
    return create(database, store, new AppOptions(maxLimit, documentsDir, null));
  }

  public static Javalin create(Database database, FeatureStore store, AppOptions options) {
    int maxLimit = options.maxLimit();
    Javalin app = configured(options);
    DocumentUploads uploads = new DocumentUploads(database.dataSource(), Clock.systemUTC());
    Citations citations = new Citations(CuratedEvents.documents(), options.documentsDir(), uploads);
    reportMissingTexts(citations);
    BriefingStore briefings = new BriefingStore(database.dataSource(), Clock.systemUTC());
    AccountStore accounts = new AccountStore(database.dataSource());
    ClientAddress clients = new ClientAddress(options.trustProxy());
    SignIn signIn = new SignIn(accounts, options.access(), Clock.systemUTC());
    new AccessControl(accounts, options.access(), signIn, clients).register(app);
    accountRoutes(app, accounts, signIn, clients);
    // One listener per server instance: every browser of this instance hears every instance's
    // writes (PostgreSQL fans them out), so any number of instances need no sticky sessions.
    ChangeFeed feed = new ChangeFeed(database);
    PresenceStore presence = new PresenceStore(database.dataSource());
    PresenceHandler people = new PresenceHandler(presence);
    app.get(PresenceHandler.PATH, people::get, Access.READ);
    app.put(PagePaths.PRESENCE_CLIENT, people::announce, Access.SIGNED_IN);
    app.delete(PagePaths.PRESENCE_CLIENT, people::leave, Access.SIGNED_IN);
    ChangesHandler changes = new ChangesHandler(feed, presence);
    app.sse(ChangesHandler.PATH, changes::stream, Access.READ);
    app.events(
        e -> {
          // Listening before the first request (an app built but never started holds no
          // connection): serverStarting runs before Jetty accepts connections.
          e.serverStarting(feed::start);
          io.javalin.event.LifecycleEventListener close =
              () -> {
                changes.stop();
                feed.close();
              };
          e.serverStopping(close);
          // A start that fails (the port taken) has already started the feed, and a server that
          // never ran is not stopped: the feed would listen on for a server that is not there.
          e.serverStartFailed(close);
        });
    FeatureCache features = new FeatureCache(store, feed, FEATURE_CACHE_CHARS);
    routes(app, database, store, maxLimit, citations, briefings, features);
    documentRoutes(app, database, store, citations, uploads);
    // The page's own settings: which online basemap, if any, it may offer (off unless configured).
    Map<String, Object> pageConfig = new HashMap<>();
    pageConfig.put("onlineBasemap", options.onlineBasemapUrl());
    // So the upload control states the limit the server holds to, and checks it before sending.
    pageConfig.put("eventImportMaxBytes", EventImportHandler.MAX_BYTES);
    pageConfig.put("documentUploadMaxBytes", DocumentUploads.MAX_BYTES);
    pageConfig.put("paths", PagePaths.forThePage());
    app.get(PagePaths.CONFIG, ctx -> ctx.json(pageConfig), Access.PUBLIC);
    // Browsers ask for it on every JSON or HTML page under /ogc; the page itself names none.
    app.get("/favicon.ico", ctx -> ctx.status(204), Access.PUBLIC);
    ErrorMapper.register(app);
    return app;
  }

  /**
   * The OGC API Features read routes alone (landing, collections, items, queryables, schemas) over
   * any {@link FeatureStore}, with the same settings, headers and errors as the whole app: handler,
   * parameter, paging and error tests run it over an in-memory store with no database. With no
   * change feed, single features are read through every time.
   */
  public static Javalin featuresOnly(FeatureStore store, AppOptions options) {
    Javalin app = configured(options);
    FeatureRoutes.register(
        app,
        store,
        options.maxLimit(),
        new PropertyTypes(store),
        new FeatureCache(store, ChangeSource.NONE, FEATURE_CACHE_CHARS));
    ErrorMapper.register(app);
    return app;
  }

  /** Javalin with the server's settings, static files, security headers and public URL. */
  private static Javalin configured(AppOptions options) {
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = MAX_REQUEST_BYTES;
              config.router.ignoreTrailingSlashes = true;
              // PUT on a read-only resource is a method it does not allow, not a missing page.
              config.http.prefer405over404 = true;
              config.jetty.modifyServer(server -> server.setErrorHandler(new ContainerErrors()));
              config.jetty.modifyServletContextHandler(
                  handler ->
                      handler.addFilter(
                          new org.eclipse.jetty.servlet.FilterHolder(new MethodOverride()),
                          "/*",
                          java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/web";
                    files.location = Location.CLASSPATH;
                    // ES modules as npm ships some (togeojson's .mjs): a module script must come
                    // with a JavaScript type, or the browser refuses it.
                    files.mimeTypes.add("text/javascript", "mjs");
                  });
              // Leaflet comes from its webjar on the classpath: /webjars/leaflet/1.9.4/dist/...
              config.staticFiles.enableWebjars();
            });
    SecurityHeaders headers = new SecurityHeaders(options.onlineBasemapUrl());
    PublicUrl publicUrl = new PublicUrl(options.publicUrl(), options.trustProxy());
    publicUrl.watch(app);
    app.before(
        ctx -> {
          headers.apply(ctx);
          ctx.attribute(Links.ROOT_ATTRIBUTE, publicUrl.root(ctx));
        });
    return app;
  }

  /**
   * Says at start-up which registered documents' texts this server cannot show, and where it
   * looked: the folder is resolved from where the server was started, and without the text the
   * events' passages and the reader are silently absent from every page.
   */
  private static void reportMissingTexts(Citations citations) {
    var missing = citations.missingTexts();
    if (missing.isEmpty()) {
      LOG.info(
          "documents: all {} registered texts found in {}",
          CuratedEvents.documents()
              .size(), // the registry only: no query at start-up, when the database may be down
          citations.documentsDir());
      return;
    }
    for (var d : missing) {
      LOG.warn(
          "documents: the text of '{}' ({}) is not in {} (or is another version than registered);"
              + " its events' passages will not be shown. Set --documents-dir to the folder that"
              + " holds it.",
          d.id(),
          d.title(),
          citations.documentsDir());
    }
  }

  /** Signing in and out, accounts, tokens and the audit trail. */
  private static void accountRoutes(
      Javalin app, AccountStore accounts, SignIn signIn, ClientAddress clients) {
    SessionHandler session = new SessionHandler(accounts, signIn, clients);
    AccountsHandler admin = new AccountsHandler(accounts);
    app.get(SessionHandler.PATH, session::get, Access.PUBLIC);
    app.post(SessionHandler.PATH, session::signIn, Access.PUBLIC);
    app.delete(SessionHandler.PATH, session::signOut, Access.SIGNED_IN);
    app.post(AccountsHandler.TOKENS, admin::issueToken, Access.SIGNED_IN);
    app.get(AccountsHandler.ACCOUNTS, admin::list, Access.ADMIN);
    app.post(AccountsHandler.ACCOUNTS, admin::add, Access.ADMIN);
    app.put(AccountsHandler.ACCOUNTS + "/{name}", admin::change, Access.ADMIN);
    app.delete(AccountsHandler.ACCOUNTS + "/{name}", admin::remove, Access.ADMIN);
    app.get(AccountsHandler.AUDIT, admin::audit, Access.ADMIN);
  }

  /** Uploaded documents and the review queue of the events proposed from them. */
  private static void documentRoutes(
      Javalin app,
      Database database,
      FeatureStore store,
      Citations citations,
      DocumentUploads uploads) {
    DocumentUploadHandler upload = new DocumentUploadHandler(uploads);
    CandidateStore candidates = new CandidateStore(database.dataSource());
    ReviewHandler review =
        new ReviewHandler(candidates, new ReviewQueue(candidates, store), citations);
    DocumentListHandler listed =
        new DocumentListHandler(new DocumentList(database.dataSource()), uploads, candidates);
    app.get(DocumentUploadHandler.PATH, listed::list, Access.ANALYST);
    app.post(DocumentUploadHandler.PATH, upload::upload, Access.ANALYST);
    app.post(PagePaths.DOCUMENT_EXTRACT, listed::extract, Access.ANALYST);
    app.get(PagePaths.DOCUMENT_CANDIDATES, review::list);
    app.post(PagePaths.CANDIDATE_ACCEPT, review::accept, Access.ANALYST);
    app.post(PagePaths.CANDIDATE_REJECT, review::reject, Access.ANALYST);
    app.post(PagePaths.CANDIDATE_MERGE, review::merge, Access.ANALYST);
  }

  private static void routes(
      Javalin app,
      Database database,
      FeatureStore store,
      int maxLimit,
      Citations citations,
      BriefingStore briefingStore,
      FeatureCache features) {
    PropertyTypes propertyTypes = new PropertyTypes(store);
    TilesHandler tiles =
        new TilesHandler(
            store, new PostgisTileStore(database.dataSource()), new TileCache(TILE_CACHE_BYTES));
    HistogramHandler histogram =
        new HistogramHandler(store, new EventHistogram(database.dataSource()));
    HealthHandler health = new HealthHandler(database);
    CitationHandler citation = new CitationHandler(store, citations);
    EventImportHandler eventImport =
        new EventImportHandler(
            new EventImporter(
                store, new DocumentStore(database.dataSource()), CuratedEvents.documents()));

    app.get("/health", health::get, Access.PUBLIC);
    // The AOIs' routes come first: their single-item GET carries the AOI's version as ETag, in
    // place of the generic one FeatureRoutes registers; the list stays on the generic read path.
    aoiRoutes(app, database);
    FeatureRoutes.register(app, store, maxLimit, propertyTypes, features);
    app.get(PagePaths.CITATION, citation::citation);
    app.get(PagePaths.DOCUMENTS, citation::documents);
    app.get(PagePaths.DOCUMENT_TEXT, citation::text);
    app.get("/ogc/tileMatrixSets", tiles::tileMatrixSets);
    app.get("/ogc/tileMatrixSets/{tileMatrixSetId}", tiles::tileMatrixSet);
    String tilesets = OgcPaths.TILESETS;
    app.get(tilesets, tiles::tilesets);
    app.get(tilesets + "/{tileMatrixSetId}", tiles::tileset);
    app.get(PagePaths.TILE, tiles::tile);
    app.get(HistogramHandler.PATH, histogram::histogram);
    app.post(EventImportHandler.PATH, eventImport::importFile, Access.ANALYST);
    briefingRoutes(app, new BriefingHandler(briefingStore, store, propertyTypes));
  }

  /** The writable AOI collection: its items, versions, analysis and export. */
  private static void aoiRoutes(Javalin app, Database database) {
    AoiStore aoiStore = new AoiStore(database.dataSource());
    AoiHandler aois = new AoiHandler(aoiStore);
    AoiAnalysisHandler aoiAnalysis =
        new AoiAnalysisHandler(aoiStore, new AoiAnalysis(database.dataSource()), aois);
    String aoiItem = PagePaths.AOI_ITEM;
    app.post(AoiHandler.BASE, aois::create, Access.ANALYST);
    app.post(AoiImportHandler.PATH, new AoiImportHandler()::importFile, Access.ANALYST);
    FeatureRoutes.readable(app, aoiItem, aois::item);
    app.put(aoiItem, aois::replace, Access.ANALYST);
    app.delete(aoiItem, aois::delete, Access.ANALYST);
    app.post(PagePaths.AOI_RESTORE, aois::restore, Access.ANALYST);
    app.get(aoiItem + "/versions", aois::versions);
    app.get(aoiItem + "/versions/{version}", aois::version);
    app.get(PagePaths.AOI_ANALYSIS, aoiAnalysis::analysis);
    app.get(PagePaths.AOI_EXPORT, aoiAnalysis::export);
  }

  /** Briefings: the list, each briefing, its versions and its exports. */
  private static void briefingRoutes(Javalin app, BriefingHandler briefings) {
    app.get(PagePaths.BRIEFINGS, briefings::list);
    app.post(PagePaths.BRIEFINGS, briefings::create, Access.ANALYST);
    app.post(PagePaths.BRIEFING_IMPORT, briefings::importFile, Access.ANALYST);
    app.get(PagePaths.BRIEFING, briefings::one);
    app.put(PagePaths.BRIEFING, briefings::replace, Access.ANALYST);
    app.delete(PagePaths.BRIEFING, briefings::delete, Access.ANALYST);
    app.post(PagePaths.BRIEFING_RESTORE, briefings::restore, Access.ANALYST);
    app.get(PagePaths.BRIEFING_VERSIONS, briefings::versions);
    app.get(PagePaths.BRIEFING_EXPORT, briefings::export);
    app.get(PagePaths.BRIEFING_PACK, briefings::pack);
  }
}
