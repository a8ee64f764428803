package org.sahelmap.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahelmap.briefing.InvalidBriefingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place error responses are written. Bad input gets its 4xx with a reason; anything else is
 * logged with its stack trace here and answered with a 500 that reveals nothing of the internals.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static void register(Javalin app) {
    app.exception(
        ApiException.class,
        (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.details()));
    app.exception(
        InvalidBriefingException.class,
        (e, ctx) -> write(ctx, 400, "InvalidBriefing", e.getMessage()));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> write(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          write(ctx, 500, "ServerError", "the server failed to answer this request; see its log");
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            write(ctx, 404, "NotFound", "no resource at " + ctx.path());
          }
        });
    app.error(
        405, ctx -> write(ctx, 405, "MethodNotAllowed", ctx.method() + " is not allowed here"));
    app.error(
        413, ctx -> write(ctx, 413, "PayloadTooLarge", "the request body is larger than allowed"));
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
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 409 -> "Conflict";
      case 412 -> "PreconditionFailed";
      case 413 -> "PayloadTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 428 -> "PreconditionRequired";
      default -> "Error";
    };
  }
}
