package io.wordvec.train;

import java.util.Locale;

/** How a training worker turns a window of words into updates of the two matrices. */
public enum Kernel {

  /**
   * word2vec.c's update: one (context, centre) pair at a time (skip-gram) or one centre word at a
   * time (CBOW), each with noise words of its own.
   */
  PAIR,

  /**
   * HogBatch (Ji et al., "Parallelizing Word2Vec in Shared and Distributed Memory"): skip-gram
   * batches the context words of one centre word around one shared set of noise words, so that an
   * update is a small dense matrix product of gathered rows; CBOW trains {@link #CBOW_BATCH}
   * consecutive centre words one after another against one shared set of noise words, held in a
   * block (see {@link HogBatch}). Not for subword models.
   */
  BATCHED;

  /**
   * CBOW centre words of the batched kernel that share one draw of noise words (trained one after
   * another, see {@link HogBatch}).
   */
  public static final int CBOW_BATCH = 8;

  /** The name used in options and summaries: {@code pair} or {@code batched}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kernel named {@code id}, ignoring case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Kernel of(String id) {
    for (Kernel kernel : values()) {
      if (kernel.id().equalsIgnoreCase(id)) {
        return kernel;
      }
    }
    throw new IllegalArgumentException("kernel must be pair or batched, was " + id);
  }
}
