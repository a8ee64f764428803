package org.sahelmap.accounts;

import java.time.Instant;

/** An account as admins see it (never its password hash). */
public record Account(
    String name, Role role, boolean disabled, boolean hasPassword, Instant created) {}
