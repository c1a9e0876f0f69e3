package io.wordvec.query;

import java.util.List;

/**
 * Cosine similarity of the means of two word sets' raw vectors, as gensim's {@code n_similarity}
 * computes it (the means are not of the unit vectors).
 *
 * @param model the model that answered
 * @param a the first set
 * @param b the second set
 * @param similarity cosine similarity in [-1, 1]
 */
public record SetSimilarityResponse(
    String model, List<String> a, List<String> b, float similarity) {}
