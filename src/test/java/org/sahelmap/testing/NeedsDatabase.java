package org.sahelmap.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that talks to PostGIS ({@code TEST_DATABASE_URL}). Tagged {@value #TAG}, so a quick
 * loop can leave it out: {@code ./mvnw verify -DexcludedGroups=database,browser}. CI and {@code
 * scripts/test.sh} run everything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsDatabase.TAG)
public @interface NeedsDatabase {
  String TAG = "database";
}
