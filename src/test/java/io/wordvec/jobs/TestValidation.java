package io.wordvec.jobs;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** The Bean Validation validator that Spring Boot would inject, for tests without a context. */
final class TestValidation {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private TestValidation() {}

  static Validator validator() {
    return VALIDATOR;
  }
}
