package org.sahelmap.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one settings reader. Every setting is declared once in {@link #ALL} with its option, its
 * environment variable, its default and its description. Precedence: command-line option, then
 * environment variable, then default.
 */
public final class Settings {

  public static final Setting PORT =
      new Setting("--port", "SAHEL_PORT", "8080", "HTTP port the server listens on");
  public static final Setting HOST =
      new Setting("--host", "SAHEL_HOST", "0.0.0.0", "address the server binds to");
  public static final Setting DATABASE_URL =
      new Setting(
          "--database-url",
          "DATABASE_URL",
          "postgresql://sahel:sahel@localhost:5432/sahel",
          "PostGIS database, as postgresql://user:pass@host:port/db");
  public static final Setting DOCUMENTS_DIR =
      new Setting(
          "--documents-dir",
          "SAHEL_DOCUMENTS_DIR",
          "../shared/documents",
          "folder holding the source documents' text (shown next to cited events when present)");
  public static final Setting MAX_PAGE_SIZE =
      new Setting(
          "--max-limit",
          "SAHEL_MAX_LIMIT",
          "10000",
          "largest page of features one items request returns (larger limits are clamped)");
  public static final Setting ONLINE_BASEMAP =
      new Setting(
          "--online-basemap",
          "SAHEL_ONLINE_BASEMAP",
          "",
          "URL template of an online tile basemap; empty keeps the map fully offline");

  public static final Setting PUBLIC_URL =
      new Setting(
          "--public-url",
          "SAHEL_PUBLIC_URL",
          "",
          "URL clients reach the server at, rooting every absolute link (e.g."
              + " https://maps.example.org); empty: http://localhost:PORT, or the --host address");
  public static final Setting TRUST_PROXY =
      new Setting(
          "--trust-proxy",
          "SAHEL_TRUST_PROXY",
          "false",
          "true: root links at X-Forwarded-Proto/Host (only behind a proxy that sets them)");

  public static final Setting ANONYMOUS =
      new Setting(
          "--anonymous",
          "SAHEL_ANONYMOUS",
          "view",
          "what visitors who have not signed in may do: view (read the map, the API, exports) or"
              + " none (sign in first); writes always need an account");
  public static final Setting PROXY_USER_HEADER =
      new Setting(
          "--proxy-user-header",
          "SAHEL_PROXY_USER_HEADER",
          "",
          "header an authenticating reverse proxy sets to the signed-in user's name (e.g."
              + " X-Remote-User); empty: no header is trusted. Only with a proxy in front of every"
              + " request");
  public static final Setting WRITES_PER_MINUTE =
      new Setting(
          "--writes-per-minute",
          "SAHEL_WRITES_PER_MINUTE",
          "300",
          "writes one account may make per minute on one server (more get 429)");

  public static final List<Setting> ALL =
      List.of(
          PORT,
          HOST,
          DATABASE_URL,
          DOCUMENTS_DIR,
          MAX_PAGE_SIZE,
          ONLINE_BASEMAP,
          PUBLIC_URL,
          TRUST_PROXY,
          ANONYMOUS,
          PROXY_USER_HEADER,
          WRITES_PER_MINUTE);

  private final Map<Setting, String> values;

  private Settings(Map<Setting, String> values) {
    this.values = values;
  }

  /**
   * Reads settings from options of the form {@code --name value} or {@code --name=value}, falling
   * back to the environment. Unknown options are a {@link UsageException}.
   */
  public static Settings from(List<String> options, Function<String, String> env) {
    Map<Setting, String> values = new LinkedHashMap<>();
    for (Setting s : ALL) {
      String fromEnv = env.apply(s.envVar());
      values.put(s, fromEnv != null && !fromEnv.isBlank() ? fromEnv : s.defaultValue());
    }
    for (int i = 0; i < options.size(); i++) {
      String arg = options.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      Setting setting = byOption(name);
      if (value == null) {
        if (i + 1 >= options.size()) {
          throw new UsageException("option " + name + " needs a value");
        }
        value = options.get(++i);
      }
      values.put(setting, value);
    }
    return new Settings(values);
  }

  private static Setting byOption(String name) {
    for (Setting s : ALL) {
      if (s.option().equals(name)) {
        return s;
      }
    }
    throw new UsageException("unknown option: " + name);
  }

  public String get(Setting s) {
    return values.get(s);
  }

  public int getInt(Setting s, int min, int max) {
    String raw = get(s);
    try {
      int v = Integer.parseInt(raw.trim());
      if (v < min || v > max) {
        throw new UsageException(
            s.option() + " must be between " + min + " and " + max + ", got " + raw);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException(s.option() + " must be a whole number, got " + raw);
    }
  }

  public boolean getBoolean(Setting s) {
    String raw = get(s).trim();
    if (raw.equals("true") || raw.equals("false")) {
      return raw.equals("true");
    }
    throw new UsageException(s.option() + " must be true or false, got " + raw);
  }

  public int port() {
    return getInt(PORT, 0, 65535);
  }

  public DatabaseUrl database() {
    return DatabaseUrl.parse(get(DATABASE_URL));
  }

  /** The settings table printed by {@code --help}. */
  public static String describeAll() {
    StringBuilder sb = new StringBuilder();
    for (Setting s : ALL) {
      sb.append(
          String.format(
              "  %-18s %-22s %s (default: %s)%n",
              s.option(),
              s.envVar(),
              s.description(),
              s.defaultValue().isEmpty() ? "none" : s.defaultValue()));
    }
    return sb.toString();
  }
}
