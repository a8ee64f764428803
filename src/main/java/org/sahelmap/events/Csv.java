package org.sahelmap.events;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, optionally in double quotes; inside quotes a
 * doubled quote is a quote and commas and line breaks are text. Lines end with LF or CRLF; empty
 * lines are skipped. A malformed record is reported against the line it starts on and dropped, and
 * reading goes on with the next line, so one pass finds every problem of the file.
 */
final class Csv {
  record Row(int line, List<String> fields) {}

  record Problem(int line, String reason) {}

  record Result(List<Row> rows, List<Problem> problems) {}

  private final String text;
  private int pos;
  private int line = 1;
  private final List<Row> rows = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private Csv(String text) {
    // A byte-order mark (spreadsheet exports write one) is not part of the first column name.
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static Result parse(String text) {
    Csv csv = new Csv(text);
    csv.readAll();
    return new Result(csv.rows, csv.problems);
  }

  private void readAll() {
    while (pos < text.length()) {
      if (atLineEnd()) {
        skipLineEnd();
        continue;
      }
      int rowLine = line;
      try {
        rows.add(new Row(rowLine, readRecord()));
      } catch (MalformedRecord e) {
        problems.add(new Problem(e.line, e.getMessage()));
        skipRestOfLine();
      }
    }
  }

  private List<String> readRecord() {
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(peek() == '"' ? quoted() : unquoted());
      if (pos >= text.length()) {
        return fields;
      }
      if (atLineEnd()) {
        skipLineEnd();
        return fields;
      }
      pos++; // the comma
    }
  }

  private String quoted() {
    int startLine = line;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new MalformedRecord(startLine, "a quoted field is never closed");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        if (peek() == '"') {
          sb.append('"');
          pos++;
          continue;
        }
        if (pos < text.length() && peek() != ',' && !atLineEnd()) {
          throw new MalformedRecord(
              line, "text after the closing quote of a field (double a quote inside quotes)");
        }
        return sb.toString();
      }
      if (c == '\n') {
        line++;
      }
      sb.append(c);
    }
  }

  private String unquoted() {
    int from = pos;
    while (pos < text.length() && peek() != ',' && !atLineEnd()) {
      if (peek() == '"') {
        throw new MalformedRecord(
            line, "a quote inside an unquoted field (quote the whole field and double the quote)");
      }
      pos++;
    }
    return text.substring(from, pos);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean atLineEnd() {
    char c = peek();
    return c == '\n' || (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n');
  }

  private void skipLineEnd() {
    pos += text.charAt(pos) == '\r' ? 2 : 1;
    line++;
  }

  private void skipRestOfLine() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
    if (pos < text.length()) {
      pos++;
      line++;
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
