package org.sahelmap.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
   * goes to the sink. Bytes that are not UTF-8 end the reading with a problem naming their line.
   */
  static void read(Path file, EventSink sink) throws IOException {
    if (!supported(file)) {
      throw new IllegalArgumentException(
          file + ": the file name must end in .geojson, .json or .csv");
    }
    boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    try (Reader text =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), strictUtf8()), 1 << 16)) {
      if (csv) {
        CsvEventReader.read(text, sink);
      } else {
        GeoJsonEventReader.read(text, sink);
      }
    } catch (CharacterCodingException e) {
      sink.problem(lineOfBadBytes(file), "the file is not UTF-8 text (this line is not)");
    }
  }

  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * The line of the first bytes that are not UTF-8, found by a second pass: the reader's decoder
   * says only that some bytes were bad. A newline byte is never part of a multi-byte sequence, so
   * counting newline bytes before the bad ones gives their line.
   */
  static int lineOfBadBytes(Path file) throws IOException {
    CharsetDecoder decoder = strictUtf8();
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    int line = 1;
    try (ReadableByteChannel channel = Files.newByteChannel(file)) {
      boolean eof = false;
      while (true) {
        eof = eof || channel.read(in) < 0;
        in.flip();
        int from = in.position();
        CoderResult result = decoder.decode(in, out, eof);
        for (int i = from; i < in.position(); i++) {
          if (in.get(i) == '\n') {
            line++;
          }
        }
        if (result.isError() || (eof && !in.hasRemaining())) {
          return line;
        }
        out.clear();
        in.compact();
      }
    }
  }
}
