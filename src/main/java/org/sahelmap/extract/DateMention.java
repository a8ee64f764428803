package org.sahelmap.extract;

import java.time.LocalDate;

/**
 * A date expression found in the text, resolved to the inclusive span it allows and the events
 * model's precision for that span (see data/events/README.md).
 */
public record DateMention(Span span, LocalDate start, LocalDate end, String precision) {}
