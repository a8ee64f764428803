package org.sahelmap.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposes candidate events from a document's text, by rule: each sentence with a date expression
 * gives one candidate per distinct date, placed by the first town, capital or site the sentence
 * names (else the country it names, else the capital of the state acting in it, else a place named
 * elsewhere in the paragraph as an approximate area). A sentence with a date and no place gives
 * nothing: a reviewer cannot check a point that has no basis.
 */
public final class Extractor {
  /** A paragraph of the text: its number and span, as DocumentText numbers them. */
  public record Paragraph(int number, int start, int end) {}

  private final Gazetteer gazetteer;

  public Extractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * The candidates in text order. {@code documentDate} resolves relative dates ("last year") and
   * may be null, when they are skipped. Paragraphs before {@code firstBodyParagraph} (title lines)
   * give none.
   */
  public List<Candidate> extract(
      String text, List<Paragraph> paragraphs, LocalDate documentDate, int firstBodyParagraph) {
    String folded = Fold.of(text);
    List<Candidate> out = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      if (p.number() < firstBodyParagraph) {
        continue;
      }
      for (Span s : Sentences.split(text, p.start(), p.end())) {
        sentence(folded, p, s, documentDate, out);
      }
    }
    return out;
  }

  private void sentence(
      String folded, Paragraph p, Span s, LocalDate documentDate, List<Candidate> out) {
    List<DateMention> dates = DateRules.find(folded, s.start(), s.end(), documentDate);
    if (dates.isEmpty()) {
      return;
    }
    List<Actors.Actor> actors = Actors.find(folded, s.start(), s.end());
    String category = Categories.guess(folded.substring(s.start(), s.end()));
    List<String> seen = new ArrayList<>();
    for (DateMention d : dates) {
      String key = d.start() + ".." + d.end();
      if (seen.contains(key)) {
        continue;
      }
      seen.add(key);
      Optional<Located> where = locate(folded, p, s, d.span(), actors);
      if (where.isEmpty()) {
        continue;
      }
      Located l = where.get();
      List<String> actorNames = actors.stream().map(Actors.Actor::name).toList();
      if (actorNames.isEmpty()) {
        actorNames = List.of(l.place().name());
      }
      out.add(
          new Candidate(
              p.number(),
              s.start(),
              s.end(),
              d,
              l.place(),
              l.basis(),
              l.confidence(),
              actorNames,
              l.basis().equals("publisher_city") ? "report" : category,
              title(l.basis().equals("publisher_city") ? "report" : category, l.place(), d),
              "Proposed by the rules from paragraph "
                  + p.number()
                  + ": date from the words at "
                  + d.span().start()
                  + "–"
                  + d.span().end()
                  + ", place "
                  + l.basis().replace('_', ' ')
                  + ". Rewrite in your own words before accepting."));
    }
  }

  private record Located(Place place, String basis, String confidence) {}

  /**
   * Where the event dated at {@code date} happened: of the outlets and places the sentence names,
   * the one nearest the date's words (a sentence may date two events in two places).
   */
  private Optional<Located> locate(
      String folded, Paragraph p, Span s, Span date, List<Actors.Actor> actors) {
    List<Gazetteer.Mention> named = gazetteer.mentions(folded, s.start(), s.end());
    Located nearest = null;
    int best = Integer.MAX_VALUE;
    for (Gazetteer.Mention m : Outlets.find(gazetteer, folded, s.start(), s.end())) {
      int distance = distance(m.span(), date);
      if (distance < best) {
        best = distance;
        nearest = new Located(m.place(), "publisher_city", "high");
      }
    }
    for (Gazetteer.Mention m : named) {
      int distance = distance(m.span(), date);
      if (!m.place().isCountry() && distance < best) {
        boolean site = "site".equals(m.place().kind());
        best = distance;
        // A site without a published location stands at an approximate point.
        nearest =
            new Located(
                m.place(), site ? "approximate_area" : "named_in_text", site ? "low" : "high");
      }
    }
    if (nearest != null) {
      return Optional.of(nearest);
    }
    for (Actors.Actor a : actors) {
      if (a.country() != null) {
        Optional<Place> capital = gazetteer.capitalOf(a.country());
        if (capital.isPresent()) {
          return Optional.of(new Located(capital.get(), "capital_of_acting_state", "low"));
        }
      }
    }
    if (!named.isEmpty()) {
      return Optional.of(new Located(named.get(0).place(), "approximate_area", "low"));
    }
    return gazetteer.mentions(folded, p.start(), p.end()).stream()
        .findFirst()
        .map(m -> new Located(m.place(), "approximate_area", "low"));
  }

  private static int distance(Span a, Span b) {
    return a.end() <= b.start() ? b.start() - a.end() : Math.max(0, a.start() - b.end());
  }

  private static String title(String category, Place place, DateMention d) {
    String what = category.replace('_', ' ');
    String t =
        Character.toUpperCase(what.charAt(0))
            + what.substring(1)
            + " event, "
            + place.name()
            + ", "
            + d.start()
            + (d.end().equals(d.start()) ? "" : " to " + d.end());
    return t.length() > 80 ? t.substring(0, 80) : t;
  }
}
