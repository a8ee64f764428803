package org.sahelmap.documents;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;
import org.sahelmap.events.CuratedEvents;
import org.sahelmap.events.Event;
import org.sahelmap.events.EventFeatures;
import org.sahelmap.extract.Gazetteer;
import org.sahelmap.extract.Place;
import org.sahelmap.store.BulkUpsert;
import org.sahelmap.store.FeatureStore;
import org.sahelmap.store.StoreException;

/**
 * A reviewer's decisions on candidates. Accepting writes the event into the {@code events} layer
 * through the same bulk upsert as {@code import-events} (so tiles, caches and the change feed see
 * it), and the candidate's decision is written inside that transaction: both commit or neither
 * does. A second accept of the same candidate waits on its row and then finds it decided (409).
 * Each decision keeps who made it and when; only a pending candidate can be decided.
 */
public final class ReviewQueue {
  private final CandidateStore candidates;
  private final FeatureStore store;
  private final Gazetteer gazetteer = Gazetteer.shipped();

  public ReviewQueue(CandidateStore candidates, FeatureStore store) {
    this.candidates = candidates;
    this.store = store;
  }

  public StoredCandidate accept(long id, Edits edits, String user) {
    StoredCandidate k = edited(pending(id), edits);
    Event event = event(k);
    StoredCandidate decided = withEvent(k, event.id());
    try (BulkUpsert upsert = store.openUpsert(CuratedEvents.layer())) {
      upsert.add(1, EventFeatures.toRecord(event));
      upsert.commit(c -> decide(c, decided, "accepted", user));
    }
    return candidates.get(id).orElseThrow();
  }

  public StoredCandidate reject(long id, String user) {
    StoredCandidate k = pending(id);
    try (Connection c = candidates.dataSource().getConnection()) {
      decide(c, k, "rejected", user);
    } catch (SQLException e) {
      throw new StoreException("rejecting a candidate event", e);
    }
    return candidates.get(id).orElseThrow();
  }

  /**
   * Adds the candidate's passage to an existing event as a further source ({@link MergedEvent}),
   * written back through the same bulk write as an accepted event, with the decision in its
   * transaction. The event is read under the layer's lock, so two merges into it both count.
   */
  public StoredCandidate merge(long id, String eventId, String user) {
    StoredCandidate k = pending(id);
    try (BulkUpsert upsert = store.openUpsert(CuratedEvents.layer())) {
      FeatureStore.StoredFeature event =
          (eventId == null
                  ? Optional.<FeatureStore.StoredFeature>empty()
                  : upsert.lockFeature(eventId))
              .orElseThrow(
                  () ->
                      new Refusal(
                          Reason.NOT_FOUND,
                          "NoSuchEvent",
                          "there is no event '" + eventId + "' to merge with"));
      upsert.add(1, MergedEvent.withSource(event, k, user, Instant.now()));
      upsert.commit(c -> decide(c, withEvent(k, eventId), "merged", user));
    }
    return candidates.get(id).orElseThrow();
  }

  private StoredCandidate pending(long id) {
    StoredCandidate k =
        candidates
            .get(id)
            .orElseThrow(
                () -> new Refusal(Reason.NOT_FOUND, "NoSuchCandidate", "no candidate " + id));
    if (!"pending".equals(k.status())) {
      throw new Refusal(
          Reason.CONFLICT,
          "AlreadyDecided",
          "candidate " + id + " was already " + k.status() + " by " + k.decidedBy());
    }
    return k;
  }

  /** The decision on the caller's connection; 409 when another reviewer decided it meanwhile. */
  private static void decide(Connection c, StoredCandidate k, String status, String user)
      throws SQLException {
    if (!CandidateStore.decide(c, k, status, user)) {
      throw new Refusal(
          Reason.CONFLICT, "AlreadyDecided", "candidate " + k.id() + " was decided meanwhile");
    }
  }

  private StoredCandidate edited(StoredCandidate k, Edits e) {
    String placeName = k.placeName();
    double lon = k.lon();
    double lat = k.lat();
    String basis = k.locationBasis();
    String confidence = k.locationConfidence();
    if (e.lon() != null || e.lat() != null) {
      if (e.lon() == null || e.lat() == null) {
        throw new Refusal(
            Reason.BAD_INPUT, "InvalidEdit", "a clicked place needs both lon and lat");
      }
      lon = e.lon();
      lat = e.lat();
      placeName = e.placeName() != null ? e.placeName() : placeName;
      basis = "named_in_text";
      confidence = "medium";
    } else if (e.placeName() != null && !e.placeName().equals(k.placeName())) {
      Optional<Place> p = gazetteer.find(e.placeName());
      if (p.isEmpty()) {
        throw new Refusal(
            Reason.BAD_INPUT,
            "UnknownPlace",
            "'" + e.placeName() + "' is not in the gazetteer: click the map to place it");
      }
      placeName = p.get().name();
      lon = p.get().lon();
      lat = p.get().lat();
      basis = "named_in_text";
      confidence = "medium";
    }
    return new StoredCandidate(
        k.id(),
        k.documentId(),
        k.paragraph(),
        k.start(),
        k.end(),
        or(e.start(), k.dateStart()),
        or(e.end(), e.start() != null && e.end() == null ? e.start() : k.dateEnd()),
        or(
            e.datePrecision(),
            e.start() == null ? k.datePrecision() : e.end() == null ? "day" : "range"),
        placeName,
        lon,
        lat,
        or(e.locationBasis(), basis),
        or(e.locationConfidence(), confidence),
        k.actors(),
        or(e.category(), k.category()),
        or(e.title(), k.title()),
        or(e.summary(), k.summary()),
        k.status(),
        k.eventId(),
        k.decidedBy(),
        k.decidedAt());
  }

  private static StoredCandidate withEvent(StoredCandidate k, String eventId) {
    return new StoredCandidate(
        k.id(),
        k.documentId(),
        k.paragraph(),
        k.start(),
        k.end(),
        k.dateStart(),
        k.dateEnd(),
        k.datePrecision(),
        k.placeName(),
        k.lon(),
        k.lat(),
        k.locationBasis(),
        k.locationConfidence(),
        k.actors(),
        k.category(),
        k.title(),
        k.summary(),
        k.status(),
        eventId,
        k.decidedBy(),
        k.decidedAt());
  }

  /** The event as the curation rules have it; refused with every problem if they forbid it. */
  private static Event event(StoredCandidate k) {
    String id = k.documentId() + "-c" + k.id();
    try {
      return new Event(
          id,
          k.title(),
          k.summary(),
          k.dateStart(),
          k.dateEnd(),
          k.datePrecision(),
          k.placeName(),
          k.locationBasis(),
          k.locationConfidence(),
          k.category(),
          k.actors(),
          null,
          k.documentId(),
          k.paragraph(),
          k.start(),
          k.end(),
          k.lon(),
          k.lat(),
          null);
    } catch (Event.InvalidEventException invalid) {
      throw new Refusal(
              Reason.BAD_INPUT,
              "InvalidEvent",
              "the event cannot be accepted: " + String.join("; ", invalid.problems()))
          .with("problems", invalid.problems());
    }
  }

  private static <T> T or(T given, T kept) {
    return given != null ? given : kept;
  }
}
