package io.wordvec.system;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Documents an error response of an operation in the OpenAPI description: a {@link ProblemDetail}
 * as {@code application/problem+json}. Not used on handlers directly (an operation has several
 * error responses and this annotation does not repeat); it is the meta-annotation of {@link
 * BadRequestProblem}, {@link NotFoundProblem}, {@link ConflictProblem}, {@link
 * PayloadTooLargeProblem} and {@link TooManyRequestsProblem}. springdoc reads the {@link
 * ApiResponse} it carries through Spring's merged annotations, so the status and the description
 * set on those reach the document.
 */
@Documented
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    content =
        @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
public @interface ProblemResponse {

  /** The HTTP status code, e.g. {@code "404"}. */
  @AliasFor(annotation = ApiResponse.class, attribute = "responseCode")
  String status();

  /** When the operation answers with this status. */
  @AliasFor(annotation = ApiResponse.class, attribute = "description")
  String description() default "";

  /** Headers the response carries, e.g. {@code Retry-After}. */
  @AliasFor(annotation = ApiResponse.class, attribute = "headers")
  Header[] headers() default {};
}
