package org.sahelmap.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.sahelmap.errors.Reason;

/**
 * A raw request body, refused past a size: by its Content-Length before reading, and by what
 * arrives for a chunked body that announces none (Javalin's own body limit does not apply to a
 * stream). An upload is copied to a temporary file as it arrives, never held in memory; a small
 * body (JSON, a document) is read into bytes.
 */
final class UploadBody {
  private UploadBody() {}

  /**
   * The body's bytes, at most {@code maxBytes}; {@code tooLarge} is the refusal past that. An empty
   * body is returned empty: what that means is the caller's to say.
   */
  static byte[] readAtMost(Context ctx, long maxBytes, Supplier<ApiException> tooLarge) {
    if (ctx.contentLength() > maxBytes) {
      throw tooLarge.get();
    }
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes((int) maxBytes + 1);
    } catch (IOException e) {
      throw unreadable();
    }
    if (body.length > maxBytes) {
      throw tooLarge.get();
    }
    return body;
  }

  /** Copies the body to {@code file}; {@code tooLarge} is the refusal past {@code maxBytes}. */
  static void copy(Context ctx, Path file, long maxBytes, Supplier<ApiException> tooLarge)
      throws IOException {
    if (ctx.contentLength() > maxBytes) {
      throw tooLarge.get();
    }
    long copied = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = ctx.req().getInputStream();
        OutputStream out = Files.newOutputStream(file)) {
      int n;
      while ((n = read(in, buf)) > 0) {
        copied += n;
        if (copied > maxBytes) {
          throw tooLarge.get();
        }
        out.write(buf, 0, n);
      }
    }
    if (copied == 0) {
      throw new ApiException(Reason.BAD_INPUT, "EmptyBody", "the request body is empty");
    }
  }

  private static int read(InputStream in, byte[] buf) {
    try {
      return in.read(buf);
    } catch (IOException e) {
      throw unreadable();
    }
  }

  /**
   * Jetty's EofException / BadMessageException: the client sent less than its Content-Length
   * announced, or a chunk size that is not hex. The client's fault, so 400, not 500.
   */
  private static ApiException unreadable() {
    return new ApiException(
        Reason.BAD_INPUT,
        "MalformedRequest",
        "the request body could not be read: it ended before its Content-Length or its chunked"
            + " encoding is broken");
  }
}
