package org.sahelmap.briefing;

import java.time.Instant;

/** A briefing as saved: its content, version (the ETag), and who saved it when. */
public record StoredBriefing(
    Briefing briefing, int version, boolean deleted, String updatedBy, Instant updatedAt) {}
