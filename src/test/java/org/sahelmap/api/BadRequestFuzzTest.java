package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.accounts.AccessOptions;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * Issue 16: a few hundred generated bad requests (parameters, bodies, headers, and bytes a client
 * library would never send) at every route. None may get a 5xx, every refusal is our JSON error
 * naming no Java or Jackson internals, and nothing stored changes.
 */
@NeedsDatabase
class BadRequestFuzzTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long SEED = 16;
  static Database db;
  static Javalin app;
  static String base;
  static String aoiId;
  static TestAccounts accounts;
  static String[] credentials;
  static final String BRIEFING = "partnership-not-dependency";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.fresh();
    DevData.load(db);
    accounts = TestAccounts.create(db);
    String basic = java.util.Base64.getEncoder().encodeToString("alice:wrong".getBytes());
    // Mostly the analyst, so bad input reaches the handlers; else other roles and bad credentials.
    credentials =
        new String[] {
          accounts.analyst(),
          accounts.analyst(),
          accounts.analyst(),
          accounts.analyst(),
          "Bearer " + accounts.adminToken(),
          "Bearer " + accounts.viewerToken(),
          null,
          "Bearer nope",
          "Bearer " + "x".repeat(43),
          "Basic !!!",
          "Basic " + basic,
          "Digest x",
          "Bearer",
          "Basic Og=="
        };
    app =
        AppFactory.create(
                db,
                new PostgisFeatureStore(db.dataSource()),
                AppOptions.defaults(1000)
                    .withAccess(AccessOptions.DEFAULTS.withWritesPerMinute(100_000)))
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/ogc/collections/aois/items"))
                .header("Content-Type", "application/geo+json")
                .header("Authorization", accounts.analyst())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        aoi("[[[1,18],[2,18],[2,19],[1,19],[1,18]]]", "\"kept\"")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    aoiId = JSON.readTree(r.body()).path("id").asText();
  }

  @AfterAll
  static void stop() {
    app.stop();
    db.close();
  }

  static String aoi(String rings, String name) {
    return "{\"type\":\"Feature\",\"properties\":{\"name\":"
        + name
        + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + rings
        + "}}";
  }

  /** Everything a write could change, as one string. */
  static String stored() throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT string_agg(id || ':' || version || ':' || deleted, ',' ORDER BY id) FROM aoi),"
                    + " (SELECT count(*) FROM aoi_version),"
                    + " (SELECT string_agg(id || ':' || version || ':' || deleted, ',' ORDER BY id) FROM briefing),"
                    + " (SELECT count(*) FROM briefing_version),"
                    + " (SELECT count(*) || ':' || max(seq) FROM feature),"
                    + " (SELECT string_agg(id || ':' || updated_at, ',' ORDER BY id) FROM layer),"
                    + " (SELECT string_agg(name || ':' || role || ':' || disabled || ':'"
                    + " || md5(coalesce(password_hash, '')), ',' ORDER BY name) FROM account),"
                    + " (SELECT count(*) FROM api_token)")) {
      rs.next();
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= 8; i++) {
        sb.append(rs.getString(i)).append(" | ");
      }
      return sb.toString();
    }
  }

  static final String[] VALUES = {
    "",
    " ",
    "-999999999-01-01T00:00:00Z",
    "+294277-01-01T00:00:00Z",
    "+10000-01-01",
    "-0001-01-01",
    "2024-13-45",
    "2024-02-20/2024-01-01",
    "2024-02-20T10:00:00+25:00",
    "../..",
    "/",
    "..",
    "\u0000",
    "a\u0000b",
    "NaN",
    "Infinity",
    "-Infinity",
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "a,b,c,d",
    "1,2,3",
    "-181,0,0,1",
    "0,0,0,0,0,0",
    "10,10,0,0",
    "<script>alert(1)</script>",
    "'; DROP TABLE feature;--",
    "%",
    "_",
    "*",
    "x".repeat(5000),
    "unlimited",
    "all",
    "true",
    "١٢٣",
    "\uD83D\uDCA9",
    "military,rumour",
    ",",
    "f",
    "html",
    "xml",
    "json",
    "geojson",
    "%zz",
    "\r\nX-Injected: 1",
    "9223372036854775807",
    "-9223372036854775808"
  };

  /**
   * Filters, good and bad, in text and JSON (Part 3), sent apart from the random rounds (which keep
   * their sequence) with every value above.
   */
  static final String[] FILTERS = {
    "S_INTERSECTS(geometry, POINT(1 2))",
    "S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 0 0)))",
    "S_WITHIN(geometry, BBOX(1,2))",
    "title LIKE '%'",
    "T_AFTER(datetime, DATE('2024-01-01'))",
    "T_INTERSECTS(datetime, INTERVAL('..', '+10000-01-01'))",
    "start_time > TIMESTAMP('2024-02-30T00:00:00Z')",
    "category IN ('military', 1)",
    "fatalities BETWEEN 'a' AND 2",
    "name = 'x\u0000'",
    "((((",
    "NOT NOT NOT",
    "\"a\" = \"",
    "id = 1e99999",
    "cql2-text",
    "cql2-json",
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
    "http://www.opengis.net/def/crs/EPSG/0/4326",
    "-1e30,-1e30,1e30,1e30",
    "0,0,1e308,1e308",
    "{\"op\":\"=\",\"args\":[{\"property\":\"id\"},\"x\"]}",
    "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\"}]}",
    "{\"op\":\"and\",\"args\":null}",
    "[".repeat(300),
    "177,65,-177,70",
    "1,2,3,4,5,6"
  };

  static final String[] NAMES = {
    "bbox",
    "datetime",
    "limit",
    "offset",
    "f",
    "category",
    "q",
    "ids",
    "repair",
    "bogus",
    "bbox-crs",
    "crs",
    "filter",
    "sortby",
    "properties",
    ""
  };

  static final String[] IDS = {
    "nope",
    "..",
    "%2e%2e",
    "a%00b",
    "x".repeat(3000),
    "%F0%9F%92%A9",
    "%3Cscript%3E",
    "0",
    "-1",
    "events",
    "aois",
    "WebMercatorQuad"
  };

  static final String[] IF_MATCH = {
    null,
    "",
    "W/\"1\"",
    "\"999\"",
    "\"abc\"",
    "\"-1\"",
    "\"0\"",
    "1",
    "\"1\", \"2\"",
    "\"" + "9".repeat(30) + "\""
  };

  static final String[] TYPES = {
    "application/json",
    "application/geo+json",
    "text/plain",
    null,
    "application/json; charset=latin1",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "application/json;;;"
  };

  static final String[] USERS = {
    null, "x".repeat(101), "a\tb", "\u0007", "", "Ünïcödé", "a\u0000b"
  };

  /** Bodies no route may accept: each breaks a rule of every writable resource. */
  static List<String> badBodies() {
    List<String> b = new ArrayList<>();
    b.add("");
    b.add("{");
    b.add("[]");
    b.add("null");
    b.add("1");
    b.add("\"x\"");
    b.add("[".repeat(5000) + "]".repeat(5000));
    b.add("{\"a\":1,\"a\":2}");
    b.add("{\"type\":\"Feature\"} trailing");
    b.add("{\"n\":" + "9".repeat(2000) + "}");
    b.add("{\"n\":1e999999}");
    b.add(aoi("[[[1,18],[2,18],[2,19],[1,19],[1,18]]]", "\"a\\u0000b\""));
    b.add(aoi("[[[-90,0],[90,0],[90,1],[-90,1],[-90,0]]]", "\"antipodal\""));
    b.add(aoi("[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]", "\"world\""));
    b.add(aoi("[[[0,0],[179.9,0],[-179.9,1],[0,0]]]", "\"across\""));
    b.add(aoi("[[[1,18],[2,18],[2,91],[1,18]]]", "\"lat\""));
    b.add(aoi("[[[1,18],[2,18],[2,19],[1,19]]]", "\"open\""));
    b.add(aoi("[[[\"1\",18],[2,18],[2,19],[1,18]]]", "\"strings\""));
    b.add(aoi("[[[1,18],[2,18],[2,19],[1,18]]]", "\"" + "n".repeat(201) + "\""));
    b.add(aoi("[[[1,18],[2,18],[2,19],[1,18]]]", "{\"nested\":true}"));
    b.add(aoi("[[[1,18],[2,18],[2,19],[1,18]]]", "null"));
    StringBuilder many = new StringBuilder("[[");
    for (int i = 0; i < 10_001; i++) {
      many.append("[").append(1 + i * 1e-5).append(",").append(i % 2 == 0 ? 18 : 18.1).append("],");
    }
    many.append("[1,18]]]");
    b.add(aoi(many.toString(), "\"many\""));
    StringBuilder parts =
        new StringBuilder(
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"parts\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
    for (int i = 0; i < 101; i++) {
      double x = i * 0.01;
      parts
          .append(i == 0 ? "" : ",")
          .append("[[[" + x + ",18],[" + (x + 0.005) + ",18],[" + x + ",18.005],[" + x + ",18]]]");
    }
    b.add(parts + "]}}");
    String slide =
        "{\"title\":\"t\",\"caption\":\"c\",\"notes\":\"n\",\"view\":{\"center\":[1,18],\"zoom\":6},"
            + "\"layers\":[\"countries\"],\"time\":{\"from\":\"2024-01-01\",\"to\":\"2024-02-01\"}}";
    b.add("{\"name\":\"a\\u0000b\",\"slides\":[" + slide + "]}");
    b.add("{\"name\":\"n\",\"banner\":\"\\u0000\",\"slides\":[" + slide + "]}");
    b.add("{\"name\":\"n\",\"slides\":[" + slide.replace("\"c\"", "\"c\\u0000\"") + "]}");
    b.add("{\"name\":\"n\",\"slides\":[" + slide.replace("\"n\"", "\"\\u0000\"") + "]}");
    b.add("{\"name\":\"n\",\"slides\":[" + slide.replace("2024-02-01", "+10000-01-01") + "]}");
    b.add("{\"name\":\"n\",\"slides\":[" + slide.replace("\"zoom\":6", "\"zoom\":99") + "]}");
    b.add("{\"name\":\"n\",\"slides\":[" + slide.replace("countries", "no-such-layer") + "]}");
    b.add("{\"name\":\"n\",\"bogus\":1,\"slides\":[" + slide + "]}");
    b.add("{\"name\":\"" + "n".repeat(201) + "\",\"slides\":[" + slide + "]}");
    b.add("{\"type\":\"FeatureCollection\",\"features\":[],\"briefing\":{\"name\":\"\\u0000\"}}");
    b.add(
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null}]}");
    b.add(
        "{\"type\":\"FeatureCollection\",\"briefing\":{\"name\":\"n\",\"slides\":["
            + slide.replace("\"zoom\":6", "\"zoom\":\"six\"")
            + "]}}");
    return b;
  }

  record Route(String method, String path, boolean body) {}

  static List<Route> routes() {
    String a = "/ogc/collections/aois/items/";
    String b = "/api/briefings/";
    return List.of(
        new Route("GET", "/health", false),
        new Route("GET", "/ogc", false),
        new Route("GET", "/ogc/conformance", false),
        new Route("GET", "/ogc/api", false),
        new Route("GET", "/ogc/collections", false),
        new Route("GET", "/ogc/collections/{c}", false),
        new Route("GET", "/ogc/collections/{c}/items", false),
        new Route("GET", "/ogc/collections/{c}/items/{id}", false),
        new Route("GET", "/ogc/collections/events/items/{id}/citation", false),
        new Route("GET", "/ogc/documents", false),
        new Route("POST", "/ogc/collections/aois/items", true),
        new Route("GET", a + "{aoi}", false),
        new Route("PUT", a + "{aoi}", true),
        new Route("DELETE", a + "{aoi}", false),
        new Route("POST", a + "{aoi}/restore", false),
        new Route("GET", a + "{aoi}/versions", false),
        new Route("GET", a + "{aoi}/versions/{id}", false),
        new Route("GET", a + "{aoi}/analysis", false),
        new Route("GET", "/ogc/collections/aois/export", false),
        new Route("GET", "/ogc/tileMatrixSets", false),
        new Route("GET", "/ogc/tileMatrixSets/{id}", false),
        new Route("GET", "/ogc/collections/{c}/tiles", false),
        new Route("GET", "/ogc/collections/{c}/tiles/WebMercatorQuad", false),
        new Route("GET", "/ogc/collections/{c}/tiles/WebMercatorQuad/{z}/{n}/{n}", false),
        new Route("GET", "/api/events/histogram", false),
        new Route("GET", "/api/briefings", false),
        new Route("POST", "/api/briefings", true),
        new Route("POST", "/api/briefings/import", true),
        new Route("GET", b + "{b}", false),
        new Route("PUT", b + "{b}", true),
        new Route("DELETE", b + "{b}", false),
        new Route("GET", b + "{b}/versions", false),
        new Route("GET", b + "{b}/export.geojson", false),
        new Route("GET", "/app/config", false),
        new Route("GET", "/api/session", false),
        new Route("POST", "/api/session", true),
        new Route("DELETE", "/api/session", false),
        new Route("POST", "/api/tokens", true),
        new Route("GET", "/api/accounts", false),
        new Route("POST", "/api/accounts", true),
        new Route("PUT", "/api/accounts/{id}", true),
        new Route("DELETE", "/api/accounts/{id}", false),
        new Route("GET", "/api/audit", false),
        new Route("GET", "/api/documents", false),
        new Route("POST", "/api/documents/{id}/extract", true),
        new Route("GET", "/api/documents/{id}/candidates", false),
        new Route("POST", "/api/candidates/{id}/accept", true),
        new Route("POST", "/api/candidates/{id}/reject", false),
        new Route("POST", "/api/candidates/{id}/merge", true),
        new Route("GET", "/", false),
        new Route("PATCH", "/ogc/collections", true));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  static String path(Random r, String template) {
    boolean good = r.nextInt(3) > 0;
    return template
        .replace(
            "{c}",
            good ? pick(r, new String[] {"events", "aois", "kidal", "countries"}) : pick(r, IDS))
        .replace("{aoi}", good ? aoiId : pick(r, IDS))
        .replace("{b}", good ? BRIEFING : pick(r, IDS))
        .replace("{z}", pick(r, new String[] {"0", "6", "25", "-1", "x", "99999999999"}))
        .replace("{n}", pick(r, new String[] {"0", "1", "-1", "1e3", "4294967296", "x"}))
        .replace("{id}", pick(r, IDS));
  }

  static String query(Random r) {
    int n = r.nextInt(4);
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < n; i++) {
      q.append(i == 0 ? "?" : "&")
          .append(enc(pick(r, NAMES)))
          .append("=")
          .append(enc(pick(r, VALUES)));
    }
    return q.toString();
  }

  @Test
  void noBadRequestGetsA5xxOrChangesWhatIsStored() throws Exception {
    String before = stored();
    Random r = new Random(SEED);
    List<String> bodies = badBodies();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (int round = 0; round < 12; round++) {
      for (Route route : routes()) {
        String url = base + path(r, route.path()) + query(r);
        HttpRequest.Builder req;
        try {
          req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        } catch (IllegalArgumentException e) {
          continue; // not a URI a client library would send; the raw cases below cover bytes
        }
        String body = route.body() ? bodies.get(r.nextInt(bodies.size())) : null;
        req.method(
            route.method(),
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        String type = route.body() ? pick(r, TYPES) : null;
        if (type != null) {
          req.header("Content-Type", type);
        }
        String ifMatch = pick(r, IF_MATCH);
        if (ifMatch != null) {
          req.header("If-Match", ifMatch);
        }
        String credential = pick(r, credentials);
        if (credential != null) {
          req.header("Authorization", credential);
        }
        if (r.nextInt(6) == 0) {
          req.header(
              "Cookie",
              AccessControl.COOKIE + "=" + pick(r, new String[] {"", "x", "a".repeat(43), ";;"}));
        }
        String user = pick(r, USERS);
        if (user != null && !user.contains("\u0000") && !user.contains("\u0007")) {
          req.header("X-User", user);
        }
        if (r.nextInt(4) == 0) {
          req.header("X-HTTP-Method-Override", "DELETE");
        }
        if (r.nextInt(4) == 0) {
          req.header(
              "Accept",
              pick(r, new String[] {"text/html", "*/*", "application/xml", "image/png", ";;"}));
        }
        if (r.nextInt(5) == 0) {
          req.header("If-None-Match", pick(r, new String[] {"*", "\"1\"", "W/\"x\"", "garbage"}));
        }
        HttpResponse<String> res;
        try {
          res = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
          continue; // a header value the client library refuses to send
        }
        sent++;
        check(
            route.method() + " " + abbreviate(url.replace(base, "")),
            res.statusCode(),
            res.body(),
            failures);
      }
    }
    // Every value as a filter (in both encodings), a sort, a property list, on collections with
    // and without time.
    List<String> filters = new ArrayList<>(List.of(VALUES));
    filters.addAll(List.of(FILTERS));
    for (String c : new String[] {"events", "aois", "kidal"}) {
      for (String v : filters) {
        for (String query :
            new String[] {
              "filter=" + enc(v),
              "filter=" + enc(v) + "&filter-lang=cql2-json",
              "filter=" + enc(v) + "&filter-crs=" + enc(v),
              "sortby=" + enc(v),
              "properties=" + enc(v) + "&skipGeometry=" + enc(v),
              "crs=" + enc(v),
              "bbox=" + enc(v) + "&bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857"),
              "bbox=1,2,3,4&bbox-crs=" + enc(v)
            }) {
          String url = base + "/ogc/collections/" + c + "/items?" + query;
          HttpResponse<String> res =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                  HttpResponse.BodyHandlers.ofString());
          sent++;
          check("GET " + abbreviate(url.replace(base, "")), res.statusCode(), res.body(), failures);
        }
      }
    }
    for (String id : IDS) {
      String url = base + "/ogc/collections/" + id + "/queryables";
      HttpResponse<String> res =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      sent++;
      check("GET " + abbreviate(url.replace(base, "")), res.statusCode(), res.body(), failures);
    }
    sent += raw(failures);
    assertThat(failures).as("of " + sent + " requests").isEmpty();
    assertThat(sent).isGreaterThan(300);
    assertThat(stored()).isEqualTo(before);
  }

  static void check(String what, int status, String body, List<String> failures) {
    if (status >= 500) {
      failures.add(status + " " + what + " -> " + abbreviate(body));
      return;
    }
    // Static files answer If-Match/If-None-Match on their own (412/304, no body): that is HTTP.
    boolean staticFile =
        !what.contains(" /ogc") && !what.contains(" /api") && !what.contains(" /health");
    if (status >= 400 && !staticFile) {
      try {
        JsonNode e = JSON.readTree(body);
        String d = e.path("description").asText();
        if (e.path("code").asText().isEmpty() || d.isEmpty()) {
          failures.add(status + " without code/description: " + what + " -> " + abbreviate(body));
        } else if (d.matches(
            "(?s).*(com\\.fasterxml|java\\.|javax\\.|org\\.eclipse|Exception|\\tat |\\$|`).*")) {
          failures.add(status + " names internals: " + what + " -> " + abbreviate(d));
        }
      } catch (Exception notJson) {
        failures.add(status + " body is not JSON: " + what + " -> " + abbreviate(body));
      }
    }
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  /** Requests no client library sends: a body shorter than its Content-Length, broken chunks. */
  static int raw(List<String> failures) throws Exception {
    String aoiPath = "/ogc/collections/aois/items";
    String[] requests = {
      "POST "
          + aoiPath
          + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"type\":",
      "POST /api/briefings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"name\":\"n\"",
      "POST "
          + aoiPath
          + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
      "POST /api/briefings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"nam\r\n",
      "PUT /api/briefings/"
          + BRIEFING
          + " HTTP/1.1\r\nHost: x\r\nIf-Match: *\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{}",
      "GET /ogc/collections/%zz/items HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /ogc/collections/events/items?datetime=%00 HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /ogc/collections/events/items?bbox=%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /ogc HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n\r\n",
      "POST "
          + aoiPath
          + "/"
          + aoiId
          + " HTTP/1.1\r\nHost: x\r\nX-HTTP-Method-Override: DELETE\r\nIf-Match: *\r\nContent-Length: 0\r\n\r\n",
      "POST "
          + aoiPath
          + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n\u00ff\u00fe\u0000\u0001"
    };
    for (String request : requests) {
      try (Socket s = new Socket("127.0.0.1", app.port())) {
        s.setSoTimeout(20_000);
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        s.shutdownOutput(); // the body ends here, whatever Content-Length said
        InputStream in = s.getInputStream();
        String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String first = reply.lines().findFirst().orElse("");
        String what = request.lines().findFirst().orElse("");
        if (first.isEmpty()) {
          failures.add("no response: " + what);
          continue;
        }
        int status = Integer.parseInt(first.split(" ")[1]);
        int split = reply.indexOf("\r\n\r\n");
        String body = split < 0 ? "" : reply.substring(split + 4);
        if (reply.toLowerCase().contains("transfer-encoding: chunked")) {
          body = body.replaceAll("(?m)^[0-9a-fA-F]+\r$\n?", "").trim();
        }
        if (status >= 500 || (status >= 400 && !body.contains("\"code\"") && status != 400)) {
          failures.add(status + " " + what + " -> " + abbreviate(body));
        }
        if (reply.contains("evil.example")) {
          failures.add("Host header reached a link: " + what);
        }
      }
    }
    return requests.length;
  }
}
