package org.sahelmap.documents;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahelmap.events.DocumentText;

/**
 * Who published an uploaded document, when it says: a "Published by X" or "Publisher: X" line near
 * the top (what the document itself states wins), else the file's metadata ({@link
 * DocumentReader.Read#publisher}); null when neither names one, never a guess.
 */
final class Publishers {
  /** Papers put it in their title block; a line further down is about someone else's report. */
  private static final int LINES = 6;

  private static final Pattern LINE =
      Pattern.compile(
          "^\\s*(?:published\\s+by|publisher\\s*:)\\s*(\\S.{0,150}?)[\\s.]*$",
          Pattern.CASE_INSENSITIVE);

  private Publishers() {}

  static String of(DocumentReader.Read read, String text, List<DocumentText.Paragraph> ps) {
    for (DocumentText.Paragraph p : ps.subList(0, Math.min(LINES, ps.size()))) {
      Matcher m = LINE.matcher(text.substring(p.start(), p.end()));
      if (m.matches()) {
        return m.group(1).strip();
      }
    }
    String meta = read.publisher();
    return meta == null ? null : meta.length() > 200 ? meta.substring(0, 200) : meta;
  }
}
