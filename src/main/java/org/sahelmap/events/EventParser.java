package org.sahelmap.events;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads an events file, choosing the format by its extension: .geojson/.json or .csv. */
public final class EventParser {
  private EventParser() {}

  /** True when the file name says which reader to use. */
  public static boolean supported(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".geojson") || name.endsWith(".json") || name.endsWith(".csv");
  }

  /**
   * Reads the whole file (UTF-8). Throws IllegalArgumentException for an unsupported extension and
   * IOException when the file cannot be read; everything wrong inside it is in the result.
   */
  public static EventFile parse(Path file) throws IOException {
    if (!supported(file)) {
      throw new IllegalArgumentException(
          file + ": the file name must end in .geojson, .json or .csv");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      return new EventFile(List.of(), List.of("line 1: the file is not UTF-8 text"));
    }
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
        ? CsvEventReader.read(text)
        : GeoJsonEventReader.read(new StringReader(text));
  }
}
