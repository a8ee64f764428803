package org.sahelmap.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences: a full stop, question or exclamation mark, optionally closed
 * by a quote or bracket, then space and a capital, digit or opening quote. Abbreviations that end
 * in a stop before a capital ("Mr. Putin", "U.S. forces") are not sentence ends.
 */
final class Sentences {
  private static final Pattern END =
      Pattern.compile("[.!?][\"'\u201d\u2019)\\]]*\\s+(?=[\\p{Lu}\\d\"\u201c\u2018(])");
  private static final Pattern ABBREVIATION =
      Pattern.compile("(?:\\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|No|vs|al)|\\b\\p{Lu}|\\.\\p{Lu})$");

  private Sentences() {}

  /** The sentences of {@code text[from, to)}, each trimmed of surrounding white space. */
  static List<Span> split(String text, int from, int to) {
    List<Span> out = new ArrayList<>();
    Matcher m = END.matcher(text).region(from, to);
    int start = from;
    while (m.find()) {
      if (ABBREVIATION.matcher(text.substring(start, m.start())).find()) {
        continue;
      }
      add(out, text, start, m.end());
      start = m.end();
    }
    add(out, text, start, to);
    return out;
  }

  private static void add(List<Span> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }
}
