package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Translations of a source model's word into a target model's words, best first.
 *
 * @param model the source model that answered
 * @param target the target model
 * @param word the translated word
 * @param criterion {@code nn} (nearest neighbour by cosine) or {@code csls}
 * @param alignment the id of the alignment used
 * @param translations best first
 * @param oov true when the word is outside the source vocabulary and was translated by its
 *     character n-gram vector (a subword model); absent otherwise
 */
public record TranslateResponse(
    String model,
    String target,
    @Schema(example = "king") String word,
    @Schema(
            example = "csls",
            allowableValues = {"nn", "csls"})
        String criterion,
    @Schema(example = "3f2a9c1d0b7e") String alignment,
    List<TranslatedWord> translations,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "true when the word is outside the source vocabulary and was translated by its"
                    + " n-gram vector; absent otherwise",
            example = "null")
        Boolean oov) {

  /**
   * One translation.
   *
   * @param word a target model's word
   * @param score the cosine for {@code nn}, the CSLS score for {@code csls}
   * @param cosine the cosine between the mapped source word and this word
   */
  public record TranslatedWord(
      @Schema(example = "king") String word,
      @Schema(example = "0.92") float score,
      @Schema(example = "0.85") float cosine) {}
}
