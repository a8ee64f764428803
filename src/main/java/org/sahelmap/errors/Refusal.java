package org.sahelmap.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server refuses: a {@link Reason} (which fixes the HTTP status, in one table), a
 * stable machine-readable {@code code} and a description in our words that names the field and says
 * why. Every domain refusal (AOIs, briefings, parameters) is one of these, so one writer in {@code
 * api.ErrorMapper} turns each into {@code {"code", "description", ...details}}.
 */
public class Refusal extends RuntimeException {
  private final Reason reason;
  private final String code;
  private final Map<String, Object> details = new LinkedHashMap<>();

  public Refusal(Reason reason, String code, String description) {
    super(description);
    this.reason = reason;
    this.code = code;
  }

  public Reason reason() {
    return reason;
  }

  public String code() {
    return code;
  }

  /** Members written into the error body after code and description (e.g. the current version). */
  public Map<String, Object> details() {
    return details;
  }

  public Refusal with(String member, Object value) {
    details.put(member, value);
    return this;
  }

  /** The version to send back as ETag (a stale write's current version), or null. */
  public Integer currentVersion() {
    return details.get("currentVersion") instanceof Integer v ? v : null;
  }
}
