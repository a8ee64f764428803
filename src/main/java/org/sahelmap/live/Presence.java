package org.sahelmap.live;

import java.util.List;
import org.sahelmap.json.Json;

/**
 * Who has one place (a briefing or an AOI) open now.
 *
 * @param place "briefing:ID" or "aoi:ID"
 * @param people one entry per open page, by account name
 */
public record Presence(String place, List<Person> people) {

  /**
   * One open page.
   *
   * @param client the page's own random id (a page leaves itself out of the list it shows)
   * @param name the account
   * @param mode viewing, editing or presenting
   * @param slide the slide shown (from 0) while presenting, else null
   */
  public record Person(String client, String name, String mode, Integer slide) {}

  /** The one JSON form of a presence, for the SSE event and for GET /api/presence alike. */
  public String json() {
    var json = Json.MAPPER.createObjectNode();
    json.put("place", place);
    var list = json.putArray("people");
    for (Person p : people) {
      var o = list.addObject();
      o.put("client", p.client());
      o.put("name", p.name());
      o.put("mode", p.mode());
      o.put("slide", p.slide());
    }
    return json.toString();
  }
}
