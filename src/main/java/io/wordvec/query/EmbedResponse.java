package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One vector per text, in request order.
 *
 * @param model the model that answered
 * @param weighting {@code mean} or {@code sif}
 * @param tokenizer {@code normalizing} or {@code whitespace}
 * @param dimension vector size
 * @param embeddings one per text
 */
public record EmbedResponse(
    String model,
    String weighting,
    String tokenizer,
    int dimension,
    List<TextEmbedding> embeddings) {

  /**
   * The embedding of one text.
   *
   * @param tokens how many tokens the text has
   * @param known how many of them are in the model's vocabulary
   * @param unknown the distinct tokens without a vector (skipped), in order of appearance
   * @param vector the (weighted) mean of the contributing tokens' unit vectors (the known ones, and
   *     those answered from n-grams); all zeros when none contributes
   * @param oov true when some token is outside the vocabulary and contributed its n-gram vector (a
   *     subword model); absent otherwise
   * @param oovWords those tokens, distinct, in order of appearance; absent when none
   */
  public record TextEmbedding(
      int tokens,
      int known,
      List<String> unknown,
      float[] vector,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean oov,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> oovWords) {}
}
