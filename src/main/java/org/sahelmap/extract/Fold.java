package org.sahelmap.extract;

import java.text.Normalizer;

/**
 * Text folded for matching: lower case, accents dropped, typographic apostrophes and dashes made
 * plain, one character for one, so an offset found in the folded text is the same offset in the
 * original (citations are offsets into the original).
 */
final class Fold {
  private Fold() {}

  static String of(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(fold(s.charAt(i)));
    }
    return b.toString();
  }

  private static char fold(char c) {
    if (c == '\u2019' || c == '\u2018' || c == '\u02bc') {
      return '\'';
    }
    if (c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\u2014') {
      return '-';
    }
    if (c == '\u00a0') {
      return ' ';
    }
    if (c < 0x80) {
      return Character.toLowerCase(c);
    }
    String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    // A base letter followed by combining marks becomes the base; anything else stays itself.
    char base = d.charAt(0);
    return Character.toLowerCase(Character.isSurrogate(base) ? c : base);
  }
}
