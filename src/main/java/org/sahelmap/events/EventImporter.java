package org.sahelmap.events;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sahelmap.store.FeatureStore;

/**
 * Loads more events into the {@code events} collection from a GeoJSON or CSV file, all or nothing:
 * a file with any problem imports nothing, and each problem is reported with its line. Events are
 * matched on id, so importing the same file again changes nothing.
 */
public final class EventImporter {
  /** How many events were written, or every problem as {@code "line N: reason"}. */
  public record Result(int imported, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final FeatureStore store;
  private final DocumentStore documentStore;
  private final List<Document> registry;

  public EventImporter(FeatureStore store, DocumentStore documentStore, List<Document> registry) {
    this.store = store;
    this.documentStore = documentStore;
    this.registry = List.copyOf(registry);
  }

  public Result importFile(Path file) throws IOException {
    EventFile parsed = EventParser.parse(file);
    List<String> problems = new ArrayList<>(parsed.problems());
    problems.addAll(citationProblems(parsed.events()));
    if (!problems.isEmpty()) {
      return new Result(0, problems);
    }
    documentStore.upsert(registry);
    if (store.layer(CuratedEvents.COLLECTION_ID).isEmpty()) {
      // A first import creates the collection as the layer builder would, curated events
      // included, so the collection never exists holding only the imported ones.
      store.replaceLayers(List.of(CuratedEvents.layer()));
    }
    List<ParsedEvent> events = parsed.events();
    store.upsertFeatures(
        CuratedEvents.COLLECTION_ID,
        events.stream().map(p -> EventFeatures.toRecord(p.event())).toList());
    return new Result(events.size(), List.of());
  }

  /** An event must cite a registered document, inside its length. */
  private List<String> citationProblems(List<ParsedEvent> events) {
    Map<String, Document> byId =
        registry.stream().collect(Collectors.toMap(Document::id, Function.identity()));
    List<String> problems = new ArrayList<>();
    for (ParsedEvent p : events) {
      Document d = byId.get(p.event().citationDocument());
      if (d == null) {
        problems.add(
            "line "
                + p.line()
                + ": citation_document '"
                + p.event().citationDocument()
                + "' is not in the registry (data/documents.json)");
      } else if (p.event().citationEnd() > d.chars()) {
        problems.add(
            "line "
                + p.line()
                + ": citation_end "
                + p.event().citationEnd()
                + " is past the end of document '"
                + d.id()
                + "' ("
                + d.chars()
                + " characters)");
      }
    }
    return problems;
  }
}
