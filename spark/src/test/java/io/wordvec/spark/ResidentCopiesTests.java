package io.wordvec.spark;

import static io.wordvec.spark.MergeFixtures.input;
import static io.wordvec.spark.MergeFixtures.output;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.wordvec.train.BlockTrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentCopiesTests {

  private static final int ROWS = 6;
  private static final int DIM = 3;

  /** A model whose rows are all different, in chunks of two rows. */
  private static ModelState model() {
    float[] in = new float[ROWS * DIM];
    float[] out = new float[ROWS * DIM];
    for (int i = 0; i < in.length; i++) {
      in[i] = 0.25f * i;
      out[i] = -0.5f * i;
    }
    return ModelState.of(in, out, ROWS, DIM, 2 * 8 * DIM);
  }

  /**
   * One round in which partition p trains the rows {@code trains[p]} of its copy (adding p + 1 to
   * every float of both sides), merged by the adaptive sum into {@code model}.
   */
  private static void round(ModelState model, ResidentCopies copies, int[][] trains) {
    List<TrainedCopy> kept = new ArrayList<>();
    for (int p = 0; p < trains.length; p++) {
      float[][] copy = copies.checkOut(p);
      int[] inUpdates = new int[ROWS];
      int[] outUpdates = new int[ROWS];
      for (int row : trains[p]) {
        for (int i = 0; i < DIM; i++) {
          copy[0][row * DIM + i] += p + 1;
          copy[1][row * DIM + i] += p + 1;
        }
        inUpdates[row] = 1;
        outUpdates[row] = 1;
      }
      kept.add(
          TrainedCopy.of(
              p,
              model,
              copy[0],
              copy[1],
              inUpdates,
              outUpdates,
              new BlockTrainer.Result(0, 0, 0),
              0,
              false));
    }
    RowMerge merge = MergeRule.ADASUM.newMerge(ROWS, DIM);
    List<SliceChanges> changes = new ArrayList<>();
    for (TrainedCopy copy : kept) {
      changes.add(copy.changes(0, ROWS));
    }
    merge.mergeAll(changes, 0, model, 3, copies::rowMerged);
    copies.merged(kept);
  }

  @Test
  void afterEachMergeEveryCopyIsTheModel() {
    ModelState model = model();
    float[] before = input(model);
    ResidentCopies copies = new ResidentCopies(model, 2);
    round(model, copies, new int[][] {{0, 1, 4}, {1, 5}});
    round(model, copies, new int[][] {{2}, {0, 3}});
    assertNotEquals(before[0], input(model)[0], "the rounds moved the model");
    for (int p = 0; p < 2; p++) {
      float[][] copy = copies.checkOut(p);
      assertArrayEquals(input(model), copy[0], "input copy of partition " + p);
      assertArrayEquals(output(model), copy[1], "output copy of partition " + p);
    }
  }

  @Test
  void aCopyCheckedOutAgainBeforeTheMergeIsTheModelAgain() {
    ModelState model = model();
    ResidentCopies copies = new ResidentCopies(model, 1);
    float[][] copy = copies.checkOut(0);
    copy[0][4] += 7; // a task that failed half way through its block
    copy[1][9] -= 3;
    float[][] retried = copies.checkOut(0);
    assertArrayEquals(input(model), retried[0]);
    assertArrayEquals(output(model), retried[1]);
  }

  @Test
  void releasedCopiesAreGoneAndAFreshOneIsTheModel() {
    ModelState model = model();
    ResidentCopies copies = new ResidentCopies(model, 1);
    float[][] first = copies.checkOut(0);
    copies.release();
    float[][] again = copies.checkOut(0);
    assertNotSame(first[0], again[0], "the released arrays are not handed out again");
    assertArrayEquals(input(model), again[0]);
    assertArrayEquals(output(model), again[1]);
  }

  @Test
  void thePackedPathMovesTheModelAsTheCopiesDo() {
    ModelState resident = model();
    round(resident, new ResidentCopies(resident, 2), new int[][] {{0, 1, 4}, {1, 5}});
    // the same round as executors send it: each copy turned into changes and packed
    ModelState packed = model();
    List<SliceChanges> deltas = new ArrayList<>();
    int[][] trains = {{0, 1, 4}, {1, 5}};
    for (int p = 0; p < 2; p++) {
      float[] in = input(packed);
      float[] out = output(packed);
      int[] updates = new int[ROWS];
      for (int row : trains[p]) {
        for (int i = 0; i < DIM; i++) {
          in[row * DIM + i] += p + 1;
          out[row * DIM + i] += p + 1;
        }
        updates[row] = 1;
      }
      deltas.add(
          TrainedCopy.of(
                  p, packed, in, out, updates, updates, new BlockTrainer.Result(0, 0, 0), 0, true)
              .slice(0, ROWS));
    }
    MergeRule.ADASUM.newMerge(ROWS, DIM).mergeAll(deltas, 0, packed, 3);
    assertArrayEquals(input(packed), input(resident));
    assertArrayEquals(output(packed), output(resident));
  }
}
