package io.wordvec.openai;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * OpenAI's embeddings response.
 *
 * @param object always {@code list}
 * @param data one embedding per input, in order
 * @param model the model that answered (its real name, also when asked for {@code default})
 * @param usage token counts
 */
public record EmbeddingsResponse(
    @Schema(example = "list") String object, List<Embedding> data, String model, Usage usage) {

  /**
   * One embedding.
   *
   * @param object always {@code embedding}
   * @param index the input's position
   * @param embedding the unit-length vector: an array of floats, or for {@code base64} a string of
   *     little-endian float32 values
   */
  public record Embedding(
      @Schema(example = "embedding") String object,
      int index,
      @Schema(oneOf = {float[].class, String.class}) Object embedding) {}

  /**
   * Token counts: the tokens of all inputs after tokenisation, known or not.
   *
   * @param promptTokens tokens of the inputs
   * @param totalTokens the same (embeddings produce no other tokens)
   */
  public record Usage(
      @com.fasterxml.jackson.annotation.JsonProperty("prompt_tokens") long promptTokens,
      @com.fasterxml.jackson.annotation.JsonProperty("total_tokens") long totalTokens) {}
}
