package org.sahelmap.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row of {@code event_candidate}: a proposal and, once decided, who decided what and when. */
public record StoredCandidate(
    long id,
    String documentId,
    int paragraph,
    int start,
    int end,
    LocalDate dateStart,
    LocalDate dateEnd,
    String datePrecision,
    String placeName,
    double lon,
    double lat,
    String locationBasis,
    String locationConfidence,
    List<String> actors,
    String category,
    String title,
    String summary,
    String status,
    String eventId,
    String decidedBy,
    Instant decidedAt) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("document", documentId);
    m.put("paragraph", paragraph);
    m.put("start", start);
    m.put("end", end);
    m.put("dateStart", dateStart.toString());
    m.put("dateEnd", dateEnd.toString());
    m.put("datePrecision", datePrecision);
    m.put("placeName", placeName);
    m.put("lon", lon);
    m.put("lat", lat);
    m.put("locationBasis", locationBasis);
    m.put("locationConfidence", locationConfidence);
    m.put("actors", actors);
    m.put("category", category);
    m.put("title", title);
    m.put("summary", summary);
    m.put("status", status);
    m.put("eventId", eventId);
    m.put("decidedBy", decidedBy);
    m.put("decidedAt", decidedAt == null ? null : decidedAt.toString());
    return m;
  }
}
