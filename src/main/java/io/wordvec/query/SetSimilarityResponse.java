package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Cosine similarity of the means of two word sets' raw vectors, as gensim's {@code n_similarity}
 * computes it (the means are not of the unit vectors).
 *
 * @param model the model that answered
 * @param a the first set
 * @param b the second set
 * @param similarity cosine similarity in [-1, 1]
 * @param oov true when a word is outside the vocabulary and took part by its n-gram vector; absent
 *     otherwise
 * @param oovWords those words; absent when none
 */
public record SetSimilarityResponse(
    String model,
    List<String> a,
    List<String> b,
    float similarity,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_FLAG_DESCRIPTION, example = "null")
        Boolean oov,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_WORDS_DESCRIPTION, example = "null")
        List<String> oovWords) {}
