package org.sahelmap.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs GDAL's ogrinfo, the real reader our API and exports must satisfy. A missing ogrinfo fails
 * the test (never skips it): the suite is only meaningful with it.
 */
public final class Ogrinfo {
  private Ogrinfo() {}

  public static String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("ogrinfo");
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return fail("GDAL's ogrinfo is not installed; run scripts/install-test-tools.sh (" + e + ")");
    }
    p.getOutputStream().close();
    // Read while it runs so a large output cannot block the process on a full pipe.
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return fail("ogrinfo " + String.join(" ", args) + " did not finish in 120 s");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      return fail("ogrinfo " + String.join(" ", args) + " failed:\n" + text);
    }
    return text;
  }
}
