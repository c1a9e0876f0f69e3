package io.wordvec.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * OpenAI's model list.
 *
 * @param object always {@code list}
 * @param data the loaded models
 */
public record ModelList(@Schema(example = "list") String object, List<Model> data) {

  /**
   * One model.
   *
   * @param id the model's name, as {@code model} in an embeddings request
   * @param object always {@code model}
   * @param created when it was trained, or else loaded (seconds since the epoch)
   * @param ownedBy always {@code wordvec}
   */
  public record Model(
      @Schema(example = "gutenberg") String id,
      @Schema(example = "model") String object,
      long created,
      @JsonProperty("owned_by") @Schema(example = "wordvec") String ownedBy) {}
}
