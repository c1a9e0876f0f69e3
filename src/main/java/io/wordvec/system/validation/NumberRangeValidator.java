package io.wordvec.system.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NumberRange}. */
public final class NumberRangeValidator implements ConstraintValidator<NumberRange, Number> {

  private double min;
  private double max;
  private boolean minInclusive;

  @Override
  public void initialize(NumberRange range) {
    min = range.min();
    max = range.max();
    minInclusive = range.minInclusive();
  }

  @Override
  public boolean isValid(Number number, ConstraintValidatorContext context) {
    if (number == null) {
      return true;
    }
    double value = number.doubleValue();
    if (Double.isFinite(value) && (minInclusive ? value >= min : value > min) && value <= max) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(requirement(min, max, minInclusive))
        .addConstraintViolation();
    return false;
  }

  /** What a valid value looks like, e.g. {@code "must be a number in (0, 1]"}. */
  public static String requirement(double min, double max, boolean minInclusive) {
    return "must be a number in "
        + (minInclusive ? "[" : "(")
        + plain(min)
        + ", "
        + plain(max)
        + "]";
  }

  /** The requirement of an annotation. */
  public static String requirement(NumberRange range) {
    return requirement(range.min(), range.max(), range.minInclusive());
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
