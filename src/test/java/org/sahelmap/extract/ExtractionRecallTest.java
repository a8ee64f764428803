package org.sahelmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahelmap.events.Citations;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.events.DocumentText;
import org.sahelmap.events.Event;
import org.sahelmap.testing.DevData;

/**
 * The extractor measured on the first document against its 36 hand-curated events. A curated event
 * is found when some candidate's passage overlaps its cited passage, the candidate's dates lie
 * within the curated span or the curated span within the candidate's (agreement within the coarser
 * of the two precisions), and the candidate's point is within 50 km of the curated one. A candidate
 * is correct when it finds some curated event.
 */
class ExtractionRecallTest {
  private static final String DOCUMENT = "partnership-not-dependency";

  /** What the rules reached when this test was written, rounded down: a floor, not a goal. */
  private static final double RECALL_FLOOR = 0.47;

  private static final double PRECISION_FLOOR = 0.50;

  @Test
  void recallAndPrecisionOnTheFirstDocument() {
    Citations citations = new Citations(CuratedEvents.documents(), DevData.documentsDir());
    DocumentText text = citations.text(DOCUMENT);
    List<Extractor.Paragraph> paragraphs =
        text.paragraphs().stream()
            .map(p -> new Extractor.Paragraph(p.number(), p.start(), p.end()))
            .toList();
    List<Candidate> candidates =
        new Extractor(Gazetteer.shipped())
            .extract(text.text(), paragraphs, text.document().published(), 4);
    List<Event> curated =
        CuratedEvents.events().stream().filter(e -> DOCUMENT.equals(e.citationDocument())).toList();

    long found =
        curated.stream().filter(e -> candidates.stream().anyMatch(c -> agree(c, e))).count();
    long correct =
        candidates.stream().filter(c -> curated.stream().anyMatch(e -> agree(c, e))).count();
    double recall = (double) found / curated.size();
    double precision = candidates.isEmpty() ? 0 : (double) correct / candidates.size();
    System.out.printf(
        "extraction: %d curated, %d candidates, %d found (recall %.3f), %d correct (precision"
            + " %.3f)%n",
        curated.size(), candidates.size(), found, recall, correct, precision);
    assertThat(curated).hasSize(36);
    assertThat(recall).isGreaterThanOrEqualTo(RECALL_FLOOR);
    assertThat(precision).isGreaterThanOrEqualTo(PRECISION_FLOOR);
  }

  static boolean agree(Candidate c, Event e) {
    boolean overlaps = c.start() < e.citationEnd() && e.citationStart() < c.end();
    return overlaps && datesAgree(c.date(), e.start(), e.end()) && near(c.place(), e);
  }

  private static boolean datesAgree(DateMention d, LocalDate start, LocalDate end) {
    boolean inside = !d.start().isBefore(start) && !d.end().isAfter(end);
    boolean around = !start.isBefore(d.start()) && !end.isAfter(d.end());
    return inside || around;
  }

  private static boolean near(Place p, Event e) {
    double lat1 = Math.toRadians(p.lat());
    double lat2 = Math.toRadians(e.lat());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(e.lon() - p.lon());
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371 * Math.asin(Math.sqrt(a)) <= 50;
  }
}
