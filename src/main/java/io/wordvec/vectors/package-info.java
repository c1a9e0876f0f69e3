/**
 * The vectors engine's public face: {@link io.wordvec.vectors.WordVectors} (queries over a model's
 * vectors, through a {@link io.wordvec.vectors.NeighborSearch}), {@link
 * io.wordvec.vectors.VectorMath} (checked vector arithmetic), text embedding, analogy and
 * projection; a subword model's n-gram rows ({@link io.wordvec.vectors.NgramVectors}) and the
 * queries that answer words outside the vocabulary from them ({@link
 * io.wordvec.vectors.SubwordQueries}).
 *
 * <p>Plain Java: imports no Spring, no service package and no {@code io.wordvec.index} (an index
 * depends on this package, never the reverse). Its kernels live in {@code internal}, which nothing
 * outside this package may use.
 */
package io.wordvec.vectors;
