package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockTrainerTests {

  private static final int WORDS = 50;
  private static final int DIM = 16;

  /** The per-pair kernel, whose update counts the test below knows: one output row per example. */
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .dimension(DIM)
          .window(3)
          .negative(3)
          .sample(0)
          .epochs(1)
          .kernel(Kernel.PAIR)
          .build();

  /** 400 sentences of 2 to 11 ids, Zipf-ish: low ids are frequent. */
  private static int[] block() {
    SplittableRandom random = new SplittableRandom(3);
    int[] ids = new int[400 * 12];
    int n = 0;
    for (int s = 0; s < 400; s++) {
      int length = 2 + random.nextInt(10);
      for (int i = 0; i < length; i++) {
        ids[n++] = (int) Math.min(WORDS - 1, Math.abs(random.nextGaussian()) * 12);
      }
      ids[n++] = BlockTrainer.SENTENCE_END;
    }
    return Arrays.copyOf(ids, n);
  }

  private static long[] counts(int[] ids) {
    long[] counts = new long[WORDS];
    for (int id : ids) {
      if (id >= 0) {
        counts[id]++;
      }
    }
    for (int i = 0; i < WORDS; i++) {
      counts[i] = Math.max(1, counts[i]);
    }
    return counts;
  }

  @Test
  void splitsAtSentenceEndsAndCoversTheBlock() {
    int[] ids = block();
    int[] bounds = BlockTrainer.split(ids, ids.length, 4);
    assertThat(bounds).hasSize(5);
    assertThat(bounds[0]).isZero();
    assertThat(bounds[4]).isEqualTo(ids.length);
    for (int p = 1; p < 4; p++) {
      assertThat(bounds[p]).isGreaterThan(bounds[p - 1]);
      assertThat(ids[bounds[p] - 1]).isEqualTo(BlockTrainer.SENTENCE_END);
    }
    // one sentence cannot be cut in two
    assertThat(BlockTrainer.split(new int[] {1, 2, 3, -1}, 4, 3)).containsExactly(0, 4);
  }

  /** A block trained from the first model on {@code threads} threads, and its update counts. */
  private record Trained(
      float[] in, float[] out, int[] inUpdates, int[] outUpdates, BlockTrainer.Result result) {

    static Trained on(int threads) {
      int[] ids = block();
      BlockTrainer.Tables tables = BlockTrainer.Tables.of(CONFIG, counts(ids));
      float[] in = BlockTrainer.initialInputVectors(WORDS, DIM, 1);
      float[] out = new float[in.length];
      int[] inUpdates = new int[WORDS];
      int[] outUpdates = new int[WORDS];
      BlockTrainer.Result result =
          BlockTrainer.train(
              tables,
              ids,
              ids.length,
              in,
              out,
              inUpdates,
              outUpdates,
              threads,
              9,
              0,
              10_000,
              1,
              null);
      return new Trained(in, out, inUpdates, outUpdates, result);
    }

    /** Every update is counted: none lost, whatever the threads. */
    void assertCountsEveryUpdate() {
      // skip-gram: every example updates exactly one input row
      assertThat(Arrays.stream(inUpdates).asLongStream().sum()).isEqualTo(result.examples());
      // and the target's output row at least, plus noise rows
      assertThat(Arrays.stream(outUpdates).asLongStream().sum())
          .isGreaterThanOrEqualTo(result.examples());
      assertThat(result.words()).isEqualTo(block().length - 400);
    }
  }

  @Test
  void oneThreadIsDeterministicAndCountsEveryRowUpdate() {
    Trained first = Trained.on(1);
    Trained second = Trained.on(1);
    first.assertCountsEveryUpdate();
    assertThat(first.result().loss()).isPositive();
    assertThat(second.in()).isEqualTo(first.in());
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void severalThreadsCountEveryRowUpdateInArraysOfTheirOwn() {
    // the rows race, the counts do not: each thread's are its own, summed after the run
    Trained.on(3).assertCountsEveryUpdate();
  }

  @Test
  void theLearningRateFollowsTheWholeRunsProgress() {
    int[] ids = block();
    BlockTrainer.Tables tables = BlockTrainer.Tables.of(CONFIG, counts(ids));
    long words = ids.length - 400;
    double[] moved = new double[2];
    long[] before = {0, 10 * words};
    for (int k = 0; k < 2; k++) {
      float[] start = BlockTrainer.initialInputVectors(WORDS, DIM, 1);
      float[] in = start.clone();
      float[] out = new float[in.length];
      // the same block, first at the start of a run of 11 blocks, then as its last block
      BlockTrainer.train(
          tables, ids, ids.length, in, out, null, null, 2, 9, before[k], 11 * words, 1, null);
      for (int i = 0; i < in.length; i++) {
        moved[k] += Math.abs(in[i] - start[i]);
      }
    }
    assertThat(moved[1]).isLessThan(moved[0] / 5);
  }

  @Test
  void refusesMatricesOfTheWrongShape() {
    int[] ids = block();
    BlockTrainer.Tables tables = BlockTrainer.Tables.of(CONFIG, counts(ids));
    assertThatThrownBy(
            () ->
                BlockTrainer.train(
                    tables,
                    ids,
                    ids.length,
                    new float[3],
                    new float[3],
                    null,
                    null,
                    1,
                    1,
                    0,
                    1,
                    1,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
