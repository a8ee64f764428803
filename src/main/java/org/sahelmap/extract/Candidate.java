package org.sahelmap.extract;

import java.util.List;

/**
 * A proposed event: the passage it rests on (paragraph number and code point offsets {@code [start,
 * end)} into the whole text), its date and place with the basis and confidence the rules give, the
 * actors named, a category guess, and a title and summary a reviewer is expected to rewrite.
 */
public record Candidate(
    int paragraph,
    int start,
    int end,
    DateMention date,
    Place place,
    String locationBasis,
    String locationConfidence,
    List<String> actors,
    String category,
    String title,
    String summary) {

  public Candidate {
    actors = List.copyOf(actors);
  }

  /**
   * What identifies a candidate across runs, so a rejected one is not proposed again: the passage,
   * the date and the place (document id added by the store).
   */
  public String fingerprint() {
    return start + "-" + end + "|" + date.start() + ".." + date.end() + "|" + place.name();
  }
}
