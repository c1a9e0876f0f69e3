package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Nearest neighbours, best first. The query words themselves are excluded.
 *
 * @param model the model that answered
 * @param positive the attracting words
 * @param negative the repelling words
 * @param method {@code cosadd} or {@code cosmul}
 * @param search which search answered: {@code exact} (every word scored) or {@code hnsw} (the
 *     model's approximate index)
 * @param neighbors best first
 * @param oov true when a query word is outside the vocabulary and answered from its character
 *     n-grams (a subword model); absent otherwise
 * @param oovWords those words; absent when none
 */
public record NeighborsResponse(
    String model,
    List<String> positive,
    List<String> negative,
    @Schema(example = "cosadd") String method,
    @Schema(
            example = "hnsw",
            allowableValues = {"exact", "hnsw"})
        String search,
    List<ScoredWord> neighbors,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_FLAG_DESCRIPTION, example = "null")
        Boolean oov,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = QuerySupport.OOV_WORDS_DESCRIPTION, example = "null")
        List<String> oovWords) {

  /**
   * One neighbour.
   *
   * @param word the word
   * @param score cosine similarity for {@code cosadd}, the 3CosMul objective for {@code cosmul}
   */
  public record ScoredWord(
      @Schema(example = "queen") String word, @Schema(example = "0.71") float score) {}
}
