/**
 * The query API under {@code /api/v1/models/{model}}: vectors, similarity of words, word sets and
 * texts (mean, SIF, word mover's distance), neighbours of words or vectors (alone or in batches),
 * distances and ranks, analogies, odd-one-out, text embeddings, the explorer's projections and
 * translations into another model through a saved alignment ({@code alignments}). Controllers pick
 * a model from the registry once per request and call the engine; they hold no state. Must not
 * import corpora or jobs.
 */
package io.wordvec.query;
