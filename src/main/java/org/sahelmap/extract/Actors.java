package org.sahelmap.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The armed groups, forces and states that act in the texts we get, by their names and the
 * adjectives that stand for the state ("Malian authorities" is Mali). Each maps to the short name
 * the curated events use, and states to their ISO code, so an act of a state with no place named
 * can be put at its capital.
 */
final class Actors {
  /** An actor named in the text; {@code country} is set for states. */
  record Actor(String name, String country) {}

  private static final Map<String, Actor> NAMES = new LinkedHashMap<>();

  static {
    group("Wagner", "wagner", "wagner group");
    group("Africa Corps", "africa corps", "africa korps");
    group("FAMa", "fama", "malian armed forces", "malian army");
    group("CSP-DPA", "csp-dpa", "csp", "strategic framework");
    group("JNIM", "jnim", "gsim");
    group("IS Sahel", "issp", "is sahel", "islamic state sahel", "islamic state");
    group("MINUSMA", "minusma");
    group("ECOWAS", "ecowas");
    group("AES", "aes", "alliance of sahel states");
    group("United Nations", "united nations", "un security council");
    state("Mali", "MLI", "mali", "malian", "bamako", "malian authorities", "junta");
    state("Russia", "RUS", "russia", "russian", "russians", "moscow", "kremlin");
    state("France", "FRA", "france", "french");
    state("Algeria", "DZA", "algeria", "algerian", "algiers");
    state("Niger", "NER", "niger", "nigerien");
    state("Burkina Faso", "BFA", "burkina faso", "burkinabe");
    state("China", "CHN", "china", "chinese", "beijing");
    state("Iran", "IRN", "iran", "iranian", "tehran");
    state("Ukraine", "UKR", "ukraine", "ukrainian");
    state("Morocco", "MAR", "morocco", "moroccan", "rabat");
    state("Turkey", "TUR", "turkey", "turkish", "turkiye");
  }

  private static final Pattern PATTERN = pattern();

  private Actors() {}

  private static void group(String name, String... names) {
    for (String n : names) {
      NAMES.put(n, new Actor(name, null));
    }
  }

  private static void state(String name, String iso, String... names) {
    for (String n : names) {
      NAMES.put(n, new Actor(name, iso));
    }
  }

  private static Pattern pattern() {
    List<String> keys = new ArrayList<>(NAMES.keySet());
    keys.sort((a, b) -> b.length() - a.length());
    return Pattern.compile(
        "(?<![\\p{L}\\d-])(?:"
            + String.join("|", keys.stream().map(Pattern::quote).toList())
            + ")(?![\\p{L}\\d-])");
  }

  /** The actors named in {@code folded[from, to)}, each once, in order of first mention. */
  static List<Actor> find(String folded, int from, int to) {
    List<Actor> out = new ArrayList<>();
    Matcher m = PATTERN.matcher(folded).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      Actor a = NAMES.get(m.group());
      if (!out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }
}
