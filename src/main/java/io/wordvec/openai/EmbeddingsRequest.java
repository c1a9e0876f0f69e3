package io.wordvec.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * OpenAI's embeddings request. Fields OpenAI defines and wordvec has no use for (such as {@code
 * user}) are accepted and ignored, as are unknown ones.
 *
 * @param input a text or an array of texts (arrays of token ids are refused: wordvec embeds text)
 * @param model a model name from {@code GET /v1/models}, or {@code default}
 * @param encodingFormat {@code float} (default) or {@code base64} (little-endian float32)
 * @param dimensions if given, must be the model's own dimension: vectors are not truncated
 * @param user the caller's end user, for OpenAI's abuse monitoring: ignored
 * @param weighting a wordvec extension: {@code mean} or {@code sif}; when absent {@code
 *     wordvec.openai.weighting} (default {@code mean})
 */
public record EmbeddingsRequest(
    @Schema(
            description = "A text, or an array of texts (at most wordvec.limits.max-batch-words)",
            oneOf = {String.class, String[].class},
            example = "[\"The king and the queen.\", \"Paris is in France.\"]")
        Object input,
    @Schema(
            description = "A model name from GET /v1/models, or `default`",
            example = "default",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String model,
    @JsonProperty("encoding_format")
        @Schema(
            description = "float (default) or base64: little-endian float32, as the SDKs request",
            allowableValues = {"float", "base64"},
            example = "float")
        String encodingFormat,
    @Schema(description = "If given, the model's own dimension (vectors are not truncated)")
        Integer dimensions,
    @Schema(description = "Ignored") String user,
    @Schema(
            description =
                "wordvec extension: mean (default) or sif (smooth inverse frequency weights)",
            allowableValues = {"mean", "sif"},
            example = "mean")
        String weighting) {}
