package org.sahelmap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A layer as one KML 2.2 document: a {@code Schema} typing the properties (int, double, bool,
 * string; KML has no date type, so dates are strings), then a {@code Placemark} per feature with
 * its values as {@code SchemaData} and its geometry (several parts as {@code MultiGeometry}). KML
 * is lon/lat in WGS84 by definition, as our features are.
 *
 * <p>Every text goes through the JDK's {@link XMLStreamWriter}, which escapes markup; characters
 * XML 1.0 cannot hold at all (control characters a user may have pasted into a name) become U+FFFD
 * rather than making the file unreadable.
 */
public final class KmlFeatureWriter implements FeatureFileWriter {
  static final String NS = "http://www.opengis.net/kml/2.2";

  private final Writer out;
  private final XMLStreamWriter xml;
  private final ExportSchema schema;
  private final String schemaId;
  private final FeatureParts parts = new FeatureParts();
  private long written;

  /** Starts the document; {@code layerId} names the schema, {@code title} the document. */
  public KmlFeatureWriter(Writer out, String layerId, String title, ExportSchema schema)
      throws IOException {
    this.out = out;
    this.schema = schema;
    // An XML ID must start with a letter; layer ids may start with a digit.
    this.schemaId = "schema_" + layerId.replaceAll("[^A-Za-z0-9_.-]", "_");
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("kml");
      xml.writeDefaultNamespace(NS);
      xml.writeStartElement("Document");
      element("name", title);
      xml.writeStartElement("Schema");
      xml.writeAttribute("name", text(layerId));
      xml.writeAttribute("id", schemaId);
      field("id", "string");
      for (ExportSchema.Column c : schema.columns()) {
        field(c.name(), kmlType(c.kind()));
      }
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void accept(String id, String geometryJson, String propertiesJson) throws IOException {
    JsonNode props = parts.properties(propertiesJson);
    Geometry g = parts.geometry(geometryJson);
    try {
      xml.writeStartElement("Placemark");
      element("name", label(id, props));
      xml.writeStartElement("ExtendedData");
      xml.writeStartElement("SchemaData");
      xml.writeAttribute("schemaUrl", "#" + schemaId);
      simpleData("id", id);
      for (ExportSchema.Column c : schema.columns()) {
        JsonNode node = props.get(c.property());
        // KML's bool is 1 or 0 for its readers (libkml reads "true" as 0).
        String v =
            c.kind() == ExportSchema.Kind.BOOLEAN && node != null && node.isBoolean()
                ? (node.booleanValue() ? "1" : "0")
                : ExportSchema.text(node);
        if (v != null) {
          simpleData(c.name(), v);
        }
      }
      xml.writeEndElement();
      xml.writeEndElement();
      if (g != null && !g.isEmpty()) {
        geometry(g);
      }
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    written++;
  }

  @Override
  public long finish() throws IOException {
    try {
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    out.write('\n');
    out.flush();
    return written;
  }

  /** What Google Earth shows beside the pin: the feature's name or title, else its id. */
  private static String label(String id, JsonNode props) {
    for (String key : new String[] {"name", "title"}) {
      JsonNode v = props.get(key);
      if (v != null && v.isTextual() && !v.textValue().isBlank()) {
        return v.textValue();
      }
    }
    return id;
  }

  private void geometry(Geometry g) throws XMLStreamException {
    if (g instanceof Point p) {
      xml.writeStartElement("Point");
      coordinates(p.getCoordinates());
      xml.writeEndElement();
    } else if (g instanceof LineString l) {
      xml.writeStartElement("LineString");
      coordinates(l.getCoordinates());
      xml.writeEndElement();
    } else if (g instanceof Polygon p) {
      xml.writeStartElement("Polygon");
      ring("outerBoundaryIs", p.getExteriorRing());
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        ring("innerBoundaryIs", p.getInteriorRingN(i));
      }
      xml.writeEndElement();
    } else if (g instanceof GeometryCollection c) {
      xml.writeStartElement("MultiGeometry");
      for (int i = 0; i < c.getNumGeometries(); i++) {
        geometry(c.getGeometryN(i));
      }
      xml.writeEndElement();
    }
  }

  private void ring(String boundary, LineString ring) throws XMLStreamException {
    xml.writeStartElement(boundary);
    xml.writeStartElement("LinearRing");
    coordinates(ring.getCoordinates());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void coordinates(Coordinate[] cs) throws XMLStreamException {
    StringBuilder s = new StringBuilder();
    for (Coordinate c : cs) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(BigDecimal.valueOf(c.getX()).toPlainString())
          .append(',')
          .append(BigDecimal.valueOf(c.getY()).toPlainString());
    }
    element("coordinates", s.toString());
  }

  private void field(String name, String type) throws XMLStreamException {
    xml.writeStartElement("SimpleField");
    xml.writeAttribute("name", text(name));
    xml.writeAttribute("type", type);
    xml.writeEndElement();
  }

  private void simpleData(String name, String value) throws XMLStreamException {
    xml.writeStartElement("SimpleData");
    xml.writeAttribute("name", text(name));
    xml.writeCharacters(text(value));
    xml.writeEndElement();
  }

  private void element(String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text(value));
    xml.writeEndElement();
  }

  static String kmlType(ExportSchema.Kind kind) {
    return switch (kind) {
      case INTEGER -> "int";
      case REAL -> "double";
      case BOOLEAN -> "bool";
      default -> "string";
    };
  }

  /**
   * Text XML 1.0 can hold: its forbidden characters (most C0 controls, lone surrogates) → U+FFFD.
   */
  static String text(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (b != null) {
          b.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(ok ? c : '\uFFFD');
      }
    }
    return b == null ? s : b.toString();
  }
}
