package org.sahelmap.api;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahelmap.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 when the database answers, or 503 (with Retry-After) when it does not.
 */
final class HealthHandler {
  private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
  private final Database database;

  HealthHandler(Database database) {
    this.database = database;
  }

  void get(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      // Versions stay in the log at start, not here: anyone can ask /health, and exact versions
      // tell an attacker which published flaws to try.
      database.health();
      body.put("status", "ok");
      body.put("database", "up");
      ctx.json(body);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("health check: database unreachable: {}", e.getMessage());
      body.put("status", "unavailable");
      body.put("database", "down");
      body.put("description", "the database does not answer");
      ctx.header("Retry-After", Integer.toString(ErrorMapper.RETRY_AFTER_SECONDS));
      ctx.status(503).json(body);
    }
  }
}
