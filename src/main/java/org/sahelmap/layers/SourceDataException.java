package org.sahelmap.layers;

/** A source data file is missing or unreadable; the message names the file and what is wrong. */
public class SourceDataException extends RuntimeException {
  public SourceDataException(String file, String problem) {
    super("source data " + file + ": " + problem);
  }
}
