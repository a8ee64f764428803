package org.sahelmap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahelmap.store.Database;
import org.sahelmap.store.PostgisFeatureStore;
import org.sahelmap.testing.DevData;
import org.sahelmap.testing.NeedsDatabase;
import org.sahelmap.testing.SampleLayers;
import org.sahelmap.testing.TestAccounts;
import org.sahelmap.testing.TestDatabase;

/**
 * Issue 16's headers and links: security headers on every page, a CSP without inline script that
 * still admits index.html's import map by hash, links never rooted at a client's Host, method
 * override ignored, 405 with Allow on read-only resources.
 */
@NeedsDatabase
class HttpHardeningTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Database db;
  static TestAccounts accounts;
  static PostgisFeatureStore store;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    store = new PostgisFeatureStore(db.dataSource());
    SampleLayers.load(store);
    accounts = TestAccounts.create(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static Javalin app(String publicUrl, boolean trustProxy) {
    return AppFactory.create(
        db, store, new AppOptions(1000, DevData.documentsDir(), null, publicUrl, trustProxy));
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndNoInlineScriptIsAllowedButTheImportMap()
      throws Exception {
    String index =
        Files.readString(DevData.repoRoot().resolve("web/index.html"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(index);
    assertThat(m.find()).isTrue();
    String hash =
        "'sha256-"
            + Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-256")
                        .digest(m.group(1).getBytes(StandardCharsets.UTF_8)))
            + "'";
    JavalinTest.test(
        app(null, false),
        (server, client) -> {
          for (String path :
              new String[] {
                "/",
                "/notes.html",
                "/ogc?f=html",
                "/ogc/collections/" + SampleLayers.POLYGONS + "?f=html",
                "/ogc/collections",
                "/health",
                "/no/such/page"
              }) {
            try (Response r = client.get(path)) {
              String csp = r.header("Content-Security-Policy");
              assertThat(csp).as(path).contains("frame-ancestors 'self'").contains(hash);
              String scripts = csp.replaceAll(".*script-src ([^;]*);.*", "$1");
              assertThat(scripts).as(path).doesNotContain("unsafe-inline").doesNotContain("*");
              assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
              assertThat(r.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
              assertThat(r.header("Referrer-Policy")).isNotBlank();
              String body = r.body().string();
              if (path.contains("f=html")) {
                // The server's own HTML pages carry no inline script the CSP would block.
                assertThat(SecurityHeaders.inlineScriptHashes(body)).as(path).isEmpty();
              }
            }
          }
        });
  }

  @Test
  void linksComeFromThePublicUrlNeverFromTheHostHeader() {
    JavalinTest.test(
        app(null, false),
        (server, client) -> {
          try (Response r =
              client.request(
                  "/ogc",
                  b ->
                      b.header("Host", "evil.example")
                          .header("X-Forwarded-Host", "evil.example"))) {
            String body = r.body().string();
            assertThat(body)
                .doesNotContain("evil.example")
                .contains("http://localhost:" + server.port() + "/ogc");
          }
        });
    JavalinTest.test(
        app("https://maps.example.org", false),
        (server, client) -> {
          try (Response r = client.request("/ogc", b -> b.header("Host", "evil.example"))) {
            String body = r.body().string();
            assertThat(body)
                .doesNotContain("evil.example")
                .contains("https://maps.example.org/ogc");
          }
        });
    JavalinTest.test(
        app(null, true),
        (server, client) -> {
          try (Response r =
              client.request(
                  "/ogc",
                  b ->
                      b.header("X-Forwarded-Host", "proxy.example:8443")
                          .header("X-Forwarded-Proto", "https"))) {
            assertThat(r.body().string()).contains("https://proxy.example:8443/ogc");
          }
          try (Response r =
              client.request("/ogc", b -> b.header("X-Forwarded-Host", "bad host\"><x"))) {
            assertThat(r.body().string()).doesNotContain("bad host").contains("http://localhost:");
          }
        });
  }

  @Test
  void methodOverrideHeadersAreIgnoredAndReadOnlyResourcesAnswer405WithAllow() {
    JavalinTest.test(
        app(null, false),
        (server, client) -> {
          String aoi =
              "{\"type\":\"Feature\",\"properties\":{\"name\":\"kept\"},\"geometry\":{\"type\":\"Polygon\","
                  + "\"coordinates\":[[[0,15],[1,15],[1,16],[0,16],[0,15]]]}}";
          String id;
          try (Response r =
              client.request(
                  "/ogc/collections/aois/items",
                  b ->
                      b.header("Authorization", accounts.analyst())
                          .post(RequestBody.create(aoi, MediaType.get("application/geo+json"))))) {
            assertThat(r.code()).isEqualTo(201);
            id = JSON.readTree(r.body().string()).path("id").asText();
          }
          for (String header :
              new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
            try (Response r =
                client.request(
                    "/ogc/collections/aois/items/" + id + "/restore",
                    b ->
                        b.header(header, "DELETE")
                            .header("Authorization", accounts.analyst())
                            .header("If-Match", "*")
                            .post(RequestBody.create(new byte[0])))) {
              // Treated as the POST (restore) it is: refused because the AOI is not deleted.
              assertThat(r.code()).as(header).isEqualTo(409);
            }
          }
          try (Response r = client.get("/ogc/collections/aois/items/" + id)) {
            assertThat(r.code()).isEqualTo(200);
          }
          for (String[] c :
              new String[][] {
                {"PUT", "/ogc/collections"},
                {"DELETE", "/ogc/collections/" + SampleLayers.POLYGONS},
                {"POST", "/ogc/collections/" + SampleLayers.POLYGONS + "/items"},
                {"PATCH", "/api/briefings"},
                {"DELETE", "/ogc/tileMatrixSets"},
                {"POST", "/health"}
              }) {
            try (Response r =
                client.request(
                    c[1],
                    b ->
                        b.method(
                            c[0], RequestBody.create("{}", MediaType.get("application/json"))))) {
              assertThat(r.code()).as(c[0] + " " + c[1]).isEqualTo(405);
              assertThat(r.header("Allow")).as(c[0] + " " + c[1]).contains("GET");
              JsonNode body = JSON.readTree(r.body().string());
              assertThat(body.path("code").asText()).isEqualTo("MethodNotAllowed");
            }
          }
        });
  }
}
