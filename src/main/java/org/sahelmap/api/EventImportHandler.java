package org.sahelmap.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sahelmap.errors.Reason;
import org.sahelmap.events.EventImporter;

/**
 * {@code POST /api/events/import}: an analyst's upload of an events file, imported as {@code
 * import-events} imports it (ours, an ACLED export or a UCDP GED CSV; all or nothing; rows matched
 * on id). The body is the file itself, as {@code text/csv} or GeoJSON; it is copied to a temporary
 * file as it arrives, never held in memory, and refused with 413 past {@link #MAX_BYTES}. Bad rows
 * answer 422 with the same {@code FILE:line N: reason} list the command prints, FILE being the
 * {@code name} the page sends (the file's own name) or {@code upload.csv}.
 */
final class EventImportHandler {
  /**
   * Largest upload: some 40,000 dataset rows, which import well inside a served statement's 30 s;
   * bigger exports go through the {@code import-events} command, which has no such limit.
   */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  static final String PATH = "/api/events/import";

  /** What a reported file name keeps: letters, digits and a few marks; the rest become '_'. */
  private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N} ._()-]");

  private final EventImporter importer;

  EventImportHandler(EventImporter importer) {
    this.importer = importer;
  }

  void importFile(Context ctx) throws IOException {
    String extension = extension(ctx.contentType());
    String name = name(ctx.queryParam("name"), extension);
    Path file = Files.createTempFile("sahel-upload-", extension);
    try {
      UploadBody.copy(ctx, file, MAX_BYTES, EventImportHandler::tooLarge);
      EventImporter.Result result = importer.importFile(file);
      if (!result.ok()) {
        List<String> problems = new ArrayList<>();
        result.problems().forEach(p -> problems.add(name + ":" + p));
        long unlisted = result.problemCount() - result.problems().size();
        if (unlisted > 0) {
          problems.add(name + ": and " + unlisted + " more problem(s)");
        }
        throw new ApiException(
                Reason.UNPROCESSABLE,
                "InvalidEvents",
                "nothing imported from "
                    + name
                    + ": "
                    + result.problemCount()
                    + " problem(s); the stored events are unchanged")
            .with("problems", problems)
            .with("problemCount", result.problemCount());
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("imported", result.imported());
      body.put("file", name);
      ctx.json(body);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The reader the body's type asks for, as the importer knows it: by the file's extension. */
  private static String extension(String contentType) {
    String bare =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (bare) {
      case "text/csv" -> ".csv";
      case "application/geo+json", "application/json" -> ".geojson";
      default ->
          throw new ApiException(
              Reason.UNSUPPORTED_TYPE,
              "UnsupportedMediaType",
              "send the events file as text/csv (ours, an ACLED export or a UCDP GED CSV) or"
                  + " application/geo+json, not "
                  + (contentType == null ? "a body without Content-Type" : contentType));
    };
  }

  /**
   * The name problems are reported against: the client's file name, kept to plain characters and
   * 120 of them (it is only echoed, as text, but a path or markup in it helps nobody).
   */
  private static String name(String given, String extension) {
    if (given == null || given.isBlank()) {
      return "upload" + extension;
    }
    String plain = NOT_NAME.matcher(given.strip()).replaceAll("_");
    return plain.length() > 120 ? plain.substring(0, 120) : plain;
  }

  private static ApiException tooLarge() {
    return new ApiException(
        Reason.TOO_LARGE,
        "PayloadTooLarge",
        "the file is larger than "
            + MAX_BYTES / (1024 * 1024)
            + " MiB; import larger exports with the import-events command");
  }
}
