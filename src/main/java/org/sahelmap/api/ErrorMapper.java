package org.sahelmap.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place error responses are written, and the one table from a refusal's {@link Reason} to
 * its HTTP status. Handlers and domain code throw a {@link Refusal}; anything else is either the
 * database being away (503 with Retry-After), a request the container could not read (400), or a
 * failure logged with its stack trace here and answered with a 500 that reveals nothing internal.
 * Descriptions are always ours: a library's message (which may name its classes) never reaches a
 * client.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** Seconds a client is told to wait while the database is away. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Map<Reason, Integer> STATUS = new EnumMap<>(Reason.class);

  static {
    STATUS.put(Reason.BAD_INPUT, 400);
    STATUS.put(Reason.UNAUTHENTICATED, 401);
    STATUS.put(Reason.FORBIDDEN, 403);
    STATUS.put(Reason.NOT_FOUND, 404);
    STATUS.put(Reason.METHOD_NOT_ALLOWED, 405);
    STATUS.put(Reason.CONFLICT, 409);
    STATUS.put(Reason.GONE, 410);
    STATUS.put(Reason.STALE, 412);
    STATUS.put(Reason.TOO_LARGE, 413);
    STATUS.put(Reason.UNSUPPORTED_TYPE, 415);
    STATUS.put(Reason.UNPROCESSABLE, 422);
    STATUS.put(Reason.VERSION_REQUIRED, 428);
    STATUS.put(Reason.TOO_MANY_REQUESTS, 429);
    STATUS.put(Reason.UNAVAILABLE, 503);
  }

  private ErrorMapper() {}

  static int status(Reason reason) {
    return STATUS.get(reason);
  }

  static void register(Javalin app) {
    app.exception(Refusal.class, ErrorMapper::refusal);
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (e instanceof MethodNotAllowedResponse
              && e.getDetails().containsKey("availableMethods")) {
            ctx.header("Allow", e.getDetails().get("availableMethods"));
            write(
                ctx,
                405,
                "MethodNotAllowed",
                ctx.method()
                    + " is not allowed here; allowed: "
                    + e.getDetails().get("availableMethods"));
            return;
          }
          write(ctx, e.getStatus(), codeFor(e.getStatus()), describe(e.getStatus()));
        });
    app.exception(Exception.class, ErrorMapper::failure);
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            write(ctx, 404, "NotFound", "no resource at " + ctx.path());
          }
        });
    // The container's own 413 (a body past Javalin's limit) gets our words; a refusal's 413 keeps
    // the limit it names (JsonBody's, an upload's).
    app.error(
        413,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            write(ctx, 413, "PayloadTooLarge", describe(413));
          }
        });
  }

  private static void refusal(Refusal e, Context ctx) {
    if (e.currentVersion() != null) {
      ctx.header("ETag", WriteRequests.etag(e.currentVersion()));
    }
    if (e.reason() == Reason.UNAVAILABLE) {
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
    if (e.details().get("retryAfterSeconds") instanceof Number wait) {
      ctx.header("Retry-After", Long.toString(wait.longValue()));
    }
    write(ctx, status(e.reason()), e.code(), e.getMessage(), e.details());
  }

  private static void failure(Exception e, Context ctx) {
    if (databaseAway(e)) {
      LOG.warn("{} {}: database unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      write(ctx, 503, "Unavailable", "the database does not answer now; try again shortly");
      return;
    }
    if (unreadableRequest(e)) {
      write(
          ctx,
          400,
          "MalformedRequest",
          "the request body could not be read: it ended before its Content-Length or its"
              + " chunked encoding is broken");
      return;
    }
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    write(ctx, 500, "ServerError", "the server failed to answer this request; see its log");
  }

  /**
   * The pool could not lend a connection in time, the connection broke (SQLSTATE class 08, or the
   * server shutting down: 57P01–57P03), or a statement or lock wait ran past its timeout (57014,
   * 55P03): all say "come back later", not "your request is wrong".
   */
  static boolean databaseAway(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("57P")
            || state.equals("57014")
            || state.equals("55P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean unreadableRequest(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadMessageException || t instanceof EofException) {
        return true;
      }
    }
    return false;
  }

  static void write(Context ctx, int status, String code, String description) {
    write(ctx, status, code, description, Map.of());
  }

  static void write(
      Context ctx, int status, String code, String description, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("description", description);
    body.putAll(details);
    ctx.status(status).json(body);
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 409 -> "Conflict";
      case 412 -> "PreconditionFailed";
      case 413 -> "PayloadTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 428 -> "PreconditionRequired";
      case 503 -> "Unavailable";
      default -> "Error";
    };
  }

  /** Our words for a status the container raised itself (its own messages name its classes). */
  private static String describe(int status) {
    return switch (status) {
      case 400 -> "the request could not be read";
      case 404 -> "no resource here";
      case 413 -> "the request body is larger than allowed";
      case 415 -> "the request body's type is not accepted here";
      default -> "the request was refused";
    };
  }
}
