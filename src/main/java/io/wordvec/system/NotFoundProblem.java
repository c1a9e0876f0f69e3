package io.wordvec.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/** Documents that an operation can answer 404 Not Found (an unknown model, word, job...). */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemResponse(status = "404")
public @interface NotFoundProblem {

  /** When the operation answers 404. */
  @AliasFor(annotation = ProblemResponse.class, attribute = "description")
  String value();
}
