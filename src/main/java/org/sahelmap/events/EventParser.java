package org.sahelmap.events;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
   * Streams the file (strict UTF-8) to the sink row by row. Throws IllegalArgumentException for an
   * unsupported extension and IOException when the file cannot be read; everything wrong inside it
   * goes to the sink. Bytes that are not UTF-8 end the reading with a problem on their line.
   */
  static void read(Path file, EventSink sink) throws IOException {
    if (!supported(file)) {
      throw new IllegalArgumentException(
          file + ": the file name must end in .geojson, .json or .csv");
    }
    boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    try (LineCounter text =
        new LineCounter(
            new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      Reader buffered = new BufferedReader(text, 1 << 16);
      try {
        if (csv) {
          CsvEventReader.read(buffered, sink);
        } else {
          GeoJsonEventReader.read(buffered, sink);
        }
      } catch (CharacterCodingException e) {
        sink.problem(text.line, "the file is not UTF-8 text (bytes on this line are not UTF-8)");
      }
    }
  }

  /**
   * Counts the lines decoded so far, so a decoding failure can name the line of the bad bytes: the
   * decoder hands over every character before them first.
   */
  private static final class LineCounter extends FilterReader {
    int line = 1;

    LineCounter(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = super.read(cbuf, off, len);
      for (int i = off; i < off + n; i++) {
        if (cbuf[i] == '\n') {
          line++;
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c == '\n') {
        line++;
      }
      return c;
    }
  }
}
