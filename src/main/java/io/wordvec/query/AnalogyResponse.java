package io.wordvec.query;

import java.util.List;

/**
 * Answers to "a is to b as c is to ?", best first; a, b and c themselves are excluded.
 *
 * @param model the model that answered
 * @param a the first word
 * @param b the second word
 * @param c the third word
 * @param method {@code cosadd} or {@code cosmul}
 * @param answers best first
 */
public record AnalogyResponse(
    String model,
    String a,
    String b,
    String c,
    String method,
    List<NeighborsResponse.ScoredWord> answers) {}
