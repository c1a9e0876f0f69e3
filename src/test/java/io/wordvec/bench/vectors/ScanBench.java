package io.wordvec.bench.vectors;

import io.wordvec.io.NativeFormat;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact neighbour scans of one model, its rows in the heap against the same rows mapped from
 * its {@code .wvm} file (which the scans copy a batch at a time into scratch arrays before the
 * array kernels run on them): top-10 by cosine (3CosAdd, the 8-bit candidate scan and its rescore)
 * and a 3CosMul analogy. Run with {@code BENCH=ScanBench bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ScanBench {

  @Param({"200000"})
  int rows;

  @Param({"300"})
  int dim;

  @Param({"heap", "mapped"})
  String storage;

  private WordVectors vectors;
  private Path dir;
  private String[] words;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom random = new SplittableRandom(1);
    String[] vocabulary = new String[rows];
    long[] counts = new long[rows];
    for (int i = 0; i < rows; i++) {
      vocabulary[i] = "w" + i;
      counts[i] = rows - i;
    }
    float[] data = new float[rows * dim];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    WordVectors heap = new WordVectors(new Vocabulary(vocabulary, counts), dim, data);
    if (storage.equals("mapped")) {
      dir = Files.createTempDirectory("scan-bench");
      Path file = dir.resolve("bench.wvm");
      NativeFormat.write(heap, file);
      vectors = NativeFormat.map(file, 0).vectors();
    } else {
      vectors = heap;
    }
    words = new String[1024];
    for (int i = 0; i < words.length; i++) {
      words[i] = "w" + random.nextInt(rows);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (dir != null) {
      Files.deleteIfExists(dir.resolve("bench.wvm"));
      Files.deleteIfExists(dir);
    }
  }

  private String word() {
    next = (next + 1) & (words.length - 1);
    return words[next];
  }

  @Benchmark
  public int neighbors() {
    return vectors.mostSimilar(List.of(word()), List.of(), 10, 0).get(0).id();
  }

  @Benchmark
  public int analogyCosMul() {
    return vectors.mostSimilarCosMul(List.of(word(), word()), List.of(word()), 10, 0).get(0).id();
  }
}
