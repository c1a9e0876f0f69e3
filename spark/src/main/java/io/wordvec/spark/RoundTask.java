package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's share of a sync round, on an executor: copies the round's model, trains the
 * partition's block of this round into the copy with wordvec's kernel ({@link BlockTrainer}, on
 * {@code threads} Hogwild threads), and returns the rows it changed.
 */
final class RoundTask implements Function<PartitionBlocks, RowDelta> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<BlockTrainer.Tables> tables;
  private final Broadcast<ModelState> model;
  private final int round;
  private final long roundSeed;
  private final long wordsBefore;
  private final long wordsTotal;
  private final int partitions;
  private final int threads;

  RoundTask(
      Broadcast<BlockTrainer.Tables> tables,
      Broadcast<ModelState> model,
      int round,
      long roundSeed,
      long wordsBefore,
      long wordsTotal,
      int partitions,
      int threads) {
    this.tables = tables;
    this.model = model;
    this.round = round;
    this.roundSeed = roundSeed;
    this.wordsBefore = wordsBefore;
    this.wordsTotal = wordsTotal;
    this.partitions = partitions;
    this.threads = threads;
  }

  @Override
  public RowDelta call(PartitionBlocks part) {
    if (round >= part.blocks().size()) {
      return RowDelta.empty(part.partition());
    }
    int[] block = part.blocks().get(round);
    BlockTrainer.Tables t = tables.value();
    ModelState start = model.value();
    float[] in = start.inputVectors();
    float[] out = start.outputVectors();
    int rows = t.words();
    int[] inUpdates = new int[rows];
    int[] outUpdates = new int[rows];
    long began = System.nanoTime();
    BlockTrainer.Result result =
        BlockTrainer.train(
            t,
            block,
            block.length,
            in,
            out,
            inUpdates,
            outUpdates,
            threads,
            roundSeed ^ (0x9E3779B97F4A7C15L * (part.partition() + 1)),
            wordsBefore,
            wordsTotal,
            partitions,
            null);
    long trainNanos = System.nanoTime() - began;
    return delta(part.partition(), start, in, out, inUpdates, outUpdates, result, trainNanos);
  }

  private static RowDelta delta(
      int partition,
      ModelState start,
      float[] in,
      float[] out,
      int[] inUpdates,
      int[] outUpdates,
      BlockTrainer.Result result,
      long trainNanos) {
    int rows = inUpdates.length;
    int dim = rows == 0 ? 0 : in.length / rows;
    int touched = 0;
    for (int r = 0; r < rows; r++) {
      if (inUpdates[r] > 0 || outUpdates[r] > 0) {
        touched++;
      }
    }
    int[] ids = new int[touched];
    int[] inCounts = new int[touched];
    int[] outCounts = new int[touched];
    float[] inDelta = new float[touched * dim];
    float[] outDelta = new float[touched * dim];
    java.nio.FloatBuffer in0 = start.floats();
    java.nio.FloatBuffer out0 = start.floats().position(start.cells()).slice();
    int k = 0;
    for (int r = 0; r < rows; r++) {
      if (inUpdates[r] == 0 && outUpdates[r] == 0) {
        continue;
      }
      ids[k] = r;
      inCounts[k] = inUpdates[r];
      outCounts[k] = outUpdates[r];
      int base = r * dim;
      int to = k * dim;
      for (int i = 0; i < dim; i++) {
        inDelta[to + i] = in[base + i] - in0.get(base + i);
        outDelta[to + i] = out[base + i] - out0.get(base + i);
      }
      k++;
    }
    return new RowDelta(
        partition,
        ids,
        inCounts,
        outCounts,
        inDelta,
        outDelta,
        result.loss(),
        result.examples(),
        result.words(),
        trainNanos);
  }
}
