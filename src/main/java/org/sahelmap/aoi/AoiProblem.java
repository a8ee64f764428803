package org.sahelmap.aoi;

/**
 * An AOI the server refuses, with a reason a person can act on: a stable {@code code} and, when the
 * problem sits at a place, its {@code location} as [longitude, latitude].
 */
public class AoiProblem extends RuntimeException {
  private final String code;
  private final double[] location;

  public AoiProblem(String code, String reason) {
    this(code, reason, null);
  }

  public AoiProblem(String code, String reason, double[] location) {
    super(reason);
    this.code = code;
    this.location = location;
  }

  public String code() {
    return code;
  }

  /** [lon, lat] of the problem, or null. */
  public double[] location() {
    return location;
  }
}
