package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's share of a sync round, on an executor: copies the round's model (in the driver's
 * JVM, takes its partition's {@link ResidentCopies resident copy}), trains the partition's block of
 * this round into the copy with wordvec's kernel ({@link BlockTrainer}, on {@code threads} Hogwild
 * threads), and returns the copy ({@link TrainedCopy}), from which the driver collects the rows it
 * changed.
 */
final class RoundTask implements Function<PartitionBlocks, TrainedCopy> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<BlockTrainer.Tables> tables;
  private final RoundModel model;
  private final int round;
  private final long roundSeed;
  private final long wordsBefore;
  private final long wordsTotal;
  private final int partitions;
  private final int threads;
  private final String copiesKey;

  /**
   * @param copiesKey where the partitions' {@link ResidentCopies} are published when the task runs
   *     in the driver's JVM ({@link InJvmExchange}): it then trains into its partition's copy and
   *     hands it over as it is ({@link TrainedCopy#of}); null on a cluster, where it trains into a
   *     copy of its own and turns it into changes
   */
  RoundTask(
      Broadcast<BlockTrainer.Tables> tables,
      RoundModel model,
      int round,
      long roundSeed,
      long wordsBefore,
      long wordsTotal,
      int partitions,
      int threads,
      String copiesKey) {
    this.tables = tables;
    this.model = model;
    this.round = round;
    this.roundSeed = roundSeed;
    this.wordsBefore = wordsBefore;
    this.wordsTotal = wordsTotal;
    this.partitions = partitions;
    this.threads = threads;
    this.copiesKey = copiesKey;
  }

  @Override
  public TrainedCopy call(PartitionBlocks part) {
    BlockTrainer.Tables t = tables.value();
    if (round >= part.blocks().size()) {
      return TrainedCopy.empty(part.partition(), t.config().dimension());
    }
    int[] block = part.blocks().get(round);
    ModelState start = model.value();
    int rows = t.words();
    float[] in;
    float[] out;
    if (copiesKey != null) {
      float[][] copy =
          InJvmExchange.get(copiesKey, ResidentCopies.class).checkOut(part.partition());
      in = copy[0];
      out = copy[1];
    } else {
      int cells = rows * start.dim();
      in = matrix(cells, rows, start.dim());
      out = matrix(cells, rows, start.dim());
      start.copyTo(in, out);
    }
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
    return TrainedCopy.of(
        part.partition(),
        start,
        in,
        out,
        inUpdates,
        outUpdates,
        result,
        trainNanos,
        copiesKey == null);
  }

  /**
   * A new matrix of {@code cells} floats for this partition's copy, or an exception that says why
   * there is none ({@link ModelState#matrix}).
   */
  static float[] matrix(long cells, int rows, int dim) {
    return ModelState.matrix(
        cells,
        "a partition's copy of the "
            + rows
            + " x "
            + dim
            + " model ("
            + (4 * cells >> 20)
            + " MB per matrix, two per task): give the executors (in local mode, the driver"
            + " JVM) a larger heap, or train fewer partitions per executor");
  }
}
