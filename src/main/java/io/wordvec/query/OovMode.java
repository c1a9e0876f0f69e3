package io.wordvec.query;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the {@code oov} query parameter of every route that takes words ({@link
 * QuerySupport#ngrams}). Spring MVC needs {@code @RequestParam} on the parameter itself; springdoc
 * finds this {@link Parameter} as a meta-annotation.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
    description = QuerySupport.OOV_DESCRIPTION,
    example = "ngram",
    schema = @Schema(allowableValues = {"ngram", "error"}))
@interface OovMode {}
