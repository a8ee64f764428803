package org.sahelmap.api;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahelmap.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 with database and PostGIS versions, or 503 when the database is down.
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
      Database.Health h = database.health();
      body.put("status", "ok");
      body.put("database", "up");
      body.put("postgresVersion", h.postgresVersion());
      body.put("postgisVersion", h.postgisVersion());
      ctx.json(body);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("health check: database unreachable: {}", e.getMessage());
      body.put("status", "unavailable");
      body.put("database", "down");
      body.put("description", "the database does not answer");
      ctx.status(503).json(body);
    }
  }
}
