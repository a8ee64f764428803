package org.sahelmap.aoi;

import java.util.List;
import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * An AOI the server refuses, with a reason a person can act on: a stable {@code code} and, when the
 * problem sits at a place, its {@code location} as [longitude, latitude].
 */
public class AoiProblem extends Refusal {
  private final double[] location;

  /** A rule the AOI breaks (400). */
  public AoiProblem(String code, String reason) {
    this(code, reason, null);
  }

  public AoiProblem(String code, String reason, double[] location) {
    this(Reason.BAD_INPUT, code, reason, location);
  }

  public AoiProblem(Reason why, String code, String reason, double[] location) {
    super(why, code, reason);
    this.location = location;
    if (location != null) {
      with("location", List.of(location[0], location[1]));
    }
  }

  /** [lon, lat] of the problem, or null. */
  public double[] location() {
    return location;
  }
}
