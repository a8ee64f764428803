package org.sahelmap.documents;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sahelmap.events.EventFeatures;
import org.sahelmap.json.Json;
import org.sahelmap.store.FeatureRecord;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.StoreException;

/**
 * An existing event with a merged candidate's passage added as a further source: its id, point,
 * dates and own citation stay; {@code also_cited} lists every passage merged into it (document,
 * paragraph, offsets, the candidate, who merged it and when), so the event shows it rests on more
 * than one report.
 */
final class MergedEvent {
  static final String ALSO_CITED = "also_cited";

  private MergedEvent() {}

  static FeatureRecord withSource(
      FeatureStore.StoredFeature event, StoredCandidate k, String user, Instant at) {
    Map<String, Object> p;
    Point point;
    try {
      p = Json.MAPPER.readValue(event.propertiesJson(), new TypeReference<>() {});
      point = (Point) new GeoJsonReader().read(event.geometryJson());
    } catch (IOException | ParseException | ClassCastException e) {
      // The store wrote both: an event it cannot read back is a fault of ours, not the reviewer's.
      throw new StoreException("reading event " + event.id() + " back for a merge", e);
    }
    List<Object> sources = new ArrayList<>();
    if (p.get(ALSO_CITED) instanceof List<?> earlier) {
      sources.addAll(earlier);
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("document", k.documentId());
    source.put("paragraph", k.paragraph());
    source.put("start", k.start());
    source.put("end", k.end());
    source.put("candidate", k.id());
    source.put("merged_by", user);
    source.put("merged_at", at.toString());
    sources.add(source);
    p.put(ALSO_CITED, sources);
    return EventFeatures.withProperties(event.id(), point, p);
  }
}
