package org.sahelmap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A database location given as {@code postgresql://user:pass@host:port/db} (the form Heroku, Docker
 * and most tooling use), turned into what JDBC wants. A {@code jdbc:postgresql://} URL is accepted
 * as it is.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new UsageException("DATABASE_URL is empty");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(trimmed, null, null);
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new UsageException("DATABASE_URL is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw new UsageException(
          "DATABASE_URL must look like postgresql://user:pass@host:port/db, got scheme " + scheme);
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new UsageException("DATABASE_URL needs a host and a database name: " + redacted(uri));
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
    return new DatabaseUrl(jdbc, user, password);
  }

  /** The URL without its password, for messages and logs. */
  public String describe() {
    return (user == null ? "" : user + "@") + jdbcUrl.replaceFirst("^jdbc:", "");
  }

  private static String redacted(URI uri) {
    return uri.getHost() + (uri.getPath() == null ? "" : uri.getPath());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
