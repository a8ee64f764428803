package org.sahelmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.api.AppFactory;
import org.sahelmap.api.AppOptions;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * Issue 16, accounts: every write route for each role (allowed and refused), sessions with their
 * cookie and CSRF token, HTTP Basic and bearer tokens, anonymous viewing on and off, a trusted
 * proxy's header, rate limits on sign-ins and writes, account management and the audit trail. Real
 * HTTP on a real port against PostGIS.
 */
@NeedsDatabase
class AccessControlApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String AOIS = "/ogc/collections/aois/items";
  static final String BRIEFING = "/api/briefings/partnership-not-dependency";
  static final String POLYGON =
      "{\"type\":\"Feature\",\"properties\":{\"name\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
          + "\"coordinates\":[[[1,18],[2,18],[2,19],[1,19],[1,18]]]}}";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Database db;
  static TestAccounts accounts;
  static final List<Javalin> apps = new ArrayList<>();

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    DevData.load(db);
    accounts = TestAccounts.create(db);
  }

  @AfterAll
  static void close() {
    apps.forEach(Javalin::stop);
    db.close();
  }

  static String start(AccessOptions access) {
    Javalin app =
        AppFactory.create(
                db,
                new PostgisFeatureStore(db.dataSource()),
                AppOptions.defaults(1000).withAccess(access))
            .start("127.0.0.1", 0);
    apps.add(app);
    return "http://127.0.0.1:" + app.port();
  }

  record Reply(int code, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  static Reply send(String base, String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String text = r.body();
    JsonNode json = null;
    if (!text.isEmpty() && text.trim().startsWith("{")) {
      json = JSON.readTree(text);
    }
    return new Reply(r.statusCode(), json, r);
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  static String basic(String name, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String stored() throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT count(*) FROM aoi_version) || '/' || (SELECT count(*) FROM"
                    + " briefing_version) || '/' || (SELECT string_agg(name || ':' || role, ','"
                    + " ORDER BY name) FROM account)")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A write route, with a body that would be accepted. */
  record Write(String method, String path, String body, boolean adminOnly) {}

  static List<Write> writes(String aoiId) {
    String aoi = AOIS + "/" + aoiId;
    return List.of(
        new Write("POST", AOIS, POLYGON.formatted("by role"), false),
        new Write("PUT", aoi, POLYGON.formatted("renamed"), false),
        new Write("DELETE", aoi, null, false),
        new Write("POST", aoi + "/restore", null, false),
        new Write("POST", "/api/briefings", "{\"name\":\"Role test\",\"slides\":[]}", false),
        new Write("POST", "/api/briefings/import", "{\"type\":\"FeatureCollection\"}", false),
        new Write("PUT", BRIEFING, "{\"name\":\"x\",\"slides\":[]}", false),
        new Write("DELETE", BRIEFING, null, false),
        new Write("POST", BRIEFING + "/restore", null, false),
        new Write(
            "POST",
            "/api/accounts",
            "{\"name\":\"newbie\",\"role\":\"viewer\",\"password\":\"long enough pass\"}",
            true),
        new Write("PUT", "/api/accounts/" + TestAccounts.VIEWER, "{\"role\":\"viewer\"}", true),
        new Write("DELETE", "/api/accounts/nobody-here", null, true));
  }

  @Test
  void everyWriteRouteChecksTheRoleOnTheServer() throws Exception {
    String base = start(AccessOptions.DEFAULTS);
    Reply created =
        send(
            base,
            "POST",
            AOIS,
            POLYGON.formatted("role target"),
            "Authorization",
            accounts.analyst());
    assertThat(created.code()).isEqualTo(201);
    String aoiId = created.body().path("id").asText();
    List<Write> routes = writes(aoiId);

    // Refused: nothing stored changes, and the status says why.
    String before = stored();
    for (Write w : routes) {
      Reply anonymous = send(base, w.method(), w.path(), w.body(), "If-Match", "*");
      assertThat(anonymous.code()).as("anonymous " + w).isEqualTo(401);
      assertThat(anonymous.body().path("code").asText()).isEqualTo("Unauthorized");
      Reply viewer =
          send(
              base,
              w.method(),
              w.path(),
              w.body(),
              "If-Match",
              "*",
              "Authorization",
              bearer(accounts.viewerToken()));
      assertThat(viewer.code()).as("viewer " + w).isEqualTo(403);
      assertThat(viewer.body().path("description").asText()).contains("viewer");
      if (w.adminOnly()) {
        Reply analyst =
            send(
                base,
                w.method(),
                w.path(),
                w.body(),
                "If-Match",
                "*",
                "Authorization",
                accounts.analyst());
        assertThat(analyst.code()).as("analyst " + w).isEqualTo(403);
      }
    }
    assertThat(stored()).isEqualTo(before);

    // Allowed: each role that may, in an order where each request makes sense.
    for (Write w : routes) {
      String who = w.adminOnly() ? bearer(accounts.adminToken()) : accounts.analyst();
      Reply r = send(base, w.method(), w.path(), w.body(), "If-Match", "*", "Authorization", who);
      assertThat(r.code()).as(w + " " + r.body()).isNotIn(401, 403).isLessThan(500);
    }
    // The writes that should have succeeded did, authored by the account, not by a header.
    Reply byAdmin =
        send(
            base,
            "POST",
            AOIS,
            POLYGON.formatted("admin's"),
            "Authorization",
            bearer(accounts.adminToken()),
            "X-User",
            "mallory");
    assertThat(byAdmin.code()).isEqualTo(201);
    assertThat(byAdmin.body().at("/properties/created_by").asText()).isEqualTo(TestAccounts.ADMIN);
    assertThat(new AccountStore(db.dataSource()).find("newbie")).isPresent();

    // Reads stay open to anonymous visitors by default, and admin pages do not.
    assertThat(send(base, "GET", AOIS, null).code()).isEqualTo(200);
    assertThat(send(base, "GET", "/api/accounts", null).code()).isEqualTo(401);
    assertThat(send(base, "GET", "/api/audit", null, "Authorization", accounts.analyst()).code())
        .isEqualTo(403);
  }

  /** Signs in through the API as the page does: the cookie value and the CSRF token. */
  static String[] signIn(String base, String name) throws Exception {
    return signIn(base, name, TestAccounts.PASSWORD);
  }

  static String[] signIn(String base, String name, String password) throws Exception {
    Reply r =
        send(
            base,
            "POST",
            "/api/session",
            "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
    assertThat(r.code()).as(String.valueOf(r.body())).isEqualTo(200);
    String setCookie = r.header("Set-Cookie");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    return new String[] {cookie, r.body().path("csrfToken").asText(), setCookie};
  }

  @Test
  void aSessionCookieWritesOnlyWithItsCsrfTokenAndEndsAtSignOut() throws Exception {
    String base = start(AccessOptions.DEFAULTS);
    String[] s = signIn(base, TestAccounts.ANALYST);
    assertThat(s[2]).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    assertThat(s[2]).doesNotContain("Secure"); // plain http here; see the https case below
    assertThat(s[1]).hasSize(43);

    Reply me = send(base, "GET", "/api/session", null, "Cookie", s[0]);
    assertThat(me.body().at("/user/name").asText()).isEqualTo(TestAccounts.ANALYST);
    assertThat(me.body().at("/user/role").asText()).isEqualTo("analyst");
    assertThat(me.body().path("csrfToken").asText()).isEqualTo(s[1]);
    assertThat(me.header("Cache-Control")).isEqualTo("no-store");

    String body = POLYGON.formatted("csrf");
    String before = stored();
    Reply noToken = send(base, "POST", AOIS, body, "Cookie", s[0]);
    assertThat(noToken.code()).isEqualTo(403);
    assertThat(noToken.body().path("code").asText()).isEqualTo("CsrfTokenMissing");
    Reply wrong = send(base, "POST", AOIS, body, "Cookie", s[0], "X-CSRF-Token", "x" + s[1]);
    assertThat(wrong.code()).isEqualTo(403);
    // Another session's token does not fit this one.
    String[] other = signIn(base, TestAccounts.ANALYST);
    assertThat(send(base, "POST", AOIS, body, "Cookie", s[0], "X-CSRF-Token", other[1]).code())
        .isEqualTo(403);
    assertThat(stored()).isEqualTo(before);
    Reply ok = send(base, "POST", AOIS, body, "Cookie", s[0], "X-CSRF-Token", s[1]);
    assertThat(ok.code()).isEqualTo(201);
    assertThat(ok.body().at("/properties/created_by").asText()).isEqualTo(TestAccounts.ANALYST);

    // Signing in from a cross-site form is refused: the body must be JSON.
    HttpResponse<String> form =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=alice&password=x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(415);

    assertThat(send(base, "DELETE", "/api/session", null, "Cookie", s[0]).code())
        .as("signing out is a write: it needs the token too")
        .isEqualTo(403);
    Reply out = send(base, "DELETE", "/api/session", null, "Cookie", s[0], "X-CSRF-Token", s[1]);
    assertThat(out.code()).isEqualTo(204);
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    Reply after = send(base, "GET", "/api/session", null, "Cookie", s[0]);
    assertThat(after.body().path("user").isNull()).isTrue();
    assertThat(send(base, "POST", AOIS, body, "Cookie", s[0], "X-CSRF-Token", s[1]).code())
        .isEqualTo(401);

    Reply bad =
        send(base, "POST", "/api/session", "{\"name\":\"alice\",\"password\":\"wrong one!\"}");
    assertThat(bad.code()).isEqualTo(401);
    assertThat(bad.body().path("description").asText()).isEqualTo("the name or password is wrong");
    Reply unknown =
        send(base, "POST", "/api/session", "{\"name\":\"nobody\",\"password\":\"wrong one!\"}");
    assertThat(unknown.body().path("description").asText())
        .as("an unknown name is not told apart from a wrong password")
        .isEqualTo(bad.body().path("description").asText());
  }

  @Test
  void behindHttpsTheCookieIsSecure() throws Exception {
    Javalin app =
        AppFactory.create(
                db,
                new PostgisFeatureStore(db.dataSource()),
                new AppOptions(
                    1000, DevData.documentsDir(), null, "https://maps.example.org", false))
            .start("127.0.0.1", 0);
    apps.add(app);
    String[] s = signIn("http://127.0.0.1:" + app.port(), TestAccounts.VIEWER);
    assertThat(s[2]).contains("; Secure");
  }

  @Test
  void basicAndBearerServeGisClientsWhenAnonymousViewingIsOff() throws Exception {
    String base = start(AccessOptions.DEFAULTS.withAnonymousView(false));
    Reply anonymous = send(base, "GET", "/ogc/collections", null);
    assertThat(anonymous.code()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=");
    // The page's own scripts are not offered Basic, so the browser shows no password dialog.
    assertThat(
            send(base, "GET", "/ogc/collections", null, "Sec-Fetch-Mode", "cors")
                .header("WWW-Authenticate"))
        .startsWith("Bearer");
    assertThat(send(base, "GET", "/", null).code())
        .as("the page itself, to sign in")
        .isEqualTo(200);
    assertThat(send(base, "GET", "/health", null).code()).isEqualTo(200);
    Reply session = send(base, "GET", "/api/session", null);
    assertThat(session.code()).isEqualTo(200);
    assertThat(session.body().path("anonymousView").asBoolean()).isFalse();

    String vera = basic(TestAccounts.VIEWER, TestAccounts.PASSWORD);
    assertThat(send(base, "GET", "/ogc/collections", null, "Authorization", vera).code())
        .isEqualTo(200);
    assertThat(
            send(
                    base,
                    "GET",
                    "/ogc/collections",
                    null,
                    "Authorization",
                    bearer(accounts.viewerToken()))
                .code())
        .isEqualTo(200);
    Reply wrong =
        send(base, "GET", "/ogc/collections", null, "Authorization", basic("vera", "nope nope"));
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(
            send(base, "GET", "/ogc/collections", null, "Authorization", "Bearer " + "a".repeat(43))
                .code())
        .isEqualTo(401);

    // Basic is for reading: a browser resends it by itself, with no CSRF token.
    Reply basicWrite =
        send(
            base,
            "POST",
            AOIS,
            POLYGON.formatted("basic"),
            "Authorization",
            basic(TestAccounts.ANALYST, TestAccounts.PASSWORD));
    assertThat(basicWrite.code()).isEqualTo(403);
    assertThat(basicWrite.body().path("code").asText()).isEqualTo("BasicAuthReadOnly");
    Reply bearerWrite =
        send(base, "POST", AOIS, POLYGON.formatted("bearer"), "Authorization", accounts.analyst());
    assertThat(bearerWrite.code()).isEqualTo(201);

    // A signed-in user gets a token for their GIS client, and it reads as them.
    String[] s = signIn(base, TestAccounts.VIEWER);
    Reply token =
        send(
            base,
            "POST",
            "/api/tokens",
            "{\"label\":\"QGIS\"}",
            "Cookie",
            s[0],
            "X-CSRF-Token",
            s[1]);
    assertThat(token.code()).isEqualTo(201);
    assertThat(
            send(
                    base,
                    "GET",
                    "/ogc/collections",
                    null,
                    "Authorization",
                    bearer(token.body().path("token").asText()))
                .code())
        .isEqualTo(200);
  }

  @Test
  void failedSignInsAndWritesAreRateLimited() throws Exception {
    String base = start(AccessOptions.DEFAULTS.withWritesPerMinute(3));
    String wrong = "{\"name\":\"" + TestAccounts.ADMIN + "\",\"password\":\"not the password\"}";
    for (int i = 0; i < SignIn.FAILURES_PER_CLIENT; i++) {
      assertThat(send(base, "POST", "/api/session", wrong).code()).isEqualTo(401);
    }
    Reply limited =
        send(
            base,
            "POST",
            "/api/session",
            "{\"name\":\""
                + TestAccounts.ADMIN
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\"}");
    assertThat(limited.code()).as("even the right password, while limited").isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 600L);

    String analyst = TestAccounts.analystNamed(db, "hasty");
    for (int i = 0; i < 3; i++) {
      assertThat(
              send(base, "POST", AOIS, POLYGON.formatted("w" + i), "Authorization", analyst).code())
          .isEqualTo(201);
    }
    Reply tooMany = send(base, "POST", AOIS, POLYGON.formatted("w4"), "Authorization", analyst);
    assertThat(tooMany.code()).isEqualTo(429);
    assertThat(tooMany.header("Retry-After")).isNotNull();
    assertThat(send(base, "GET", AOIS, null, "Authorization", analyst).code())
        .as("reads are not limited")
        .isEqualTo(200);
  }

  @Test
  void aTrustedProxysHeaderNamesTheUserOnlyWhenConfigured() throws Exception {
    String ignoring = start(AccessOptions.DEFAULTS);
    Reply ignored =
        send(ignoring, "GET", "/api/session", null, "X-Remote-User", TestAccounts.ADMIN);
    assertThat(ignored.body().path("user").isNull()).as("off by default").isTrue();

    String base = start(AccessOptions.DEFAULTS.withProxyHeader("X-Remote-User"));
    Reply first = send(base, "GET", "/api/session", null, "X-Remote-User", TestAccounts.ANALYST);
    assertThat(first.body().at("/user/name").asText()).isEqualTo(TestAccounts.ANALYST);
    assertThat(first.body().path("signIn").asText()).isEqualTo("proxy");
    String setCookie = first.header("Set-Cookie");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf = first.body().path("csrfToken").asText();

    String body = POLYGON.formatted("via proxy");
    assertThat(send(base, "POST", AOIS, body, "X-Remote-User", TestAccounts.ANALYST).code())
        .as("the proxy's own sign-in travels by itself: a write needs the CSRF token")
        .isEqualTo(403);
    Reply ok =
        send(
            base,
            "POST",
            AOIS,
            body,
            "X-Remote-User",
            TestAccounts.ANALYST,
            "Cookie",
            cookie,
            "X-CSRF-Token",
            csrf);
    assertThat(ok.code()).isEqualTo(201);
    assertThat(ok.body().at("/properties/created_by").asText()).isEqualTo(TestAccounts.ANALYST);
    // Another name with the analyst's session does not inherit its token.
    assertThat(
            send(
                    base,
                    "POST",
                    AOIS,
                    body,
                    "X-Remote-User",
                    TestAccounts.ADMIN,
                    "Cookie",
                    cookie,
                    "X-CSRF-Token",
                    csrf)
                .code())
        .isEqualTo(403);
    Reply stranger = send(base, "GET", "/api/session", null, "X-Remote-User", "someone.else");
    assertThat(stranger.body().at("/user/role").asText())
        .as("no account: view only")
        .isEqualTo("viewer");
  }

  @Test
  void adminsManageAccountsAndReadTheAuditTrail() throws Exception {
    String base = start(AccessOptions.DEFAULTS);
    String admin = bearer(accounts.adminToken());
    Reply added =
        send(
            base,
            "POST",
            "/api/accounts",
            "{\"name\":\"fatou\",\"role\":\"analyst\",\"password\":\"a long password\"}",
            "Authorization",
            admin);
    assertThat(added.code()).isEqualTo(201);
    assertThat(added.body().path("role").asText()).isEqualTo("analyst");
    assertThat(added.body().has("password_hash")).isFalse();
    assertThat(
            send(
                    base,
                    "POST",
                    "/api/accounts",
                    "{\"name\":\"fatou\",\"role\":\"viewer\"}",
                    "Authorization",
                    admin)
                .code())
        .isEqualTo(409);
    Reply shortPassword =
        send(
            base,
            "POST",
            "/api/accounts",
            "{\"name\":\"short\",\"role\":\"viewer\",\"password\":\"short\"}",
            "Authorization",
            admin);
    assertThat(shortPassword.code()).isEqualTo(400);
    assertThat(shortPassword.body().path("description").asText()).contains("at least 10");
    assertThat(
            send(
                    base,
                    "POST",
                    "/api/accounts",
                    "{\"name\":\"<b>x</b>\",\"role\":\"viewer\"}",
                    "Authorization",
                    admin)
                .code())
        .isEqualTo(400);

    // fatou signs in, saves an AOI; then is disabled and her session stops working.
    String[] s = signIn(base, "fatou", "a long password");
    assertThat(
            send(
                    base,
                    "POST",
                    AOIS,
                    POLYGON.formatted("fatou's"),
                    "Cookie",
                    s[0],
                    "X-CSRF-Token",
                    s[1])
                .code())
        .isEqualTo(201);
    assertThat(
            send(base, "PUT", "/api/accounts/fatou", "{\"disabled\":true}", "Authorization", admin)
                .code())
        .isEqualTo(200);
    assertThat(
            send(
                    base,
                    "POST",
                    AOIS,
                    POLYGON.formatted("again"),
                    "Cookie",
                    s[0],
                    "X-CSRF-Token",
                    s[1])
                .code())
        .isEqualTo(401);

    // The last admin cannot demote or remove themselves.
    Reply demote =
        send(
            base,
            "PUT",
            "/api/accounts/" + TestAccounts.ADMIN,
            "{\"role\":\"viewer\"}",
            "Authorization",
            admin);
    assertThat(demote.code()).isEqualTo(409);
    assertThat(demote.body().path("code").asText()).isEqualTo("LastAdmin");
    assertThat(
            send(
                    base,
                    "DELETE",
                    "/api/accounts/" + TestAccounts.ADMIN,
                    null,
                    "Authorization",
                    admin)
                .code())
        .isEqualTo(409);

    send(base, "POST", "/api/session", "{\"name\":\"fatou\",\"password\":\"wrong password\"}");
    Reply audit = send(base, "GET", "/api/audit?limit=200", null, "Authorization", admin);
    assertThat(audit.code()).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    audit
        .body()
        .path("entries")
        .forEach(
            e ->
                lines.add(
                    e.path("actor").asText()
                        + " "
                        + e.path("action").asText()
                        + " "
                        + e.path("kind").asText()
                        + " "
                        + e.path("target").asText()));
    assertThat(lines)
        .contains(
            "adam account-added account fatou",
            "fatou signed-in account fatou",
            "adam account-changed account fatou",
            "fatou sign-in-refused account fatou")
        .anyMatch(l -> l.startsWith("fatou create aoi "));
    Instant first = Instant.parse(audit.body().at("/entries/0/at").asText());
    Instant last =
        Instant.parse(audit.body().at("/entries/" + (lines.size() - 1) + "/at").asText());
    assertThat(first).as("newest first").isAfterOrEqualTo(last);
    assertThat(send(base, "GET", "/api/audit?limit=0", null, "Authorization", admin).code())
        .isEqualTo(400);
    assertThat(
            send(base, "GET", "/api/audit?before=yesterday", null, "Authorization", admin).code())
        .isEqualTo(400);
  }

  @Test
  void theApiDocumentSaysHowToAuthenticate() throws Exception {
    String base = start(AccessOptions.DEFAULTS);
    Reply doc =
        send(
            base,
            "GET",
            "/ogc/api",
            null,
            "Accept",
            "application/vnd.oai.openapi+json;version=3.0");
    assertThat(doc.code()).isEqualTo(200);
    JsonNode schemes = doc.body().at("/components/securitySchemes");
    assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
    assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.at("/session/name").asText()).isEqualTo("sahel_session");
    JsonNode post = doc.body().at("/paths/~1collections~1aois~1items/post");
    assertThat(post.path("security").toString()).contains("bearer").doesNotContain("basic");
    assertThat(post.at("/responses/401").isMissingNode()).isFalse();
    assertThat(post.at("/responses/403").isMissingNode()).isFalse();
  }
}
