package org.sahelmap.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the page draws a layer, served with its collection so the page holds no table of layers: the
 * layer's colour, optional overrides of the default area style, and for graded layers one fill
 * opacity per band (keyed by the band's outer distance, the {@code band_max_km} of its feature).
 * Colours are chosen to stay apart on a projector and for common colour blindness.
 */
public record LayerStyle(String color, Map<String, Object> area, List<Band> bands) {
  /**
   * One graded band: features with {@code band_max_km == maxKm} are filled at {@code fillOpacity}.
   */
  public record Band(int maxKm, double fillOpacity) {}

  public LayerStyle {
    area = area == null ? Map.of() : Map.copyOf(area);
    bands = bands == null ? List.of() : List.copyOf(bands);
  }

  public static LayerStyle colour(String color) {
    return new LayerStyle(color, null, null);
  }

  /** As stored in the layer's metadata and served as the collection's {@code style} member. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("color", color);
    if (!area.isEmpty()) {
      m.put("area", new LinkedHashMap<>(area));
    }
    if (!bands.isEmpty()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Band b : bands) {
        list.add(Map.of("max_km", b.maxKm(), "fillOpacity", b.fillOpacity()));
      }
      m.put("bands", list);
    }
    return m;
  }
}
