package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Several words to look up at once.
 *
 * @param words the words; unknown ones are marked in the answer, they do not fail the batch
 * @param normalized return unit-length vectors (default false)
 */
public record BatchVectorsRequest(
    @Schema(
            description = "Words to look up (at most wordvec.limits.max-batch-words)",
            example = "[\"king\", \"queen\", \"xyzzy\"]")
        List<String> words,
    @Schema(description = "Return unit-length vectors", example = "false") Boolean normalized) {}
