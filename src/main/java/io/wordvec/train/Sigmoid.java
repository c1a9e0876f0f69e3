package io.wordvec.train;

/**
 * Precomputed logistic function and negative-sampling loss over {@code [-MAX_EXP, MAX_EXP]}, as
 * word2vec.c's {@code expTable} (1000 entries, MAX_EXP 6). Outside that range the gradient is
 * clipped the way word2vec.c does it and the loss is computed exactly (it is rare there).
 */
final class Sigmoid {

  static final float MAX_EXP = 6f;
  static final int TABLE_SIZE = 1000;
  static final float SCALE = TABLE_SIZE / MAX_EXP / 2f;

  /** sigma(x) at the table points. */
  static final float[] SIGMOID = new float[TABLE_SIZE];

  /** -log sigma(x): loss of a positive example. */
  static final float[] LOSS_POSITIVE = new float[TABLE_SIZE];

  /** -log(1 - sigma(x)): loss of a noise example. */
  static final float[] LOSS_NEGATIVE = new float[TABLE_SIZE];

  static {
    for (int i = 0; i < TABLE_SIZE; i++) {
      double x = (i / (double) TABLE_SIZE * 2 - 1) * MAX_EXP;
      double s = 1 / (1 + Math.exp(-x));
      SIGMOID[i] = (float) s;
      LOSS_POSITIVE[i] = (float) softplus(-x);
      LOSS_NEGATIVE[i] = (float) softplus(x);
    }
  }

  private Sigmoid() {}

  /** log(1 + e^x) without overflow. */
  static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
