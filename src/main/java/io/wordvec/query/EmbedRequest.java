package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Texts to turn into one vector each.
 *
 * @param texts the texts (at most wordvec.limits.max-batch-words of them)
 * @param weighting {@code mean} (default) or {@code sif}
 * @param tokenizer {@code normalizing} (default: lowercase, split on anything not a letter or
 *     digit) or {@code whitespace} (split on whitespace only, tokens unchanged)
 * @param normalize whether each vector is scaled to unit length (default false: the mean itself)
 * @param caseFallback whether a token the model does not know is tried in lower case, then in Title
 *     case (default false)
 */
public record EmbedRequest(
    @Schema(
            description = "Texts to embed",
            example = "[\"The king and the queen.\", \"Paris is in France.\"]")
        List<String> texts,
    @Schema(
            description =
                "mean: mean of the known words' unit vectors; sif: weighted by smooth inverse"
                    + " frequency a/(a+p(w)), a = 0.001",
            allowableValues = {"mean", "sif"},
            example = "mean")
        String weighting,
    @Schema(
            description =
                "normalizing: lowercase and split on anything not a letter or digit (how the"
                    + " bundled model's corpus was prepared); whitespace: split on whitespace only",
            allowableValues = {"normalizing", "whitespace"},
            example = "normalizing")
        String tokenizer,
    @Schema(
            description =
                "Scale each vector to unit length (as /v1/embeddings does); default false",
            example = "false")
        Boolean normalize,
    @Schema(
            description =
                "Try an unknown token in lower case, then in Title case (for models that keep"
                    + " case); default false",
            example = "false")
        Boolean caseFallback) {}
