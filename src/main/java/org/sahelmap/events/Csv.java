package org.sahelmap.events;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming RFC 4180 reader: comma-separated fields, optionally in double quotes; inside
 * quotes a doubled quote is a quote and commas and line breaks are text. Lines end with LF or CRLF;
 * empty lines are skipped. A malformed record is reported against the line it starts on and
 * dropped, and reading goes on with the next line, so one pass finds every problem of the file.
 * Records are read one at a time from a {@link Reader}, so a file of any length costs the memory of
 * its longest record; a field over {@link #MAX_FIELD} characters is a problem rather than a reason
 * to hold the rest of the file (an unclosed quote would otherwise swallow it).
 */
final class Csv {
  /** One record or one problem, in file order. */
  sealed interface Item permits Row, Problem {}

  record Row(int line, List<String> fields) implements Item {}

  record Problem(int line, String reason) implements Item {}

  static final int MAX_FIELD = 100_000;
  private static final int EOF = -1;

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private int line = 1;

  Csv(Reader in) throws IOException {
    this.in = in;
    // A byte-order mark (spreadsheet exports write one) is not part of the first column name.
    if (peek(0) == '\uFEFF') {
      pos++;
    }
  }

  /** The next row or problem, or null at the end of the text. */
  Item next() throws IOException {
    while (peek(0) != EOF) {
      if (atLineEnd()) {
        skipLineEnd();
        continue;
      }
      int rowLine = line;
      try {
        return new Row(rowLine, readRecord());
      } catch (MalformedRecord e) {
        skipRestOfLine();
        return new Problem(e.line, e.getMessage());
      }
    }
    return null;
  }

  private List<String> readRecord() throws IOException {
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(peek(0) == '"' ? quoted() : unquoted());
      if (peek(0) == EOF) {
        return fields;
      }
      if (atLineEnd()) {
        skipLineEnd();
        return fields;
      }
      pos++; // the comma
    }
  }

  private String quoted() throws IOException {
    int startLine = line;
    pos++;
    StringBuilder sb = new StringBuilder();
    boolean tooLong = false;
    while (true) {
      int c = peek(0);
      if (c == EOF) {
        throw new MalformedRecord(startLine, "a quoted field is never closed");
      }
      pos++;
      if (c == '"') {
        if (peek(0) == '"') {
          pos++;
        } else {
          if (peek(0) != EOF && peek(0) != ',' && !atLineEnd()) {
            throw new MalformedRecord(
                line, "text after the closing quote of a field (double a quote inside quotes)");
          }
          if (tooLong) {
            throw tooLong(startLine);
          }
          return sb.toString();
        }
      } else if (c == '\n') {
        line++;
      }
      // Past the limit the field is only scanned for its closing quote, not kept.
      if (sb.length() < MAX_FIELD) {
        sb.append((char) c);
      } else {
        tooLong = true;
      }
    }
  }

  private String unquoted() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (peek(0) != EOF && peek(0) != ',' && !atLineEnd()) {
      if (peek(0) == '"') {
        throw new MalformedRecord(
            line, "a quote inside an unquoted field (quote the whole field and double the quote)");
      }
      if (sb.length() == MAX_FIELD) {
        throw tooLong(line);
      }
      sb.append(buf[pos++]);
    }
    return sb.toString();
  }

  private static MalformedRecord tooLong(int line) {
    return new MalformedRecord(line, "a field is longer than " + MAX_FIELD + " characters");
  }

  /** The character k places ahead, or EOF; refills the buffer as needed. */
  private int peek(int k) throws IOException {
    while (pos + k >= limit) {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        return EOF;
      }
      limit += n;
    }
    return buf[pos + k];
  }

  private boolean atLineEnd() throws IOException {
    int c = peek(0);
    return c == '\n' || (c == '\r' && peek(1) == '\n');
  }

  private void skipLineEnd() throws IOException {
    pos += peek(0) == '\r' ? 2 : 1;
    line++;
  }

  private void skipRestOfLine() throws IOException {
    int c;
    while ((c = peek(0)) != EOF) {
      pos++;
      if (c == '\n') {
        line++;
        return;
      }
    }
  }

  private static final class MalformedRecord extends RuntimeException {
    final int line;

    MalformedRecord(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }
}
