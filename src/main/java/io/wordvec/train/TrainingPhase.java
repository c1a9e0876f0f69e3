package io.wordvec.train;

/** The stages of a training run, in order. */
public enum TrainingPhase {
  /** Counting words to build the vocabulary. */
  VOCABULARY,
  /** Updating the vectors. */
  TRAINING
}
