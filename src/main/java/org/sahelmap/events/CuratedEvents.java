package org.sahelmap.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.json.Json;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.Layer;
import org.sahelmap.store.LayerData;

/**
 * The curated events and their documents, read from the classpath ({@code data/} travels in the
 * jar). The registry {@code data/documents.json} is the index: each document's events are in {@code
 * data/events/<document id>.geojson}. Curated data that breaks the rules is a defect of the build,
 * not of anyone's input, so it fails loudly here.
 */
public final class CuratedEvents {
  public static final String COLLECTION_ID = "events";
  static final String REGISTRY = "data/documents.json";
  private static final ObjectMapper JSON = Json.MAPPER;

  private CuratedEvents() {}

  /** Every registered source document. */
  public static List<Document> documents() {
    try (InputStream in = open(REGISTRY)) {
      List<Document> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(in)) {
        out.add(Document.fromJson(n));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + REGISTRY, e);
    }
  }

  /** Every curated event, document by document, in file order. */
  public static List<Event> events() {
    List<Event> out = new ArrayList<>();
    for (Document d : documents()) {
      String path = "data/events/" + d.id() + ".geojson";
      if (CuratedEvents.class.getClassLoader().getResource(path) == null) {
        continue; // registered but not curated yet
      }
      try (Reader in = new InputStreamReader(open(path), StandardCharsets.UTF_8)) {
        EventFile file = GeoJsonEventReader.read(in);
        if (!file.ok()) {
          throw new IllegalStateException(path + ": " + String.join("; ", file.problems()));
        }
        out.addAll(file.eventList());
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + path, e);
      }
    }
    return List.copyOf(out);
  }

  /** The {@code events} collection with every curated event, ready for the store. */
  public static LayerData layer() {
    List<FeatureRecord> features = events().stream().map(EventFeatures::toRecord).toList();
    return new LayerData(layerInfo(), features);
  }

  /** The collection's description and metadata, without features (used when importing first). */
  public static Layer layerInfo() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("sources", documents().stream().map(Document::toMap).toList());
    metadata.put("method", METHOD);
    return new Layer(
        COLLECTION_ID,
        "Document events",
        "Dated events taken from analysis documents, each placed on the map and tied to the"
            + " passage of its source it rests on (paragraph and character offsets).",
        "events",
        metadata,
        Instant.now(),
        null,
        50);
  }

  private static final Map<String, Object> METHOD =
      Map.of(
          "dates",
          "start and end are inclusive ISO dates covering everything the text allows; the"
              + " feature's time span runs from 00:00:00Z of start to 23:59:59.999999Z of end,"
              + " and datetime filters match any overlap",
          "date_precision",
          "day (start = end); month (1st to last day); early-month (1-10), mid-month (11-20),"
              + " late-month (21 to last day); year (1 Jan-31 Dec); range (any other span)",
          "location",
          "a Point in WGS84; location_basis says where it comes from (named_in_text,"
              + " capital_of_acting_state, host_city, publisher_city, approximate_area) and"
              + " location_confidence how sure it is (high, medium, low)",
          "citation",
          "citation_document names a source in sources; citation_paragraph counts the"
              + " document's non-empty lines from 1; citation_start/citation_end are half-open"
              + " character offsets into the whole text. No sentence of a source is stored: the"
              + " passage is read from the document at run time");

  private static InputStream open(String path) throws IOException {
    InputStream in = CuratedEvents.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException(path + " is not on the classpath");
    }
    return in;
  }
}
