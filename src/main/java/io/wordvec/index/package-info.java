/**
 * The approximate neighbour index: an HNSW graph over a model's unit rows, built and searched with
 * DataStax jvector, persisted beside the model file ({@code X.wvm} → {@code X.hnsw}) in a format of
 * our own that is memory-mapped when opened. {@link io.wordvec.index.HnswIndex} answers a model's
 * {@link io.wordvec.vectors.NeighborSearch} queries from the graph, walking it on an 8-bit copy of
 * the rows kept in the index file ({@link io.wordvec.index.RowCodes}), rescoring what it found
 * exactly, and hands queries that the graph would answer slowly (very selective filters, tiny
 * models) to the exact scan.
 *
 * <p>Plain Java: depends on {@code io.wordvec.vectors} (never the reverse) and on jvector; imports
 * no Spring and no service package. Scores are computed with the project's own kernels, on rows
 * read in place where they lie in the heap ({@link io.wordvec.vectors.RowDots}), plugged into
 * jvector's score-provider interfaces, so the JDK 17 build does not fall back to jvector's scalar
 * distances.
 */
package io.wordvec.index;
