package org.sahelmap.events;

/** An event as read from a file, with the line its row or feature starts on. */
public record ParsedEvent(int line, Event event) {}
