/**
 * Model quality: analogy accuracy (3CosAdd, 3CosMul), word-pair Spearman correlation, drift between
 * two models, and the bundled evaluation sets.
 *
 * <p>Imports {@code vectors} and {@code vocab} only: never Spring, the service packages, {@code
 * train}, {@code io} or {@code cli}.
 */
package io.wordvec.eval;
