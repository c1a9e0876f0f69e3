package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One step of {@link HogBatch} against the minibatch update written out in doubles: every input row
 * gets {@code sum_j G_ij O_j}, every output row {@code sum_i G_ij X_i}, with the gradients {@code
 * G} of the rows as they were before the step. The batches repeat a word and draw the centre as a
 * noise word, so that a scatter that overwrote instead of adding, or a noise word that counted as
 * an example, would show.
 */
class HogBatchTests {

  private static final int VOCAB = 12;
  private static final int DIM = 19;
  private static final float ALPHA = 0.5f;

  private final float[] in = randomMatrix(1);
  private final float[] out = randomMatrix(2);
  private final float[] inBefore = in.clone();
  private final float[] outBefore = out.clone();

  private HogBatch batch(int window, int negative) {
    TrainingConfig config =
        TrainingConfig.builder()
            .dimension(DIM)
            .window(window)
            .negative(negative)
            .kernel(Kernel.BATCHED)
            .build();
    return new HogBatch(
        new WorkerContext(
            config, null, in, out, null, null, InputLock.NONE, null, null, null, null, null));
  }

  @Test
  void skipGramStepIsTheMinibatchUpdateOfTheGatheredRows() {
    int[] sentence = {3, 5, 3, 7, 2};
    int[] noise = {9, 5, 1, 9};
    double[] expectedIn = toDouble(in);
    double[] expectedOut = toDouble(out);
    // contexts 3, 3, 7, 2 predict centre 5; the noise word 5 is the centre and no example
    int[] contexts = {3, 3, 7, 2};
    int[] outputs = {5, 9, 5, 1, 9};
    for (int x : contexts) {
      for (int j = 0; j < outputs.length; j++) {
        if (j > 0 && outputs[j] == 5) {
          continue;
        }
        double g = gradient(dot(in, x, out, outputs[j]), j == 0);
        for (int d = 0; d < DIM; d++) {
          expectedIn[x * DIM + d] += g * out[outputs[j] * DIM + d];
          expectedOut[outputs[j] * DIM + d] += g * in[x * DIM + d];
        }
      }
    }
    HogBatch batch = batch(2, noise.length);

    int examples = batch.skipGram(sentence, 1, 0, 4, noise, ALPHA);

    assertThat(examples).isEqualTo(4);
    assertClose(in, expectedIn, inBefore);
    assertClose(out, expectedOut, outBefore);
    assertThat(batch.loss()).isPositive();
  }

  @Test
  void cbowBatchOfCentreWordsSharesTheNoiseWords() {
    int[] sentence = {4, 6, 4, 8, 10};
    int[] noise = {6, 11, 0};
    int window = 1;
    double[] expectedIn = toDouble(in);
    double[] expectedOut = toDouble(out);
    double[][] hidden = new double[sentence.length][DIM];
    for (int pos = 0; pos < sentence.length; pos++) {
      int from = Math.max(0, pos - window);
      int to = Math.min(sentence.length - 1, pos + window);
      int n = to - from;
      for (int c = from; c <= to; c++) {
        if (c != pos) {
          for (int d = 0; d < DIM; d++) {
            hidden[pos][d] += in[sentence[c] * DIM + d] / (double) n;
          }
        }
      }
    }
    for (int pos = 0; pos < sentence.length; pos++) {
      int target = sentence[pos];
      double[] inputGradient = new double[DIM];
      for (int j = 0; j <= noise.length; j++) {
        int word = j == 0 ? target : noise[j - 1];
        if (j > 0 && word == target) {
          continue;
        }
        double f = 0;
        for (int d = 0; d < DIM; d++) {
          f += hidden[pos][d] * out[word * DIM + d];
        }
        double g = gradient(f, j == 0);
        for (int d = 0; d < DIM; d++) {
          inputGradient[d] += g * out[word * DIM + d];
          expectedOut[word * DIM + d] += g * hidden[pos][d];
        }
      }
      for (int c = Math.max(0, pos - window);
          c <= Math.min(sentence.length - 1, pos + window);
          c++) {
        if (c != pos) {
          for (int d = 0; d < DIM; d++) {
            expectedIn[sentence[c] * DIM + d] += inputGradient[d];
          }
        }
      }
    }
    HogBatch batch = batch(window, noise.length);

    for (int pos = 0; pos < sentence.length; pos++) {
      boolean full =
          batch.addCbow(
              sentence,
              pos,
              Math.max(0, pos - window),
              Math.min(sentence.length - 1, pos + window));
      assertThat(full).isFalse();
    }
    assertThat(batch.pending()).isEqualTo(5);
    int examples = batch.flushCbow(noise, ALPHA);

    assertThat(examples).isEqualTo(5);
    assertThat(batch.pending()).isZero();
    assertClose(in, expectedIn, inBefore);
    assertClose(out, expectedOut, outBefore);
  }

  @Test
  void cbowBatchReportsFullAtItsSize() {
    int[] sentence = new int[HogBatch.CBOW_BATCH + 1];
    for (int i = 0; i < sentence.length; i++) {
      sentence[i] = i % VOCAB;
    }
    HogBatch batch = batch(1, 2);

    for (int pos = 0; pos < HogBatch.CBOW_BATCH - 1; pos++) {
      assertThat(batch.addCbow(sentence, pos, Math.max(0, pos - 1), pos + 1)).isFalse();
    }
    int last = HogBatch.CBOW_BATCH - 1;
    assertThat(batch.addCbow(sentence, last, last - 1, last + 1)).isTrue();
  }

  /** The exact gradient times alpha. */
  private static double gradient(double f, boolean positive) {
    double sigma = 1 / (1 + Math.exp(-f));
    return ((positive ? 1 : 0) - sigma) * ALPHA;
  }

  private static double dot(float[] a, int rowA, float[] b, int rowB) {
    double sum = 0;
    for (int d = 0; d < DIM; d++) {
      sum += (double) a[rowA * DIM + d] * b[rowB * DIM + d];
    }
    return sum;
  }

  /**
   * Within what the kernel's sigmoid table allows (a step of it moves a gradient by at most 0.0015
   * here), after an update that moved some element by far more than that.
   */
  private static void assertClose(float[] actual, double[] expected, float[] before) {
    double moved = 0;
    for (int i = 0; i < actual.length; i++) {
      assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(5e-3));
      moved = Math.max(moved, Math.abs(actual[i] - before[i]));
    }
    assertThat(moved).isGreaterThan(0.05);
  }

  private static double[] toDouble(float[] m) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i];
    }
    return out;
  }

  private static float[] randomMatrix(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] m = new float[VOCAB * DIM];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) (random.nextDouble() - 0.5);
    }
    return m;
  }
}
