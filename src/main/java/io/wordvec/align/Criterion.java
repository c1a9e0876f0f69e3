package io.wordvec.align;

/** How a mapped source word picks its translations among the target model's words. */
public enum Criterion {

  /** Plain nearest neighbour: the target words of highest cosine with the mapped source row. */
  NN,

  /**
   * Cross-domain similarity local scaling (Conneau et al. 2018): {@code 2 cos(Wx, y) - r_T(Wx) -
   * r_S(y)}, where {@code r} is the mean cosine of a point to its k nearest neighbours in the other
   * space. It penalises hubs, target words that are near to many mapped source words, which plain
   * nearest neighbour returns for too many queries.
   */
  CSLS
}
