package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * The sync rounds of one run, on the driver. A round broadcasts the model ({@link ModelState}),
 * every partition trains its block into its own copy ({@link RoundTask}), and the driver collects
 * the copies' changes slice of rows by slice of rows ({@link TrainedCopy#slice}), merging each
 * slice into the model in place ({@link RowMerge}, by the run's {@link MergeRule}) before it asks
 * for the next.
 *
 * <p>When the changes of one partition fit one slice (models up to about 96 MB at the default slice
 * size), a round is one Spark job. Otherwise the trained copies are cached on their executors by
 * the first slice's job and read by one job per further slice: what the driver and the executors
 * hold at once is then the model, its serialized broadcast, the K trained copies and K slices,
 * instead of K deltas of the whole model in several serialized forms. In the driver's JVM ({@link
 * InJvmExchange}) a round is always one job: each task trains into its partition's copy of the
 * model, kept from round to round ({@link ResidentCopies}), and hands it over as it is; the driver
 * reads each slice's changes from the copies ({@link TrainedCopy#changes}) and writes the merged
 * rows back into them.
 *
 * <p>Not thread-safe: one run's driver thread.
 */
final class SyncRounds {

  /**
   * The largest chunk of the broadcast model ({@link ModelState}), in bytes: a Spark size ({@code
   * 256m} by default, at most 2 GB, at least one row).
   */
  static final String CHUNK_PROPERTY = "spark.wordvec.modelChunkBytes";

  /**
   * The most bytes of changes one partition sends back in one job of a sync round. {@code 96m} by
   * default, under {@code spark.task.maxDirectResultSize} (128m), so that a slice comes back inside
   * the task's status message; at most 1 GB, at least one row.
   */
  static final String SLICE_PROPERTY = "spark.wordvec.deltaSliceBytes";

  static final String DEFAULT_CHUNK = "256m";

  /**
   * Stripes of a slice's rows merged in parallel on the driver's cores, which wait for the merge
   * otherwise: four per core, since rows are in frequency order and the first stripes (the frequent
   * words, changed by every partition) are the most work.
   */
  private static final int MERGE_STRIPES =
      4 * Math.min(8, Runtime.getRuntime().availableProcessors());

  static final String DEFAULT_SLICE = "96m";
  private static final long MAX_SLICE_BYTES = 1L << 30;

  /**
   * What one round did.
   *
   * @param loss the partitions' loss over their blocks
   * @param examples examples of the loss
   * @param words vocabulary words of the blocks
   * @param wallNanos the round from broadcast to merged model
   */
  record Round(double loss, long examples, long words, long wallNanos) {}

  private final JavaSparkContext sc;
  private final JavaRDD<PartitionBlocks> blocks;
  private final Broadcast<BlockTrainer.Tables> tables;
  private final int partitions;
  private final int taskThreads;
  private final ModelState state;
  private final int sliceRows;
  private final int slices;
  private final RowMerge merge;
  private final SparkTrainingEngine.SyncListener syncs;
  private final String exchangeKey;

  /** The partitions' copies of the model in the driver's JVM; null on the serialized path. */
  private final ResidentCopies copies;

  /**
   * @param state the run's first model, merged into in place
   * @param partitions partitions that train concurrently (the learning rate's share)
   * @param sliceBytes the most bytes of one partition's changes per collecting job
   * @param rule how the partitions' changes to a row are merged
   */
  SyncRounds(
      JavaSparkContext sc,
      JavaRDD<PartitionBlocks> blocks,
      Broadcast<BlockTrainer.Tables> tables,
      ModelState state,
      int partitions,
      int taskThreads,
      long sliceBytes,
      MergeRule rule,
      SparkTrainingEngine.SyncListener syncs) {
    this.sc = sc;
    this.blocks = blocks;
    this.tables = tables;
    this.state = state;
    this.partitions = partitions;
    this.taskThreads = taskThreads;
    this.sliceRows = sliceRows(state.rows(), state.dim(), sliceBytes);
    this.slices = Math.max(1, (state.rows() + sliceRows - 1) / sliceRows);
    this.merge = rule.newMerge(sliceRows, state.dim(), outputGain(sc));
    this.syncs = syncs;
    this.exchangeKey =
        sc.isLocal() && sc.getConf().getBoolean(InJvmExchange.PROPERTY, true)
            ? "wordvec-round-" + UUID.randomUUID() + "/"
            : null;
    this.copies = exchangeKey == null ? null : new ResidentCopies(state, partitions);
    if (copies != null) {
      InJvmExchange.put(copiesKey(), copies);
    }
  }

  private String copiesKey() {
    return exchangeKey + "copies";
  }

  /**
   * Whether this run's rounds pass the model and the changes by reference ({@link InJvmExchange}).
   */
  boolean inJvm() {
    return exchangeKey != null;
  }

  /**
   * Forgets whatever a round left in the in-JVM exchange (a round that failed half way) and the
   * partitions' copies of the model; the merged model ({@link #state}) stays.
   */
  void close() {
    if (exchangeKey != null) {
      InJvmExchange.clear(exchangeKey);
      copies.release();
    }
  }

  /** The chunk size of the run's model, from {@link #CHUNK_PROPERTY}. */
  static long chunkBytes(JavaSparkContext sc) {
    return size(sc, CHUNK_PROPERTY, DEFAULT_CHUNK, ModelState.MAX_ARRAY);
  }

  /** The slice size of the run's rounds, from {@link #SLICE_PROPERTY}. */
  static long sliceBytes(JavaSparkContext sc) {
    return size(sc, SLICE_PROPERTY, DEFAULT_SLICE, MAX_SLICE_BYTES);
  }

