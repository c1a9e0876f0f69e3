package io.wordvec.bench.vectors;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.io.Word2VecFormat;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Query latency and load time of wordvec, measured the way {@code bench/gensim_query_bench.py}
 * measures gensim, so {@code bench/query-vs-gensim.sh} can print both side by side.
 *
 * <pre>
 * QueryBench random N DIM SEED OUT.bin            write N x DIM Gaussian vectors, words w0..w(N-1)
 * QueryBench measure MODEL QUERIES [NATIVE.wvm]   load MODEL, time top-10 neighbours of each word
 *                                                 in QUERIES and 3CosMul analogies made of them;
 *                                                 with NATIVE, also write and time the native format
 * </pre>
 *
 * Prints one JSON object per measurement on standard output.
 */
public final class QueryBench {

  private static final int TOPN = 10;
  private static final int WARMUP_ROUNDS = 1;

  private QueryBench() {}

  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "random" ->
          random(
              Integer.parseInt(args[1]),
              Integer.parseInt(args[2]),
              Long.parseLong(args[3]),
              Path.of(args[4]));
      case "measure" ->
          measure(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void random(int n, int dim, long seed, Path out) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = new String[n];
    long[] counts = new long[n];
    float[] data = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
      counts[i] = n - i;
    }
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    Word2VecFormat.writeBinary(new WordVectors(new Vocabulary(words, counts), dim, data), out);
  }

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static void measure(Path model, Path queries, Path nativeFile) throws IOException {
    // Initialise the vector kernels (and the logging their choice goes to) before the clock
    // starts, as gensim's script imports gensim and numpy before it times a load: about 0.1 s of
    // a fresh JVM's first load is otherwise java.util.logging starting up.
    VectorMath.implementationName();
    double cpu0 = cpuSeconds();
    long t0 = System.nanoTime();
    LoadedModel loaded = ModelFiles.load(model);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    double loadCpu = cpuSeconds() - cpu0;
    WordVectors vectors = loaded.vectors();
    System.out.printf(
        Locale.ROOT,
        "{\"tool\":\"wordvec\",\"what\":\"load\",\"format\":\"%s\",\"seconds\":%.3f,"
            + "\"cpu_seconds\":%.3f,\"words\":%d,\"dim\":%d}%n",
        loaded.format().extension(),
        loadSeconds,
        loadCpu,
        vectors.size(),
        vectors.dimension());
    if (nativeFile != null) {
      NativeFormat.write(vectors, nativeFile);
      int loads = Integer.getInteger("wordvec.bench.loads", 10);
      double[] times = new double[loads];
      double[] cpus = new double[loads];
      for (int i = 0; i < times.length; i++) {
        // Each load starts from a heap without the previous copy, as a service's load does and
        // as gensim's does (its previous copy is freed when it is dropped): not timed.
        System.gc();
        double c = cpuSeconds();
        long t = System.nanoTime();
        WordVectors again = NativeFormat.read(nativeFile).vectors();
        times[i] = (System.nanoTime() - t) / 1e9;
        cpus[i] = cpuSeconds() - c;
        if (again.size() != vectors.size()) {
          throw new IllegalStateException("native round trip lost words");
        }
      }
      System.out.printf(
          Locale.ROOT,
          "{\"tool\":\"wordvec\",\"what\":\"load\",\"format\":\"wvm\",\"seconds\":%.3f,"
              + "\"cpu_seconds\":%.3f,\"warm\":%.3f,\"first\":%.3f,\"runs\":%s}%n",
          median(times),
          median(cpus),
          median(
              times.length > WARM_FROM
                  ? Arrays.copyOfRange(times, WARM_FROM, times.length)
                  : times),
          times[0],
          Arrays.toString(times));
    }
    // The loads above leave gigabytes of garbage: collect it now, or the query timings below
    // include G1 cleaning up after the load test (gensim frees each copy as it goes).
    System.gc();
    List<String> words = new ArrayList<>();
    for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        words.add(line.strip());
      }
    }
    // Warm-up: let C2 compile the scan before anything is timed.
    long sink = 0;
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      for (String w : words) {
        sink += vectors.mostSimilar(List.of(w), List.of(), TOPN, 0).get(0).id();
      }
    }
    long[] micros = new long[words.size()];
    double cpuStart = cpuSeconds();
    for (int i = 0; i < words.size(); i++) {
      long t = System.nanoTime();
      sink += vectors.mostSimilar(List.of(words.get(i)), List.of(), TOPN, 0).get(0).id();
      micros[i] = (System.nanoTime() - t) / 1000;
    }
    double cpuPerQuery = (cpuSeconds() - cpuStart) / words.size() * 1e6;
    Arrays.sort(micros);
    double mean = Arrays.stream(micros).average().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "{\"tool\":\"wordvec\",\"what\":\"most_similar top-%d\",\"queries\":%d,\"p50_us\":%d,"
            + "\"p99_us\":%d,\"mean_us\":%.0f,\"cpu_us_per_query\":%.0f,\"simd\":\"%s\","
            + "\"threads\":%d,\"sink\":%d}%n",
        TOPN,
        micros.length,
        micros[micros.length / 2],
        micros[(int) (micros.length * 0.99)],
        mean,
        cpuPerQuery,
        VectorMath.implementationName(),
        Runtime.getRuntime().availableProcessors(),
        sink % 10);
    measureCosMul(vectors, words);
  }

  /**
   * 3CosMul analogies, as gensim's {@code most_similar_cosmul(positive=[b, c], negative=[a])}:
   * triple i is words i, i + n and i + 2n of the query list (n = a third of it).
   */
  private static void measureCosMul(WordVectors vectors, List<String> words) {
    int n = words.size() / 3;
    long sink = 0;
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      for (int i = 0; i < n; i++) {
        sink += cosMul(vectors, words, i, n);
      }
    }
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      sink += cosMul(vectors, words, i, n);
      micros[i] = (System.nanoTime() - t) / 1000;
    }
    Arrays.sort(micros);
    System.out.printf(
        Locale.ROOT,
        "{\"tool\":\"wordvec\",\"what\":\"most_similar_cosmul top-%d\",\"queries\":%d,"
            + "\"p50_us\":%d,\"p99_us\":%d,\"sink\":%d}%n",
        TOPN,
        n,
        micros[n / 2],
        micros[(int) (n * 0.99)],
        sink % 10);
  }

  private static int cosMul(WordVectors vectors, List<String> words, int i, int n) {
    return vectors
        .mostSimilarCosMul(
            List.of(words.get(i + n), words.get(i + 2 * n)), List.of(words.get(i)), TOPN, 0)
        .get(0)
        .id();
  }

  /**
   * "warm" is the median of the loads after this many: by then C2 has compiled the load code. The
   * gensim script reports the same figure.
   */
  private static final int WARM_FROM = 4;

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
