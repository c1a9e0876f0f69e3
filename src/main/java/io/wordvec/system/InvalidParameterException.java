package io.wordvec.system;

import org.springframework.http.HttpStatus;

/** A request parameter or body field has a value the API does not accept: 400. */
public class InvalidParameterException extends ApiException {

  /**
   * @param parameter the parameter or field name
   * @param value the rejected value (echoed back)
   * @param requirement what a valid value looks like, e.g. {@code "between 1 and 1000"}
   */
  public InvalidParameterException(String parameter, Object value, String requirement) {
    super(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        "Invalid parameter",
        "'" + parameter + "' must be " + requirement + ", was " + describe(value));
    with("parameter", parameter);
    with("requirement", requirement);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "missing";
    }
    String text = String.valueOf(value);
    return text.length() > 100 ? "'" + text.substring(0, 100) + "...'" : "'" + text + "'";
  }
}
