package io.wordvec.align;

/**
 * One translation of a source word: a target word and its score.
 *
 * @param word the target word
 * @param id its row in the target model
 * @param score the criterion's score: the cosine for {@link Criterion#NN}, the CSLS score for
 *     {@link Criterion#CSLS}
 * @param cosine the cosine between the mapped source row and the target word
 */
public record Translation(String word, int id, float score, float cosine) {}
