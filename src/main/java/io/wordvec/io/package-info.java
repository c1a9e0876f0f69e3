/**
 * Model files: word2vec text and binary (plain or gzip), fastText {@code .vec} and {@code .bin}
 * (with its character n-gram rows, {@link io.wordvec.io.FastTextBinary}), and the native {@code
 * .wvm} format (memory-mapped vectors, a subword model's n-gram rows, plus the full training state
 * and metadata).
 *
 * <p>Imports {@code vectors}, {@code vocab} and {@code train} (the model records) only: never
 * Spring, the service packages, {@code eval} or {@code cli}.
 */
package io.wordvec.io;
