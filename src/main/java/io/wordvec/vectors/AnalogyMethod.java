package io.wordvec.vectors;

/** How analogy and multi-word neighbour queries combine their words. */
public enum AnalogyMethod {
  /** Mikolov's additive objective (gensim's {@code most_similar}). */
  COSADD,
  /** Levy and Goldberg's multiplicative objective (gensim's {@code most_similar_cosmul}). */
  COSMUL
}
