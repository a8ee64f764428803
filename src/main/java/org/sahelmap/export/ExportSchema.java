package org.sahelmap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sahelmap.store.PropertyTypes;

/**
 * The property columns of an exported table, each with a type, in a stable (sorted) order.
 * Properties live in one jsonb column, so the types are what {@link PropertyTypes} read from the
 * layer's features: the same types the collection's queryables state. A value that does not fit its
 * column (a property first seen beyond the features sampled, of another type) is left empty in a
 * typed format (GeoPackage) rather than failing the export; text formats write it as it is.
 *
 * <p>Column names are unique without regard to case (SQLite and spreadsheets compare them so) and
 * never one of the columns the writers add themselves ({@link #RESERVED}): such a property is
 * exported as {@code property_<name>}.
 */
public record ExportSchema(List<Column> columns) {

  /** Column names every writer may add: the feature id, GeoPackage's key and geometry, CSV's. */
  public static final Set<String> RESERVED = Set.of("id", "fid", "geom", "wkt", "lon", "lat");

  public enum Kind {
    INTEGER,
    REAL,
    TEXT,
    DATE,
    BOOLEAN,
    /** Arrays, objects and properties whose features disagree on the type: JSON text. */
    JSON
  }

  /** {@code property}: the key in the feature's properties; {@code name}: the column's name. */
  public record Column(String property, String name, Kind kind) {}

  public ExportSchema {
    columns = List.copyOf(columns);
  }

  /**
   * The columns for {@code types}; {@code only}, when not null, keeps just those properties (the
   * items request's {@code properties} parameter).
   */
  public static ExportSchema of(Map<String, PropertyTypes.Type> types, Collection<String> only) {
    List<Column> out = new ArrayList<>();
    Set<String> taken = new HashSet<>(RESERVED);
    types.forEach(
        (property, type) -> {
          if (only != null && !only.contains(property)) {
            return;
          }
          String name = property;
          if (!taken.add(name.toLowerCase(Locale.ROOT))) {
            name = "property_" + property;
            for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
              name = "property_" + property + "_" + i;
            }
          }
          out.add(new Column(property, name, kind(type)));
        });
    return new ExportSchema(out);
  }

  static Kind kind(PropertyTypes.Type t) {
    return switch (t.json()) {
      case "number" -> t.integer() ? Kind.INTEGER : Kind.REAL;
      case "string" -> t.date() ? Kind.DATE : Kind.TEXT;
      case "boolean" -> Kind.BOOLEAN;
      default -> Kind.JSON;
    };
  }

  /** A value as text, for the formats without types: strings as they are, others as JSON. */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }
}
