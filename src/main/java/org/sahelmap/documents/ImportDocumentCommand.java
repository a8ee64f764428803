package org.sahelmap.documents;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * {@code import-document FILE}: stores a document as an upload in the browser does (typed by its
 * extension, the same limit and refusals) and says what it proposed; decided by "command line".
 */
public final class ImportDocumentCommand {
  /** The account recorded for documents stored from the command line. */
  public static final String USER = "command-line";

  private ImportDocumentCommand() {}

  public static int run(Path file, DataSource dataSource, PrintStream out, PrintStream err) {
    String type = DocumentReader.mediaType(file.getFileName().toString());
    byte[] bytes;
    try {
      if (Files.size(file) > DocumentUploads.MAX_BYTES) {
        err.println(
            "sahel-map: "
                + file
                + " is larger than "
                + DocumentUploads.MAX_BYTES / (1024 * 1024)
                + " MiB");
        return 1;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      err.println("sahel-map: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    DocumentUploads.Result r =
        new DocumentUploads(dataSource, Clock.systemUTC())
            .upload(bytes, type, file.getFileName().toString(), USER);
    out.println(
        (r.created() ? "stored document " : "already stored as document ")
            + r.document().id()
            + " ("
            + r.document().title()
            + ", "
            + r.document().published()
            + "): "
            + r.proposed()
            + " candidate events to review");
    return 0;
  }
}
