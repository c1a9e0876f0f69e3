package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Words among which to find the odd one out.
 *
 * @param words two or more words
 */
public record DoesntMatchRequest(
    @Schema(example = "[\"breakfast\", \"dinner\", \"supper\", \"horse\"]") List<String> words) {}
