package org.sahelmap.briefing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.sahelmap.json.Json;

/**
 * The briefing that ships with the product ({@code data/briefings/default.json}, on the classpath),
 * told from the first source document. Saved at start when the database has never held it; one a
 * user deleted stays deleted.
 */
public final class DefaultBriefing {
  static final String RESOURCE = "data/briefings/default.json";
  public static final String SAVED_BY = "sahel-map";

  private DefaultBriefing() {}

  public static Briefing read() {
    try (InputStream in = DefaultBriefing.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return BriefingJson.briefing(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /** Saves the default briefing unless its id has ever been used; true when it was saved. */
  public static boolean ensure(BriefingStore store) {
    Briefing b = read();
    if (store.find(b.id()).isPresent()) {
      return false;
    }
    try {
      store.create(b, SAVED_BY);
      return true;
    } catch (BriefingConflictException e) {
      if (e.kind() != BriefingConflictException.Kind.EXISTS) {
        throw e;
      }
      return false; // another server saved it first
    }
  }
}
