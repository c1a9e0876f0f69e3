package io.wordvec.query;

import java.util.List;

/**
 * Cosine similarity of the mean unit vectors of two word sets (gensim's {@code n_similarity}).
 *
 * @param model the model that answered
 * @param a the first set
 * @param b the second set
 * @param similarity cosine similarity in [-1, 1]
 */
public record SetSimilarityResponse(
    String model, List<String> a, List<String> b, float similarity) {}
