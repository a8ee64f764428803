package org.sahelmap.accounts;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which thing, when. {@code kind} is "aoi", "briefing"
 * or "account"; {@code version} is the version the change made (null for accounts).
 */
public record AuditEntry(
    Instant at,
    String actor,
    String action,
    String kind,
    String target,
    Integer version,
    String detail) {}
