package io.wordvec.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/** Documents that an operation can answer 409 Conflict (the state of a resource forbids it). */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemResponse(status = "409")
public @interface ConflictProblem {

  /** When the operation answers 409. */
  @AliasFor(annotation = ProblemResponse.class, attribute = "description")
  String value();
}
