package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Answers to "a is to b as c is to ?", best first; a, b and c themselves are excluded.
 *
 * @param model the model that answered
 * @param a the first word
 * @param b the second word
 * @param c the third word
 * @param method {@code cosadd} or {@code cosmul}
 * @param search which search answered: {@code exact} (every word scored) or {@code hnsw} (the
 *     model's approximate index)
 * @param answers best first
 * @param oov true when a query word is outside the vocabulary and answered from its character
 *     n-grams (a subword model); absent otherwise
 * @param oovWords those words; absent when none
 */
public record AnalogyResponse(
    String model,
    String a,
    String b,
    String c,
    String method,
    @Schema(
            example = "hnsw",
            allowableValues = {"exact", "hnsw"})
        String search,
    List<NeighborsResponse.ScoredWord> answers,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_FLAG_DESCRIPTION, example = "null")
        Boolean oov,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_WORDS_DESCRIPTION, example = "null")
        List<String> oovWords) {}
