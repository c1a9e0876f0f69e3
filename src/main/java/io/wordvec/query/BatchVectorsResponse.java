package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The vectors of a batch, one result per requested word, in request order.
 *
 * @param model the model that answered
 * @param normalized whether the vectors are unit length
 * @param dimension vector size
 * @param results one per requested word
 * @param unknown the requested words the model has no vector for
 */
public record BatchVectorsResponse(
    String model,
    boolean normalized,
    int dimension,
    List<WordVector> results,
    List<String> unknown) {

  /**
   * One word of a batch.
   *
   * @param word the word as requested
   * @param known whether the word is in the model's vocabulary; rank and count are absent when not
   * @param rank frequency rank, 1 = most frequent
   * @param count corpus count, when the model knows it
   * @param vector the vector; absent for a word without one
   * @param oov true when the word is outside the vocabulary and its vector comes from its character
   *     n-grams; absent otherwise
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WordVector(
      String word, boolean known, Integer rank, Long count, float[] vector, Boolean oov) {}
}
