package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link HogBatch} against its updates written out in doubles. Skip-gram: one step, every input row
 * gets {@code sum_j G_ij O_j}, every output row {@code sum_i G_ij X_i}, with the gradients {@code
 * G} of the rows as they were before the step. CBOW: centre words one after another, each against
 * the noise rows of its block as the centre words before it left them, the blocks' changes added
 * back at the end. The batches repeat a word and draw the centre as a noise word, so that a scatter
 * that overwrote instead of adding, or a noise word that counted as an example, would show.
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
  void sequentialCbowTrainsEachCentreOnTheRowsItsPredecessorsLeftAgainstItsBlocksNoiseRows() {
    // window 1: three blocks in turn, so centres 0 and 3, 1 and 4, 2 and 5 share noise words
    int[] sentence = {4, 6, 4, 8, 10, 3, 6};
    int window = 1;
    int blocks = 2 * window + 1;
    // 6 is a centre word too (its row is updated in a block and directly); 11 is drawn twice
    int[][] draws = {{6, 11, 0, 11}, {2, 9, 9, 5}, {7, 1, 0, 4}, {3, 3, 8, 6}};
    int negative = draws[0].length;
    double[] expectedIn = toDouble(in);
    double[] expectedOut = toDouble(out);
    double[][][] block = new double[blocks][negative][DIM];
    double[][][] before = new double[blocks][negative][DIM];
    int[][] blockIds = new int[blocks][];
    int[] blockUses = new int[blocks];
    int drawn = 0;
    for (int pos = 0; pos < sentence.length; pos++) {
      int b = pos % blocks;
      if (blockIds[b] == null) {
        blockIds[b] = draws[drawn++];
        for (int k = 0; k < negative; k++) {
          for (int d = 0; d < DIM; d++) {
            block[b][k][d] = expectedOut[blockIds[b][k] * DIM + d];
            before[b][k][d] = block[b][k][d];
          }
        }
      }
      int from = Math.max(0, pos - window);
      int to = Math.min(sentence.length - 1, pos + window);
      double[] hidden = new double[DIM];
      for (int c = from; c <= to; c++) {
        if (c != pos) {
          for (int d = 0; d < DIM; d++) {
            hidden[d] += expectedIn[sentence[c] * DIM + d] / (to - from);
          }
        }
      }
      int target = sentence[pos];
      double g = gradient(dot(hidden, expectedOut, target * DIM), true);
      double[] gNoise = new double[negative];
      for (int k = 0; k < negative; k++) {
        gNoise[k] = blockIds[b][k] == target ? 0 : gradient(dot(hidden, block[b][k], 0), false);
      }
      double[] inputGradient = new double[DIM];
      for (int d = 0; d < DIM; d++) {
        inputGradient[d] += g * expectedOut[target * DIM + d];
        for (int k = 0; k < negative; k++) {
          inputGradient[d] += gNoise[k] * block[b][k][d];
        }
      }
      for (int d = 0; d < DIM; d++) {
        expectedOut[target * DIM + d] += g * hidden[d];
        for (int k = 0; k < negative; k++) {
          block[b][k][d] += gNoise[k] * hidden[d];
        }
      }
      for (int c = from; c <= to; c++) {
        if (c != pos) {
          for (int d = 0; d < DIM; d++) {
            expectedIn[sentence[c] * DIM + d] += inputGradient[d];
          }
        }
      }
      if (++blockUses[b] == HogBatch.CBOW_BATCH) {
        release(expectedOut, block[b], before[b], blockIds[b]);
        blockIds[b] = null;
        blockUses[b] = 0;
      }
    }
    for (int b = 0; b < blocks; b++) {
      if (blockIds[b] != null) {
        release(expectedOut, block[b], before[b], blockIds[b]);
      }
    }
    HogBatch batch = batch(window, negative);

    int examples = 0;
    int given = 0;
    for (int pos = 0; pos < sentence.length; pos++) {
      if (batch.needsNoise()) {
        batch.holdNoise(draws[given++]);
      }
      examples +=
          batch.cbow(
              sentence,
              pos,
              Math.max(0, pos - window),
              Math.min(sentence.length - 1, pos + window),
              ALPHA);
    }
    batch.releaseNoise();

    assertThat(given).isEqualTo(drawn);
    assertThat(examples).isEqualTo(sentence.length);
    assertThat(batch.needsNoise()).isTrue();
    assertClose(in, expectedIn, inBefore);
    assertClose(out, expectedOut, outBefore);
  }

  @Test
  void eachNoiseBlockServesItsBatchOfCentreWordsThenDrawsAgain() {
    int window = 1;
    int blocks = 2 * window + 1;
    int[] sentence = new int[blocks * HogBatch.CBOW_BATCH + 2];
    for (int i = 0; i < sentence.length; i++) {
      sentence[i] = i % VOCAB;
    }
    HogBatch batch = batch(window, 2);
    int draws = 0;

    for (int pos = 1; pos <= blocks * HogBatch.CBOW_BATCH; pos++) {
      if (batch.needsNoise()) {
        batch.holdNoise(new int[] {draws % VOCAB, (draws + 5) % VOCAB});
        draws++;
      }
      assertThat(batch.cbow(sentence, pos, pos - 1, pos + 1, ALPHA)).isEqualTo(1);
    }

    assertThat(draws).isEqualTo(blocks);
    assertThat(batch.needsNoise()).isTrue();
  }

  /** Adds what a noise block's centre words did to its rows to the output rows. */
  private static void release(double[] out, double[][] block, double[][] before, int[] ids) {
    for (int k = 0; k < ids.length; k++) {
      for (int d = 0; d < DIM; d++) {
        out[ids[k] * DIM + d] += block[k][d] - before[k][d];
      }
    }
  }

  /** The exact gradient times alpha. */
  private static double gradient(double f, boolean positive) {
    double sigma = 1 / (1 + Math.exp(-f));
    return ((positive ? 1 : 0) - sigma) * ALPHA;
  }

  private static double dot(double[] a, double[] b, int bOff) {
    double sum = 0;
    for (int d = 0; d < DIM; d++) {
      sum += a[d] * b[bOff + d];
    }
    return sum;
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
