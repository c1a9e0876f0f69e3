package io.wordvec.system.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A finite number in {@code [min, max]}, or {@code (min, max]} when {@link #minInclusive()} is
 * false; null is valid (an absent optional value). The message reads "must be a number in [0, 1]".
 */
@Documented
@Constraint(validatedBy = NumberRangeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NumberRange {

  double min();

  double max();

  boolean minInclusive() default true;

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
