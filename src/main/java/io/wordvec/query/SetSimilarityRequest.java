package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Two word sets to compare.
 *
 * @param a the first set
 * @param b the second set
 */
public record SetSimilarityRequest(
    @Schema(example = "[\"king\", \"queen\"]") List<String> a,
    @Schema(example = "[\"man\", \"woman\"]") List<String> b) {}
