package org.sahelmap.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The press outlets the texts cite, at the city they are based in: a press report is placed there
 * ({@code publisher_city}, data/events/README.md: Le Monde and Jeune Afrique → Paris, El País →
 * Madrid).
 */
final class Outlets {
  private static final Map<String, String> CITY =
      Map.of(
          "le monde", "Paris",
          "jeune afrique", "Paris",
          "rfi", "Paris",
          "el pais", "Madrid",
          "new york times", "New York");

  private static final Pattern NAMES =
      Pattern.compile(
          "(?<![\\p{L}\\d])(?:"
              + String.join("|", CITY.keySet().stream().map(Pattern::quote).toList())
              + ")(?![\\p{L}\\d])");

  private Outlets() {}

  /** The outlets named in {@code folded[from, to)}, each as a mention of its city. */
  static List<Gazetteer.Mention> find(Gazetteer gazetteer, String folded, int from, int to) {
    List<Gazetteer.Mention> out = new ArrayList<>();
    Matcher m = NAMES.matcher(folded).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      gazetteer
          .find(CITY.get(m.group()))
          .ifPresent(p -> out.add(new Gazetteer.Mention(p, new Span(m.start(), m.end()))));
    }
    return out;
  }
}
