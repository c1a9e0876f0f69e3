package io.wordvec.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/** Documents that an operation can answer 400 Bad Request (an invalid parameter). */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemResponse(status = "400")
public @interface BadRequestProblem {

  /** When the operation answers 400. */
  @AliasFor(annotation = ProblemResponse.class, attribute = "description")
  String value();
}
