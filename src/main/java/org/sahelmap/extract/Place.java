package org.sahelmap.extract;

/**
 * A gazetteer entry: a town, capital, site or country (a country stands at its capital's point)
 * with its ISO 3166 alpha-3 country.
 */
public record Place(String name, String kind, String country, double lon, double lat) {
  boolean isCountry() {
    return "country".equals(kind);
  }
}
