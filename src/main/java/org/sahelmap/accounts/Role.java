package org.sahelmap.accounts;

import java.util.Locale;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * What an account may do, each role including the ones before it: a viewer reads everything and
 * exports; an analyst also creates and changes AOIs and briefings; an admin also manages accounts
 * and reads the audit trail.
 */
public enum Role {
  VIEWER,
  ANALYST,
  ADMIN;

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  /** The name stored and sent: "viewer", "analyst", "admin". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String field, String text) {
    if (text != null) {
      for (Role r : values()) {
        if (r.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
          return r;
        }
      }
    }
    throw new Refusal(
        Reason.BAD_INPUT, "InvalidRole", field + " must be one of viewer, analyst, admin");
  }
}
