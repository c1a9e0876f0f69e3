package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One word's vector.
 *
 * @param model the model that answered (its real name, also when asked for {@code default})
 * @param word the word
 * @param rank frequency rank, 1 = most frequent (the position in the model's vocabulary); absent
 *     for a word outside the vocabulary
 * @param count corpus count, when the model knows it
 * @param normalized whether {@code vector} is the unit-length vector
 * @param dimension vector size
 * @param vector the vector
 * @param oov true when the word is outside the vocabulary and its vector comes from its character
 *     n-grams (a subword model); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VectorResponse(
    @Schema(example = "gutenberg") String model,
    @Schema(example = "king") String word,
    @Schema(description = "Frequency rank, 1 = most frequent", example = "180") Integer rank,
    @Schema(description = "Corpus count, when the model knows it", example = "9123") Long count,
    boolean normalized,
    @Schema(example = "100") int dimension,
    float[] vector,
    @Schema(
            description =
                "true when the word is outside the vocabulary and its vector comes from its"
                    + " character n-grams; absent otherwise",
            example = "null")
        Boolean oov) {}
