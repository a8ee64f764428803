package org.sahelmap.api;

import java.nio.file.Path;
import org.sahelmap.accounts.AccessOptions;
import org.sahelmap.config.Settings;
import org.sahelmap.config.UsageException;

/**
 * What the web app takes from the settings: the largest items page, where the documents' text
 * lives, the online tile basemap the page may offer (null: the page stays strictly offline), the
 * public URL links are rooted at (null: the listen address) and whether a proxy's forwarded headers
 * are trusted, and who may do what ({@link AccessOptions}).
 */
public record AppOptions(
    int maxLimit,
    Path documentsDir,
    String onlineBasemapUrl,
    String publicUrl,
    boolean trustProxy,
    AccessOptions access) {

  public AppOptions(int maxLimit, Path documentsDir, String onlineBasemapUrl) {
    this(maxLimit, documentsDir, onlineBasemapUrl, null, false);
  }

  public AppOptions(
      int maxLimit,
      Path documentsDir,
      String onlineBasemapUrl,
      String publicUrl,
      boolean trustProxy) {
    this(maxLimit, documentsDir, onlineBasemapUrl, publicUrl, trustProxy, AccessOptions.DEFAULTS);
  }

  public AppOptions withAccess(AccessOptions a) {
    return new AppOptions(maxLimit, documentsDir, onlineBasemapUrl, publicUrl, trustProxy, a);
  }

  public AppOptions {
    if (publicUrl != null && publicUrl.isBlank()) {
      publicUrl = null;
    }
    if (publicUrl != null && !publicUrl.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(/[^?#\\s]*)?")) {
      throw new UsageException(
          "the public URL must be an http(s) URL without query, e.g. https://maps.example.org");
    }
    if (onlineBasemapUrl != null && onlineBasemapUrl.isBlank()) {
      onlineBasemapUrl = null;
    }
    if (onlineBasemapUrl != null
        && !(onlineBasemapUrl.startsWith("https://") || onlineBasemapUrl.startsWith("http://"))) {
      throw new UsageException(
          "the online basemap must be an http(s) URL template, e.g."
              + " https://tile.example.org/{z}/{x}/{y}.png");
    }
  }

  public static AppOptions defaults(int maxLimit) {
    return new AppOptions(maxLimit, Path.of(Settings.DOCUMENTS_DIR.defaultValue()), null);
  }

  public static AppOptions from(Settings settings) {
    return new AppOptions(
        settings.getInt(Settings.MAX_PAGE_SIZE, 1, 1_000_000),
        Path.of(settings.get(Settings.DOCUMENTS_DIR)),
        settings.get(Settings.ONLINE_BASEMAP),
        settings.get(Settings.PUBLIC_URL),
        settings.getBoolean(Settings.TRUST_PROXY),
        new AccessOptions(
            anonymousView(settings.get(Settings.ANONYMOUS)),
            settings.get(Settings.PROXY_USER_HEADER),
            AccessOptions.DEFAULTS.sessionLifetime(),
            settings.getInt(Settings.WRITES_PER_MINUTE, 1, 1_000_000)));
  }

  private static boolean anonymousView(String value) {
    return switch (value.trim()) {
      case "view" -> true;
      case "none" -> false;
      default -> throw new UsageException("--anonymous must be view or none, got " + value);
    };
  }
}
