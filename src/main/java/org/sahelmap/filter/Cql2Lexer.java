package org.sahelmap.filter;

/**
 * The tokens of CQL2 text (OGC 21-065r2): names (bare or double-quoted), 'strings' (with '' for a
 * quote), numbers, the comparison operators, parentheses, commas and a minus sign. The parser may
 * {@link #seek} past text it hands to another reader (a WKT geometry).
 */
final class Cql2Lexer {
  enum Kind {
    NAME,
    QUOTED_NAME,
    STRING,
    NUMBER,
    OPERATOR,
    LEFT,
    RIGHT,
    COMMA,
    MINUS,
    END
  }

  record Token(Kind kind, String text, int start) {
    /** A bare name equal (ignoring case) to a keyword. */
    boolean is(String keyword) {
      return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }
  }

  final String text;
  private int pos;
  private Token peeked;

  Cql2Lexer(String text) {
    this.text = text;
  }

  static String at(int index) {
    return "character " + (index + 1);
  }

  Token peek() {
    if (peeked == null) {
      peeked = read();
    }
    return peeked;
  }

  Token next() {
    Token t = peek();
    peeked = null;
    return t;
  }

  /** Continue reading at {@code index} (after text read by someone else). */
  void seek(int index) {
    pos = index;
    peeked = null;
  }

  /** Kinds of the one-character tokens. */
  private static final java.util.Map<Character, Kind> SINGLE =
      java.util.Map.of(
          '(', Kind.LEFT, ')', Kind.RIGHT, ',', Kind.COMMA, '-', Kind.MINUS, '=', Kind.OPERATOR);

  private Token read() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= text.length()) {
      return new Token(Kind.END, "", start);
    }
    char c = text.charAt(pos);
    Kind single = SINGLE.get(c);
    if (single != null) {
      pos++;
      return new Token(single, String.valueOf(c), start);
    }
    if (c == '<' || c == '>') {
      pos++;
      if (pos < text.length()
          && (text.charAt(pos) == '=' || (c == '<' && text.charAt(pos) == '>'))) {
        pos++;
      }
      return new Token(Kind.OPERATOR, text.substring(start, pos), start);
    }
    if (c == '\'') {
      return new Token(Kind.STRING, quoted('\'', "string"), start);
    }
    if (c == '"') {
      return new Token(Kind.QUOTED_NAME, quoted('"', "quoted property name"), start);
    }
    if (Character.isDigit(c) || c == '.') {
      return new Token(Kind.NUMBER, number(), start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < text.length() && isNamePart(text.charAt(pos))) {
        pos++;
      }
      return new Token(Kind.NAME, text.substring(start, pos), start);
    }
    throw refused(c, start);
  }

  private FilterException refused(char c, int start) {
    if (c == '+' || c == '*' || c == '/' || c == '%') {
      return new FilterException(at(start), "arithmetic (+ - * /) is not supported");
    }
    return new FilterException(
        at(start),
        "'"
            + printable(c)
            + "' cannot stand here"
            + (c == '{' ? " (for CQL2 JSON, add filter-lang=cql2-json)" : ""));
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':';
  }

  /** A quoted run; the quote doubled stands for itself. */
  private String quoted(char quote, String what) {
    int start = pos;
    StringBuilder out = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new FilterException(at(start), "this " + what + " is never closed");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        if (pos < text.length() && text.charAt(pos) == quote) {
          out.append(quote);
          pos++;
        } else {
          return out.toString();
        }
      } else {
        out.append(c);
      }
    }
  }

  private String number() {
    int start = pos;
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    return text.substring(start, pos);
  }

  static String printable(char c) {
    return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c);
  }
}
