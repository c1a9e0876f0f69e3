package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Answers to "a is to b as c is to ?", best first; a, b and c themselves are excluded.
 *
 * @param model the model that answered
 * @param a the first word
 * @param b the second word
 * @param c the third word
 * @param method {@code cosadd} or {@code cosmul}
 * @param search which search answered: {@code exact} (every word scored) or {@code hnsw} (the
 *     model's approximate index)
 * @param answers best first
 */
public record AnalogyResponse(
    String model,
    String a,
    String b,
    String c,
    String method,
    @Schema(
            example = "hnsw",
            allowableValues = {"exact", "hnsw"})
        String search,
    List<NeighborsResponse.ScoredWord> answers) {}
