package io.wordvec.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * Documents that an operation can answer 422 Unprocessable Content (a well-formed request whose
 * content cannot be used).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemResponse(status = "422")
public @interface UnprocessableProblem {

  /** When the operation answers 422. */
  @AliasFor(annotation = ProblemResponse.class, attribute = "description")
  String value();
}
