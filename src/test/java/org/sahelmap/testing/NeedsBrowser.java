package org.sahelmap.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that drives headless Chromium (and, through the page, PostGIS). Tagged {@value
 * #TAG}, so a quick loop can leave it out: {@code ./mvnw verify -DexcludedGroups=database,browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsBrowser.TAG)
public @interface NeedsBrowser {
  String TAG = "browser";
}
