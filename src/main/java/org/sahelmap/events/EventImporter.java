package org.sahelmap.events;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sahelmap.events.datasets.MappedRow;
import org.sahelmap.store.BulkUpsert;
import org.sahelmap.store.FeatureStore;

/**
 * Loads more events into the {@code events} collection from a GeoJSON or CSV file, all or nothing:
 * a file with any problem imports nothing, and each problem is reported with its line. Events are
 * matched on id, so importing the same file again changes nothing.
 *
 * <p>The file is streamed: each row is read, checked and handed to one {@link BulkUpsert}
 * transaction as it comes, so memory stays flat whatever the file's length; the first problem does
 * not stop the reading, so one run reports every problem (the first {@link ProblemList#LISTED} word
 * for word, the rest counted). Only when the whole file is clean is the transaction committed.
 */
public final class EventImporter {
  /**
   * How many events were written, or the first problems as {@code "line N: reason"} and how many
   * there are in all.
   */
  public record Result(int imported, List<String> problems, long problemCount) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problemCount == 0;
    }
  }

  private final FeatureStore store;
  private final DocumentStore documentStore;
  private final List<Document> registry;
  private final Map<String, Document> byId;

  public EventImporter(FeatureStore store, DocumentStore documentStore, List<Document> registry) {
    this.store = store;
    this.documentStore = documentStore;
    this.registry = List.copyOf(registry);
    this.byId = this.registry.stream().collect(Collectors.toMap(Document::id, Function.identity()));
  }

  public Result importFile(Path file) throws IOException {
    return importFile(file, null);
  }

  /** Imports the file, writing progress lines to {@code progressOut} (none when null). */
  public Result importFile(Path file, PrintStream progressOut) throws IOException {
    ImportProgress progress = new ImportProgress(progressOut);
    ProblemList problems = new ProblemList();
    try (BulkUpsert upsert = store.openUpsert(CuratedEvents.layer())) {
      Staging staging = new Staging(upsert, problems, progress);
      EventParser.read(file, staging);
      String read = ImportProgress.count(staging.rows) + " rows read";
      progress.line(read + ", " + ImportProgress.problems(problems.count()) + "; checking ids");
      BulkUpsert.Duplicates repeated = upsert.duplicates(ProblemList.LISTED);
      for (BulkUpsert.Duplicate d : repeated.first()) {
        problems.add(d.line(), EventFile.duplicateId(d.id(), d.firstLine()));
      }
      problems.addUnlisted(repeated.count() - repeated.first().size());
      if (problems.count() > 0) {
        progress.line(
            read + ", " + ImportProgress.problems(problems.count()) + ": nothing imported");
        return new Result(0, problems.listed(), problems.count());
      }
      progress.line(read + "; writing " + ImportProgress.count(upsert.added()) + " events");
      documentStore.upsert(registry);
      long written = upsert.commit();
      progress.line(ImportProgress.count(written) + " events imported");
      return new Result((int) written, List.of(), 0);
    }
  }

  /** Checks each event's citation and stages the good ones; counts rows for the progress line. */
  private final class Staging implements EventSink {
    private final BulkUpsert upsert;
    private final ProblemList problems;
    private final ImportProgress progress;
    private long rows;

    Staging(BulkUpsert upsert, ProblemList problems, ImportProgress progress) {
      this.upsert = upsert;
      this.problems = problems;
      this.progress = progress;
    }

    @Override
    public void row(int line, EventFields fields) {
      rows++;
      EventSink.super.row(line, fields);
      progress.reading(rows, problems.count());
    }

    @Override
    public void row(int line, MappedRow mapped) {
      rows++;
      EventSink.super.row(line, mapped);
      progress.reading(rows, problems.count());
    }

    @Override
    public void event(int line, Event e) {
      String citation = citationProblem(e);
      if (citation != null) {
        problem(line, citation);
      } else {
        // Staged even after a problem, so ids repeated anywhere in the file are still found.
        upsert.add(line, EventFeatures.toRecord(e));
      }
    }

    @Override
    public void problem(int line, String reason) {
      problems.add(line, reason);
    }
  }

  /** An event must cite a registered document, inside its length; null when it does. */
  private String citationProblem(Event e) {
    if (e.source() != null) {
      return null; // cites its dataset row, which the event carries
    }
    Document d = byId.get(e.citationDocument());
    if (d == null) {
      return "citation_document '"
          + e.citationDocument()
          + "' is not in the registry (data/documents.json)";
    }
    if (e.citationEnd() > d.chars()) {
      return "citation_end "
          + e.citationEnd()
          + " is past the end of document '"
          + d.id()
          + "' ("
          + d.chars()
          + " characters)";
    }
    return null;
  }
}
