package org.sahelmap.briefing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named, ordered list of slides with the banner line (classification or handling marking) shown
 * on every one. The id is the briefing's address; the store assigns one when it is null.
 */
public record Briefing(String id, String name, String banner, List<Slide> slides) {
  public static final int MAX_NAME = 200;
  public static final int MAX_BANNER = 200;
  public static final int MAX_SLIDES = 100;
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public Briefing {
    if (id != null && !ID.matcher(id).matches()) {
      throw new InvalidBriefingException(
          "id: lower-case letters, digits and '-', at most 63, not '" + id + "'");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidBriefingException("name: required");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidBriefingException("name: at most " + MAX_NAME + " characters");
    }
    banner = banner == null ? "" : banner;
    if (banner.length() > MAX_BANNER) {
      throw new InvalidBriefingException("banner: at most " + MAX_BANNER + " characters");
    }
    slides = slides == null ? List.of() : List.copyOf(slides);
    if (slides.size() > MAX_SLIDES) {
      throw new InvalidBriefingException("slides: at most " + MAX_SLIDES);
    }
  }

  public Briefing withId(String newId) {
    return new Briefing(newId, name, banner, slides);
  }

  /** Every layer a slide shows must be one the server has. */
  public void checkLayers(Set<String> known) {
    for (int i = 0; i < slides.size(); i++) {
      for (String layer : slides.get(i).layers()) {
        if (!known.contains(layer)) {
          throw new InvalidBriefingException(
              "slides[" + i + "].layers: no layer '" + layer + "' (known: " + known + ")");
        }
      }
    }
  }

  /** The document as stored and served (without the id, which is the row's). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (id != null) {
      m.put("id", id);
    }
    m.put("name", name);
    m.put("banner", banner);
    List<Map<String, Object>> s = new ArrayList<>();
    slides.forEach(x -> s.add(x.toMap()));
    m.put("slides", s);
    return m;
  }
}
