package org.sahelmap.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers itself, before a request reaches the app (a NUL or a broken escape in the
 * path, headers too large, a malformed request line): the same JSON {@code {"code", "description"}}
 * as every other error, instead of Jetty's HTML page.
 */
final class ContainerErrors extends ErrorHandler {

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json;charset=utf-8");
    response.getOutputStream().write(body(code).getBytes(StandardCharsets.UTF_8));
  }

  private static String body(int status) {
    String description =
        switch (status) {
          case 400 -> "the request could not be read (its path, headers or body are malformed)";
          case 414 -> "the request's URI is longer than the server reads";
          case 431 -> "the request's headers are larger than the server reads";
          default -> "the request was refused";
        };
    return "{\"code\":\""
        + (status >= 500 ? "ServerError" : "BadRequest")
        + "\",\"description\":\""
        + description
        + "\"}";
  }
}