  /** The adaptive sum's output gain of the run, from {@link AdaptiveSum#OUTPUT_GAIN_PROPERTY}. */
  static float outputGain(JavaSparkContext sc) {
    return outputGain(sc.getConf().get(AdaptiveSum.OUTPUT_GAIN_PROPERTY, null));
  }

  /**
   * The output gain {@code value} sets: the default when null, else the number, which {@link
   * AdaptiveSum} checks.
   *
   * @throws IllegalArgumentException if {@code value} is not a number
   */
  static float outputGain(String value) {
    if (value == null) {
      return AdaptiveSum.DEFAULT_OUTPUT_GAIN;
    }
    try {
      return Float.parseFloat(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          AdaptiveSum.OUTPUT_GAIN_PROPERTY + " must be a number such as 1.5, was '" + value + "'",
          e);
    }
  }

  /**
   * Rows per slice: as many as {@code sliceBytes} of one partition's changes hold (both matrices'
   * rows as {@link RowDelta} packs them, and their two update counts and id), at least one, at most
   * all.
   */
  static int sliceRows(int rows, int dim, long sliceBytes) {
    long rowBytes = 2L * RowDelta.BYTES_PER_FLOAT * dim + 12;
    return (int) Math.max(1, Math.min(Math.max(1, rows), sliceBytes / rowBytes));
  }

  /** The model, as merged so far. */
  ModelState state() {
    return state;
  }

  /**
   * Round {@code round} (0-based) of {@code epoch}: trains every partition's block from the current
   * model and merges their changes into it.
   *
   * @param wordsDone words of the run all partitions had trained when the round begins
   */
  Round run(int epoch, int round, int rounds, long roundSeed, long wordsDone, long wordsTotal) {
    long began = System.nanoTime();
    RoundModel model =
        inJvm()
            ? RoundModel.Published.of(exchangeKey + "model", state)
            : new RoundModel.Broadcasted(sc.broadcast(state));
    JavaRDD<TrainedCopy> trained =
        blocks.map(
            new RoundTask(
                tables,
                model,
                round,
                roundSeed,
                wordsDone,
                wordsTotal,
                partitions,
                taskThreads,
                inJvm() ? copiesKey() : null));
    List<TrainedCopy> kept = inJvm() ? collectKept(trained, round) : null;
    if (kept == null && slices > 1) {
      // Trained by the first slice's job, kept for the others; on disk rather than trained again
      // if the executor's storage memory cannot hold it.
      trained.persist(StorageLevel.MEMORY_AND_DISK());
    }
    double loss = 0;
    long examples = 0;
    long words = 0;
    long resultBytes = 0;
    long slowest = 0;
    for (int slice = 0; slice < slices; slice++) {
      int from = slice * sliceRows;
      int to = Math.min(state.rows(), from + sliceRows);
      List<SliceChanges> deltas = new ArrayList<>(partitions);
      if (kept != null) {
        for (TrainedCopy copy : kept) {
          deltas.add(copy.changes(from, to));
        }
      } else {
        deltas.addAll(trained.map(copy -> copy.slice(from, to)).collect());
      }
      // In place: every task of the round has trained by now. A cached copy lost with its
      // executor is trained again from the broadcast's serialized pieces, written when the round
      // began. In local mode, where the tasks read this very object, none is lost, and a kept
      // copy reads each row of the model before the merge moves it (a row's changes are all taken
      // before it is applied).
      merge.mergeAll(deltas, from, state, MERGE_STRIPES, copies == null ? null : copies::rowMerged);
      for (SliceChanges delta : deltas) {
        loss += delta.loss();
        examples += delta.examples();
        words += delta.words();
        resultBytes += delta.bytes();
        slowest = Math.max(slowest, delta.trainNanos());
      }
    }
    if (kept != null) {
      copies.merged(kept);
    } else if (slices > 1) {
      trained.unpersist(true);
    }
    model.release();
    long wall = System.nanoTime() - began;
    syncs.onSync(
        new SparkTrainingEngine.SyncReport(
            epoch,
            round + 1,
            rounds,
            wall / 1e9,
            slowest / 1e9,
            state.bytes(),
            resultBytes,
            slices,
            inJvm()));
    return new Round(loss, examples, words, wall);
  }

  /**
   * Every partition's trained copy, in partition order, handed over by reference in the driver's
   * JVM: each task deposits its copy and returns the key, in one job however many slices the model
   * has.
   */
  private List<TrainedCopy> collectKept(JavaRDD<TrainedCopy> trained, int round) {
    String prefix = exchangeKey + round + "/";
    List<String> keys =
        trained.map(copy -> InJvmExchange.put(prefix + copy.partition(), copy)).collect();
    List<TrainedCopy> copies = new ArrayList<>(keys.size());
    for (String key : keys) {
      copies.add(InJvmExchange.take(key, TrainedCopy.class));
    }
    return copies;
  }

  /** A size property of the run: {@code fallback} when unset. */
  private static long size(JavaSparkContext sc, String key, String fallback, long max) {
    long bytes;
    try {
      bytes = sc.getConf().getSizeAsBytes(key, fallback);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key + " must be a size such as 64m, was '" + sc.getConf().get(key, "") + "'", e);
    }
    if (bytes < 1 || bytes > max) {
      throw new IllegalArgumentException(
          key + " must be between 1 byte and " + max + " bytes, was " + bytes);
    }
    return bytes;
  }
}
