package org.sahelmap.live;

import org.sahelmap.json.Json;

/**
 * One committed change, as the feed announces it: a row of {@code change_log}. Ids and versions,
 * never whole rows; a listener that needs the thing itself fetches it.
 *
 * @param id the change's place in the feed (increasing), sent as the SSE event id
 * @param kind "aoi", "briefing" or "layer"
 * @param target the AOI, briefing or layer id
 * @param version the version the change made (null for layers)
 * @param action create, update, delete, restore (versions) or insert, update (layers)
 * @param actor who made it (null for layers)
 * @param at when it was committed, ISO 8601 in UTC
 */
public record Change(
    long id, String kind, String target, Integer version, String action, String actor, String at) {

  /**
   * The change as the JSON object sent to browsers: the one place its form is written, whether the
   * change came from a notification or from {@code change_log} on a catch-up.
   */
  public String json() {
    var json = Json.MAPPER.createObjectNode();
    json.put("id", id);
    json.put("kind", kind);
    json.put("target", target);
    json.put("version", version);
    json.put("action", action);
    json.put("actor", actor);
    json.put("at", at);
    return json.toString();
  }
}
