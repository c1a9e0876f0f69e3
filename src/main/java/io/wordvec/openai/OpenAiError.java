package io.wordvec.openai;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * OpenAI's error envelope: {@code {"error": {"message", "type", "param", "code"}}}.
 *
 * @param error the error
 */
public record OpenAiError(Body error) {

  /**
   * @param message what went wrong, written for the caller (the problem's detail)
   * @param type {@code invalid_request_error}, {@code authentication_error}, {@code
   *     permission_error}, {@code rate_limit_error} or {@code server_error}
   * @param param the request field at fault, e.g. {@code input[2]}, or null
   * @param code a stable code: the problem type's slug in snake case, e.g. {@code model_not_found}
   */
  public record Body(
      @Schema(example = "No model named 'gpt-4'; available: [gutenberg]") String message,
      @Schema(example = "invalid_request_error") String type,
      @Schema(example = "model", nullable = true) String param,
      @Schema(example = "model_not_found") String code) {}
}
