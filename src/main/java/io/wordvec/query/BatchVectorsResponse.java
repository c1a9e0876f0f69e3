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
 * @param unknown the requested words the model does not know
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
   * @param known whether the model knows it; the other fields are absent when not
   * @param rank frequency rank, 1 = most frequent
   * @param count corpus count, when the model knows it
   * @param vector the vector
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WordVector(String word, boolean known, Integer rank, Long count, float[] vector) {}
}
