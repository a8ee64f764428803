package org.sahelmap.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sahelmap.config.UsageException;

/**
 * The {@code user} and {@code token} commands: how the first admin is made (there is nobody yet to
 * make one in the page) and how scripts get a bearer token. The password is read from the first
 * line of standard input (so it never sits in the shell's history or the process list); with
 * nothing on standard input a random one is made and printed once.
 */
public final class AccountCommands {
  static final String ACTOR = "command-line";

  private final AccountStore accounts;

  public AccountCommands(AccountStore accounts) {
    this.accounts = accounts;
  }

  /** {@code user add [--role ROLE] NAME}, {@code user list}, {@code user remove NAME}. */
  public int user(List<String> args, java.io.InputStream in, PrintStream out) throws IOException {
    if (args.isEmpty()) {
      throw new UsageException("user needs add, list, set-role, password or remove");
    }
    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    Role role = Role.VIEWER;
    int r = rest.indexOf("--role");
    if (r >= 0) {
      if (r + 1 >= rest.size()) {
        throw new UsageException("--role needs viewer, analyst or admin");
      }
      role = Role.parse("--role", rest.get(r + 1));
      rest.remove(r + 1);
      rest.remove(r);
    }
    switch (args.get(0)) {
      case "add" -> {
        String name = oneName(rest, "user add [--role viewer|analyst|admin] NAME");
        accounts.add(name, role, password(in, out), ACTOR);
        out.println("added " + role.id() + " '" + name + "'");
      }
      case "password" -> {
        String name = oneName(rest, "user password NAME");
        accounts.change(name, null, password(in, out), null, ACTOR);
        out.println("changed the password of '" + name + "' (its sessions are closed)");
      }
      case "set-role" -> {
        if (rest.size() != 2) {
          throw new UsageException("user set-role NAME viewer|analyst|admin");
        }
        accounts.change(rest.get(0), Role.parse("role", rest.get(1)), null, null, ACTOR);
        out.println("'" + rest.get(0) + "' is now " + rest.get(1));
      }
      case "remove" -> {
        String name = oneName(rest, "user remove NAME");
        accounts.remove(name, ACTOR);
        out.println("removed '" + name + "'");
      }
      case "list" -> {
        for (Account a : accounts.list()) {
          out.println(a.name() + "\t" + a.role().id() + (a.disabled() ? "\tdisabled" : ""));
        }
      }
      default -> throw new UsageException("unknown user command: " + args.get(0));
    }
    return 0;
  }

  /** {@code token add NAME LABEL}: prints a new bearer token for the account, once. */
  public int token(List<String> args, PrintStream out) {
    if (args.size() != 3 || !args.get(0).equals("add")) {
      throw new UsageException("token add NAME LABEL");
    }
    out.println(accounts.issueToken(args.get(1), args.get(2), ACTOR));
    return 0;
  }

  private static String oneName(List<String> rest, String usage) {
    if (rest.size() != 1 || rest.get(0).startsWith("--")) {
      throw new UsageException(usage);
    }
    return rest.get(0);
  }

  /** The password given on standard input, or, with none, one made up and printed once. */
  private static String password(java.io.InputStream in, PrintStream out) throws IOException {
    String given = readPassword(in);
    return given.isEmpty() ? generated(out) : given;
  }

  private static String readPassword(java.io.InputStream in) throws IOException {
    if (System.console() != null && in == System.in) {
      char[] typed = System.console().readPassword("password (empty: make one up): ");
      return typed == null ? "" : new String(typed);
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    return line == null ? "" : line.strip();
  }

  private static String generated(PrintStream out) {
    String password = Secrets.newSecret().substring(0, 20);
    out.println("password (shown once): " + password);
    return password;
  }
}
