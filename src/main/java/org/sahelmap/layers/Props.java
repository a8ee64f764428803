package org.sahelmap.layers;

import java.util.LinkedHashMap;
import java.util.Map;

/** Feature properties in a stable order, with numbers rounded for people and for stable output. */
final class Props {
  private final Map<String, Object> map = new LinkedHashMap<>();

  static Props of(String kind, String name) {
    Props p = new Props();
    p.map.put("kind", kind);
    p.map.put("name", name);
    return p;
  }

  Props put(String key, Object value) {
    map.put(key, value);
    return this;
  }

  /** Kilometres or km², to 0.1: the sources' precision is far coarser than that. */
  Props km(String key, double value) {
    map.put(key, Math.round(value * 10) / 10.0);
    return this;
  }

  Map<String, Object> build() {
    return map;
  }
}
