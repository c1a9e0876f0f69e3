package io.wordvec.query;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the {@code {model}} path variable that every query endpoint takes. Spring MVC needs
 * {@code @PathVariable} on the parameter itself; springdoc finds this {@link Parameter} as a
 * meta-annotation.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(description = "Model name, or `default`", example = "default")
@interface ModelName {}
