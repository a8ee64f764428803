package org.sahelmap;

import java.io.PrintStream;

/** Lets tests of other packages run a command the way the jar does, with captured output. */
public final class MainAccess {
  private MainAccess() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Main.run(args, out, err);
  }
}
