package io.wordvec.vectors;

/**
 * One answer of a neighbour or analogy query.
 *
 * @param word the word
 * @param id its id in the model's vocabulary
 * @param score cosine similarity (3CosAdd) or the 3CosMul score
 */
public record Neighbor(String word, int id, float score) {}
