package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Cosine similarity of two words.
 *
 * @param model the model that answered
 * @param a the first word
 * @param b the second word
 * @param similarity cosine similarity in [-1, 1]
 * @param oov true when a query word is outside the vocabulary and answered from its character
 *     n-grams (a subword model); absent otherwise
 * @param oovWords those words; absent when none
 */
public record SimilarityResponse(
    String model,
    @Schema(example = "france") String a,
    @Schema(example = "paris") String b,
    @Schema(example = "0.62") float similarity,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_FLAG_DESCRIPTION, example = "null")
        Boolean oov,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_WORDS_DESCRIPTION, example = "null")
        List<String> oovWords) {}
