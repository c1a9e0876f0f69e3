package io.wordvec.bench.io;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Heap and load time of a trained native model read for serving ({@link ModelFiles#loadForServing})
 * against a full read ({@link ModelFiles#load}).
 *
 * <pre>
 * ServingLoadBench N DIM FILE.wvm LOADS   write a random N x DIM trained model to FILE (unless it
 *                                         exists), then time LOADS loads of each kind, alternating
 * </pre>
 *
 * Heap is given two ways: from the sizes of the arrays each result holds, and measured as the used
 * heap after a full collection with the result held, minus the used heap without it. Each timed
 * load starts after a full collection, so that neither kind pays for the other's garbage. Prints
 * one JSON object per measurement.
 */
public final class ServingLoadBench {

  private ServingLoadBench() {}

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    int dim = Integer.parseInt(args[1]);
    Path file = Path.of(args[2]);
    int loads = Integer.parseInt(args[3]);
    if (!file.toFile().exists()) {
      NativeFormat.write(randomModel(n, dim), file);
    }
    heap("full", file, true);
    heap("serving", file, false);
    double[][] wall = new double[2][loads];
    double[][] cpu = new double[2][loads];
    for (int i = 0; i < loads; i++) {
      // alternate which kind goes first, so both see the same machine load
      for (int k = 0; k < 2; k++) {
        int kind = (i + k) % 2;
        gc();
        double c = cpuSeconds();
        long t = System.nanoTime();
        LoadedModel model = kind == 0 ? ModelFiles.load(file) : ModelFiles.loadForServing(file);
        wall[kind][i] = (System.nanoTime() - t) / 1e9;
        cpu[kind][i] = cpuSeconds() - c;
        if (model.trained().isPresent() != (kind == 0)) {
          throw new IllegalStateException("wrong kind of load");
        }
      }
    }
    for (int kind = 0; kind < 2; kind++) {
      System.out.printf(
          Locale.ROOT,
          "{\"load\":\"%s\",\"loads\":%d,\"median_s\":%.3f,\"median_cpu_s\":%.3f,\"runs_s\":%s}%n",
          kind == 0 ? "full" : "serving",
          loads,
          median(wall[kind]),
          median(cpu[kind]),
          Arrays.toString(round(wall[kind])));
    }
  }

  private static void heap(String kind, Path file, boolean full) throws IOException {
    long before = usedAfterGc();
    LoadedModel model = full ? ModelFiles.load(file) : ModelFiles.loadForServing(file);
    long after = usedAfterGc();
    WordVectors v = model.vectors();
    long arrays = v.heapBytes();
    long output = model.trained().map(t -> 4L * t.outputVectors().length).orElse(0L);
    System.out.printf(
        Locale.ROOT,
        "{\"load\":\"%s\",\"words\":%d,\"dim\":%d,\"raw_vectors_mb\":%.1f,"
            + "\"heap_estimate_mb\":%.1f,\"output_mb\":%.1f,\"arrays_mb\":%.1f,"
            + "\"measured_heap_mb\":%.1f,\"training_info\":%b}%n",
        kind,
        v.size(),
        v.dimension(),
        4.0 * v.size() * v.dimension() / 1e6,
        arrays / 1e6,
        output / 1e6,
        (arrays + output) / 1e6,
        (after - before) / 1e6,
        model.training().isPresent());
    // keep the model reachable until the heap was measured
    if (model.vectors().size() < 0) {
      throw new IllegalStateException();
    }
  }

  private static TrainedModel randomModel(int n, int dim) {
    SplittableRandom random = new SplittableRandom(1);
    String[] words = new String[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
      counts[i] = n - i;
    }
    float[] input = new float[n * dim];
    float[] output = new float[n * dim];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
      output[i] = (float) random.nextGaussian() * 0.1f;
    }
    return new TrainedModel(
        new Vocabulary(words, counts),
        dim,
        input,
        output,
        TrainingConfig.builder().dimension(dim).build(),
        new CorpusStats("random", 1, n, n, n),
        Instant.parse("2026-01-01T00:00:00Z"),
        Map.of());
  }

  private static long usedAfterGc() {
    gc();
    gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void gc() {
    System.gc();
  }

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] round(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.round(values[i] * 1000) / 1000.0;
    }
    return out;
  }
}
