package org.sahelmap.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A category guess from keywords, mapped to the events model's categories (Event.CATEGORIES): the
 * category with the most keyword hits in the passage, ties broken by the order below (military
 * first: a clash reported alongside talks is first a clash); none matched is {@code diplomatic},
 * the most common category of the analysis papers we receive.
 */
final class Categories {
  private static final Map<String, Pattern> KEYWORDS = new LinkedHashMap<>();

  static {
    put(
        "military",
        "attack|ambush|clash|fight|battle|offensive|killed|drone|strike|seiz|captur"
            + "|retak|troops|soldiers|rebels|militar|combat|defeat|casualt");
    put(
        "security_partnership",
        "instructor|training|advis|mercenar|deploy|contract|arms|weapon"
            + "|equipment|delivered|security cooperation|defen[cs]e agreement|bear brigade");
    put(
        "economic",
        "gold|mine|mining|uranium|lithium|oil|gas|nuclear|wheat|fertili|refinery"
            + "|invest|trade|loan|econom|concession|company");
    put(
        "diplomatic",
        "visit|meeting|met |talks|summit|minister|ambassador|embassy|agreement"
            + "|memorandum|diplomat|recogni|relations|statement|foreign");
    put("civil_unrest", "protest|demonstrat|riot|march");
    put("report", "reported|according to|newspaper|article|le monde|jeune afrique|el pais");
  }

  private Categories() {}

  private static void put(String category, String alternatives) {
    KEYWORDS.put(category, Pattern.compile("(?<![\\p{L}])(?:" + alternatives + ")"));
  }

  static String guess(String foldedPassage) {
    String best = "diplomatic";
    long bestHits = 0;
    for (Map.Entry<String, Pattern> e : KEYWORDS.entrySet()) {
      long hits = e.getValue().matcher(foldedPassage).results().count();
      if (hits > bestHits) {
        best = e.getKey();
        bestHits = hits;
      }
    }
    return best;
  }
}
