package io.wordvec.train;

/**
 * Scales the input-vector updates of the words below an id: fine-tuning's {@code lockFactor} on the
 * base model's words (gensim's {@code vectors_lockf}). Output vectors are never locked.
 *
 * @param lockedBelow words with a smaller id are locked
 * @param factor scale of their updates: 0 frozen, 1 free
 */
record InputLock(int lockedBelow, float factor) {

  /** Nothing locked: training from scratch. */
  static final InputLock NONE = new InputLock(0, 1f);
}
