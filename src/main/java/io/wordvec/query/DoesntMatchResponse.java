package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The odd one out: the word furthest from the mean of the others.
 *
 * @param model the model that answered
 * @param words the words asked about
 * @param doesntMatch the odd one out
 * @param oov true when a word is outside the vocabulary and took part by its n-gram vector; absent
 *     otherwise
 * @param oovWords those words; absent when none
 */
public record DoesntMatchResponse(
    String model,
    List<String> words,
    @Schema(example = "horse") String doesntMatch,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_FLAG_DESCRIPTION, example = "null")
        Boolean oov,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_WORDS_DESCRIPTION, example = "null")
        List<String> oovWords) {}
