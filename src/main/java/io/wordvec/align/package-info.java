/**
 * Cross-model alignment: an orthogonal map from one model's vector space to another's, learnt by
 * Procrustes from a dictionary of word pairs ({@link io.wordvec.align.Dictionary}: given pairs, or
 * the words frequent in both models), and translation through it by plain nearest neighbour or by
 * CSLS (cross-domain similarity local scaling, Conneau et al. 2018, as in MUSE), with P@1 over a
 * test dictionary.
 *
 * <p>Plain Java: imports {@code vectors} and {@code vocab} (rows are read through the public {@link
 * io.wordvec.vectors.WordVectors} API, so mapped and heap models align alike) and commons-math for
 * the SVD; never Spring, the service packages, {@code io}, {@code train} or {@code cli}.
 */
package io.wordvec.align;
