/**
 * The kernels behind the vectors facade: SIMD and scalar arithmetic (the incubating Vector API is
 * imported by {@code PanamaVectorOps} only), exact top-k scans on float and 8-bit rows, and the
 * shared pool that works on a matrix's rows in parallel.
 *
 * <p>Used only by {@code io.wordvec.vectors}; imports nothing from it (nor Spring, nor any other
 * wordvec package), and does no argument checks: the facade validates once.
 */
package io.wordvec.vectors.internal;
