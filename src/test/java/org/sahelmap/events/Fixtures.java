package org.sahelmap.events;

import java.nio.file.Path;

/** Where the tests find the repository and the source documents. */
final class Fixtures {
  private Fixtures() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("sahel.repoRoot", ".")).toAbsolutePath().normalize();
  }

  /** The source documents, next to the repository as in CI: ../shared/documents. */
  static Path documentsDir() {
    return repoRoot().resolveSibling("shared").resolve("documents");
  }

  static Path curatedFile() {
    return repoRoot().resolve("data/events/partnership-not-dependency.geojson");
  }
}
