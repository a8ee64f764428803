package org.sahelmap.config;

/**
 * One setting: its command-line option, its environment variable, its default and what it means.
 * The list of these in {@link Settings} is the single place a setting is declared, so {@code
 * --help} and the README table cannot drift from what the code reads.
 */
public record Setting(String option, String envVar, String defaultValue, String description) {
  public Setting {
    if (!option.startsWith("--")) {
      throw new IllegalArgumentException("option must start with --: " + option);
    }
  }
}
