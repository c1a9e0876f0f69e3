package io.wordvec.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/** Documents that an operation can answer 413 Content Too Large (a batch over its limit). */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemResponse(status = "413")
public @interface PayloadTooLargeProblem {

  /** When the operation answers 413. */
  @AliasFor(annotation = ProblemResponse.class, attribute = "description")
  String value();
}
