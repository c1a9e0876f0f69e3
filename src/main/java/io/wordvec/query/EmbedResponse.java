package io.wordvec.query;

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
   * @param known how many of them the model knows (only those contribute)
   * @param unknown the distinct unknown tokens, in order of appearance
   * @param vector the (weighted) mean of the known tokens' unit vectors; all zeros when no token is
   *     known
   */
  public record TextEmbedding(int tokens, int known, List<String> unknown, float[] vector) {}
}
