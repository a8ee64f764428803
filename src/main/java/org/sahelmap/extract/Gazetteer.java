package org.sahelmap.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places we ship (extract/gazetteer.tsv, drawn from data/geo/places.geojson) with the spellings
 * analysts meet, matched as whole words without regard to case or accents.
 */
public final class Gazetteer {
  /** A place named in the text, and where. */
  public record Mention(Place place, Span span) {}

  private final Map<String, Place> byFoldedName = new LinkedHashMap<>();
  private final Pattern names;

  private Gazetteer(List<String[]> rows) {
    for (String[] r : rows) {
      Place p = new Place(r[0], r[1], r[2], Double.parseDouble(r[3]), Double.parseDouble(r[4]));
      byFoldedName.put(Fold.of(p.name()), p);
      if (r.length > 5 && !r[5].isBlank()) {
        for (String alias : r[5].split("\\|")) {
          byFoldedName.putIfAbsent(Fold.of(alias), p);
        }
      }
    }
    // Longest names first, so "Burkina Faso" wins over a shorter name inside it.
    List<String> keys = new ArrayList<>(byFoldedName.keySet());
    keys.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alt = new StringBuilder();
    for (String k : keys) {
      alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(k));
    }
    names = Pattern.compile("(?<![\\p{L}\\d'-])(?:" + alt + ")(?![\\p{L}\\d])");
  }

  private static Gazetteer shipped;

  /** The gazetteer packaged with the server. */
  public static synchronized Gazetteer shipped() {
    if (shipped == null) {
      try (InputStream in = Gazetteer.class.getResourceAsStream("/extract/gazetteer.tsv")) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String[]> rows = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
          if (!line.isBlank() && !line.startsWith("#")) {
            rows.add(line.split("\t", -1));
          }
        }
        shipped = new Gazetteer(rows);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the packaged gazetteer", e);
      }
    }
    return shipped;
  }

  /** The place with that name or alias, however accented or cased. */
  public Optional<Place> find(String name) {
    return Optional.ofNullable(byFoldedName.get(Fold.of(name.strip())));
  }

  /** The capital of the country with that ISO alpha-3 code, if we ship it. */
  public Optional<Place> capitalOf(String country) {
    return byFoldedName.values().stream()
        .filter(p -> "capital".equals(p.kind()) && p.country().equals(country))
        .findFirst();
  }

  /** The places named in {@code text[from, to)}, in order. */
  List<Mention> mentions(String folded, int from, int to) {
    List<Mention> out = new ArrayList<>();
    Matcher m = names.matcher(folded).region(from, to);
    m.useTransparentBounds(true);
    while (m.find()) {
      out.add(new Mention(byFoldedName.get(m.group()), new Span(m.start(), m.end())));
    }
    return out;
  }
}
