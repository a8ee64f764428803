package org.sahelmap.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server refuses, with the HTTP status and a machine-readable code. Handlers throw
 * it; {@link ErrorMapper} writes every one the same way: {@code {"code": ..., "description": ...}}.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, Object> details = new LinkedHashMap<>();

  public ApiException(int status, String code, String description) {
    super(description);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Members written into the error body after code and description (e.g. the current version). */
  public Map<String, Object> details() {
    return details;
  }

  public ApiException with(String member, Object value) {
    details.put(member, value);
    return this;
  }

  public static ApiException badParameter(String parameter, String why) {
    return new ApiException(400, "InvalidParameterValue", "parameter '" + parameter + "': " + why);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "NotFound", what);
  }
}
