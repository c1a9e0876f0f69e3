package io.wordvec.system;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * Documents that an operation can answer 429 Too Many Requests (a full queue), with a {@code
 * Retry-After} header in seconds.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemResponse(
    status = "429",
    headers =
        @Header(
            name = "Retry-After",
            description = "Seconds to wait before retrying",
            schema = @Schema(type = "integer")))
public @interface TooManyRequestsProblem {

  /** When the operation answers 429. */
  @AliasFor(annotation = ProblemResponse.class, attribute = "description")
  String value();
}
