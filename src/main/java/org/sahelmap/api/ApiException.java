package org.sahelmap.api;

import org.sahelmap.errors.Reason;
import org.sahelmap.errors.Refusal;

/**
 * A refusal raised by the HTTP layer itself (parameters, headers, bodies); a {@link Refusal} like
 * every domain one, so {@link ErrorMapper} writes it the same way.
 */
public class ApiException extends Refusal {

  public ApiException(Reason reason, String code, String description) {
    super(reason, code, description);
  }

  @Override
  public ApiException with(String member, Object value) {
    super.with(member, value);
    return this;
  }

  public static ApiException badParameter(String parameter, String why) {
    return new ApiException(
        Reason.BAD_INPUT, "InvalidParameterValue", "parameter '" + parameter + "': " + why);
  }

  public static ApiException notFound(String what) {
    return new ApiException(Reason.NOT_FOUND, "NotFound", what);
  }
}
