package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The odd one out: the word furthest from the mean of the others.
 *
 * @param model the model that answered
 * @param words the words asked about
 * @param doesntMatch the odd one out
 */
public record DoesntMatchResponse(
    String model, List<String> words, @Schema(example = "horse") String doesntMatch) {}
