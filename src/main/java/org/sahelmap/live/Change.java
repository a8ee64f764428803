package org.sahelmap.live;

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
 * @param json the change as the JSON object sent to browsers
 */
public record Change(
    long id,
    String kind,
    String target,
    Integer version,
    String action,
    String actor,
    String json) {}
