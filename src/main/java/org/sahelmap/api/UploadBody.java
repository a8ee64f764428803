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
 * A file uploaded as the raw request body, copied to a temporary file as it arrives (never held in
 * memory) and refused past a size: by its Content-Length before reading, and by what arrives for a
 * chunked body that announces none. Javalin's own body limit does not apply to a stream.
 */
final class UploadBody {
  private UploadBody() {}

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
      // As JsonBody: a body shorter than its Content-Length, or broken chunks, is the client's.
      throw new ApiException(
          Reason.BAD_INPUT,
          "MalformedRequest",
          "the request body could not be read: it ended before its Content-Length or its chunked"
              + " encoding is broken");
    }
  }
}
