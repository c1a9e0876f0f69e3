package io.wordvec.jobs;

import io.wordvec.jobs.JobsProblem.FieldProblem;
import io.wordvec.system.validation.IntRange;
import io.wordvec.system.validation.IntRangeValidator;
import io.wordvec.system.validation.NumberRange;
import io.wordvec.system.validation.NumberRangeValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a job's {@code params} JSON object into a typed parameter record and validates it with Bean
 * Validation, reporting every bad field at once (a client fixes them all in one go). JSON-to-record
 * binding is done here, field by field, rather than by the JSON reader, which would stop at the
 * first value of the wrong type.
 */
final class ParamsBinder {

  private final Validator validator;

  ParamsBinder(Validator validator) {
    this.validator = validator;
  }

  /**
   * The record of type {@code type} holding {@code values}. Every problem (unknown names, wrong
   * types, values out of range) is added to {@code errors} as {@code params.<name>}; a value of the
   * wrong type is left out of the record, so that the other values are still checked. Use the
   * record only if no problem was added.
   *
   * @param jobType the job type's API name, for the unknown-parameter message
   */
  <R extends Record> R bind(
      Map<String, Object> values, Class<R> type, String jobType, List<FieldProblem> errors) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> known = Arrays.stream(components).map(RecordComponent::getName).sorted().toList();
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        errors.add(
            problem(
                name,
                "is not a parameter of "
                    + jobType
                    + " jobs (known: "
                    + String.join(", ", known)
                    + ")"));
      }
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      Object value = values.get(component.getName());
      if (value != null) {
        args[i] = convert(component, value);
        if (args[i] == null) {
          errors.add(
              problem(component.getName(), requirement(component) + ", was " + describe(value)));
        }
      }
    }
    R params = construct(type, components, args);
    for (ConstraintViolation<R> violation : validator.validate(params)) {
      errors.add(
          problem(
              violation.getPropertyPath().toString(),
              violation.getMessage() + ", was " + describe(violation.getInvalidValue())));
    }
    return params;
  }

  /** A parameter record as a JSON-ready map, in declaration order, without absent values. */
  static Map<String, Object> toMap(Record params) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (RecordComponent component : params.getClass().getRecordComponents()) {
      Object value = read(component, params);
      if (value != null) {
        map.put(component.getName(), value);
      }
    }
    return map;
  }

  static FieldProblem problem(String name, String message) {
    return new FieldProblem("params." + name, message);
  }

  /** The value as the component's type, or null when it cannot be one. */
  private static Object convert(RecordComponent component, Object value) {
    Class<?> type = component.getType();
    if (type == Boolean.class) {
      if (value instanceof Boolean b) {
        return b;
      }
      Long n = integral(value);
      return n != null && (n == 0 || n == 1) ? n == 1 : null;
    }
    if (type == Integer.class) {
      Long n = integral(value);
      return n != null && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? n.intValue() : null;
    }
    if (type == Long.class) {
      return integral(value);
    }
    if (type == String.class) {
      return value instanceof String text ? text : null;
    }
    if (type == Double.class && value instanceof Number n && !(value instanceof BigInteger)) {
      double d = value instanceof BigDecimal big ? big.doubleValue() : n.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    return null;
  }

  /** A JSON number with an integral value that fits 64 bits, else null. */
  private static Long integral(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9e15 ? (long) d : null;
    }
    return null;
  }

  private static String requirement(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == Boolean.class) {
      return "must be true/false (or 1/0)";
    }
    if (type == String.class) {
      return "must be a string";
    }
    IntRange ints = component.getAnnotation(IntRange.class);
    if (ints != null) {
      return IntRangeValidator.requirement(ints);
    }
    NumberRange numbers = component.getAnnotation(NumberRange.class);
    if (numbers != null) {
      return NumberRangeValidator.requirement(numbers);
    }
    return type == Double.class
        ? "must be a number"
        : IntRangeValidator.requirement(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  static String describe(Object v) {
    if (v instanceof String s) {
      return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
    }
    if (v instanceof Map || v instanceof List) {
      return "a JSON " + (v instanceof Map ? "object" : "array");
    }
    return String.valueOf(v);
  }

  private static <R extends Record> R construct(
      Class<R> type, RecordComponent[] components, Object[] args) {
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object read(RecordComponent component, Record params) {
    try {
      return component.getAccessor().invoke(params);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
