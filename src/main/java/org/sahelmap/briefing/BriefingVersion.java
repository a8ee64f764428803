package org.sahelmap.briefing;

import java.time.Instant;

/** One save in a briefing's history: the whole document as it was after that save. */
public record BriefingVersion(
    int version, String operation, Briefing briefing, String savedBy, Instant savedAt) {}
