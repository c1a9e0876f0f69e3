package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Cosine similarity of two words.
 *
 * @param model the model that answered
 * @param a the first word
 * @param b the second word
 * @param similarity cosine similarity in [-1, 1]
 */
public record SimilarityResponse(
    String model,
    @Schema(example = "france") String a,
    @Schema(example = "paris") String b,
    @Schema(example = "0.62") float similarity) {}
