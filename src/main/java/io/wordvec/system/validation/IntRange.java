package io.wordvec.system.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole number between {@link #min()} and {@link #max()}, both inclusive; null is valid (an
 * absent optional value). The violation's message says the range the way a person reads it: "must
 * be an integer between 1 and 100", "... >= 1" when there is no real upper bound.
 */
@Documented
@Constraint(validatedBy = IntRangeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IntRange {

  long min() default Long.MIN_VALUE;

  long max() default Long.MAX_VALUE;

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
