package io.wordvec.system.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link IntRange} on integral numbers. */
public final class IntRangeValidator implements ConstraintValidator<IntRange, Number> {

  private long min;
  private long max;

  @Override
  public void initialize(IntRange range) {
    min = range.min();
    max = range.max();
  }

  @Override
  public boolean isValid(Number value, ConstraintValidatorContext context) {
    if (value == null || (value.longValue() >= min && value.longValue() <= max)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    // the text holds only the annotation's numbers, never the rejected value: no interpolation risk
    context.buildConstraintViolationWithTemplate(requirement(min, max)).addConstraintViolation();
    return false;
  }

  /** What a valid value looks like, e.g. {@code "must be an integer between 1 and 100"}. */
  public static String requirement(long min, long max) {
    String range;
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      range = "(64-bit)";
    } else if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
      range = ">= " + min;
    } else {
      range = "between " + min + " and " + max;
    }
    return "must be an integer " + range;
  }

  /** The requirement of an annotation. */
  public static String requirement(IntRange range) {
    return requirement(range.min(), range.max());
  }
}
