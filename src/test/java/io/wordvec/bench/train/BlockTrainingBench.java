package io.wordvec.bench.train;

import io.wordvec.train.Architecture;
import io.wordvec.train.BlockTrainer;
import io.wordvec.train.Kernel;
import io.wordvec.train.TrainingConfig;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trainer's own kernels, per pair against batched, on one thread: one pass of the real worker
 * ({@link BlockTrainer}, the code path of a local run) over a block of 100,000 synthetic tokens.
 * Unlike {@link KernelBench}, which times the arithmetic of one window, this includes everything a
 * run does per word: subsampling, window draws, noise draws, the scattered rows' cache misses.
 *
 * <p>The tokens are drawn from a Zipf law (exponent 1) over {@code vocabulary} words, as word
 * frequencies in text fall, in sentences of 20; the settings are the pinned reference ones (window
 * 5, 5 noise words, sample 1e-4). The score is the time of one pass: words/s is 100,000 over it.
 * The matrices keep training from one pass to the next, as the epochs of a run do; the learning
 * rate is held near {@code alpha} (the block is a sliver of a long run).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class BlockTrainingBench {

  private static final int TOKENS = 100_000;
  private static final int SENTENCE = 20;

  @Param({"sg", "cbow"})
  String architecture;

  @Param({"pair", "batched"})
  String kernel;

  @Param({"100"})
  int dim;

  @Param({"50000"})
  int vocabulary;

  private BlockTrainer.Tables tables;
  private int[] block;
  private float[] input;
  private float[] output;
  private long seed;

  @Setup
  public void setup() {
    TrainingConfig config =
        TrainingConfig.builder()
            .architecture(architecture.equals("cbow") ? Architecture.CBOW : Architecture.SKIP_GRAM)
            .dimension(dim)
            .kernel(Kernel.of(kernel))
            .threads(1)
            .build();
    SplittableRandom random = new SplittableRandom(1);
    double[] cumulative = new double[vocabulary];
    double total = 0;
    for (int rank = 0; rank < vocabulary; rank++) {
      total += 1.0 / (rank + 1);
      cumulative[rank] = total;
    }
    long[] counts = new long[vocabulary];
    block = new int[TOKENS + TOKENS / SENTENCE];
    int at = 0;
    for (int t = 0; t < TOKENS; t++) {
      int word = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
      word = word < 0 ? -word - 1 : word;
      word = Math.min(word, vocabulary - 1);
      counts[word]++;
      block[at++] = word;
      if ((t + 1) % SENTENCE == 0) {
        block[at++] = BlockTrainer.SENTENCE_END;
      }
    }
    for (int w = 0; w < vocabulary; w++) {
      counts[w] = Math.max(counts[w], 1);
    }
    tables = BlockTrainer.Tables.of(config, counts);
    input = BlockTrainer.initialInputVectors(vocabulary, dim, 1);
    output = new float[input.length];
  }

  @Benchmark
  public double trainOnePass() {
    BlockTrainer.Result result =
        BlockTrainer.train(
            tables,
            block,
            block.length,
            input,
            output,
            null,
            null,
            1,
            seed++,
            0,
            1L << 40,
            1,
            null);
    return result.loss();
  }
}
