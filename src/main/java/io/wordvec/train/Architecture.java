package io.wordvec.train;

/** Which word2vec model to train. */
public enum Architecture {
  /** Predict each context word from the centre word. */
  SKIP_GRAM,
  /** Predict the centre word from the mean of its context words. */
  CBOW
}
