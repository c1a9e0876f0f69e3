package io.wordvec.bench.index;

import io.wordvec.index.HnswIndex;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.NeighborList;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.WordVectors;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The query side of {@code bench/ann.sh}: recall@10 of a model's index against the exact scan, and
 * single-thread latency, over three query sets, for each ef of a sweep; plus the files the hnswlib
 * and FAISS side ({@code bench/ann_anchors.py}) needs to answer the same queries on the same rows.
 *
 * <pre>
 * AnnBench MODEL INDEX OUT_DIR QUERIES EF[,EF...]
 * </pre>
 *
 * <p>Query sets, drawn with fixed seeds: {@code frequency} (QUERIES words drawn with probability
 * proportional to their corpus count, or to 1 / (rank + 1) when the model has no real counts),
 * {@code uniform} (QUERIES words drawn uniformly), each asking for the 10 nearest other words; and
 * {@code analogy} (QUERIES triples a, b, c of words drawn uniformly from the 30,000 most frequent)
 * asking 3CosAdd for the 10 best answers to b - a + c, a, b and c excluded. Every query goes
 * through {@link WordVectors} as an HTTP request would (query vector, exclusions, rescoring).
 *
 * <p>Writes to OUT_DIR: {@code unit.f32} (the unit rows, little-endian, unless present), {@code
 * queries-<set>.i32}, {@code truth-<set>.i32} (the exact 10 ids per query), {@code
 * words-frequency.txt} (for HTTP load), and {@code wordvec.tsv}: one line per set and ef with
 * recall, p50 and p99 in microseconds and queries per second on one thread.
 */
public final class AnnBench {

  private static final int K = 10;
  private static final String[] SETS = {"frequency", "uniform", "analogy"};

  private AnnBench() {}

  public static void main(String[] args) throws IOException {
    Path modelFile = Path.of(args[0]);
    Path indexFile = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int queries = Integer.parseInt(args[3]);
    int[] efs = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
    Files.createDirectories(out);

    LoadedModel loaded = ModelFiles.loadForServing(modelFile);
    WordVectors plain = loaded.vectors();
    WordVectors indexed = plain.withSearch(HnswIndex.open(indexFile, plain, 100));
    int rows = plain.size();
    System.out.printf(
        Locale.ROOT, "model %s: %d x %d%n", modelFile.getFileName(), rows, plain.dimension());

    writeUnitRows(plain, out.resolve("unit.f32"));
    int[][] querySets = {
      frequencySampled(loaded, queries, new SplittableRandom(1)),
      new SplittableRandom(2).ints(queries, 0, rows).toArray(),
      new SplittableRandom(3).ints(queries * 3L, 0, Math.min(rows, 30_000)).toArray()
    };
    writeWords(plain, querySets[0], out.resolve("words-frequency.txt"));
    int[][][] truth = new int[SETS.length][][];
    for (int s = 0; s < SETS.length; s++) {
      writeInts(querySets[s], out.resolve("queries-" + SETS[s] + ".i32"));
      truth[s] = new int[count(s, querySets[s])][];
      for (int q = 0; q < truth[s].length; q++) {
        truth[s][q] = ids(ask(plain, s, querySets[s], q, SearchOptions.EXACT));
      }
      writeInts(
          Arrays.stream(truth[s]).flatMapToInt(Arrays::stream).toArray(),
          out.resolve("truth-" + SETS[s] + ".i32"));
    }

    try (BufferedWriter tsv = Files.newBufferedWriter(out.resolve("wordvec.tsv"))) {
      tsv.write("engine\tset\tef\trecall\tp50_us\tp99_us\tqps\n");
      for (int s = 0; s < SETS.length; s++) {
        // Warm-up: one untimed pass, so the first ef is not measured on cold code.
        for (int q = 0; q < truth[s].length; q++) {
          ask(indexed, s, querySets[s], q, SearchOptions.withEf(efs[0]));
        }
        for (int ef : efs) {
          long[] nanos = new long[truth[s].length];
          double hits = 0;
          String search = "";
          long start = System.nanoTime();
          for (int q = 0; q < nanos.length; q++) {
            long t0 = System.nanoTime();
            NeighborList found = ask(indexed, s, querySets[s], q, SearchOptions.withEf(ef));
            nanos[q] = System.nanoTime() - t0;
            hits += overlap(ids(found), truth[s][q]);
            search = found.search();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          Arrays.sort(nanos);
          String line =
              String.format(
                  Locale.ROOT,
                  "wordvec-%s\t%s\t%d\t%.4f\t%.1f\t%.1f\t%.0f",
                  search,
                  SETS[s],
                  ef,
                  hits / (K * (double) nanos.length),
                  nanos[nanos.length / 2] / 1e3,
                  nanos[(int) (nanos.length * 0.99)] / 1e3,
                  nanos.length / seconds);
          tsv.write(line + "\n");
          System.out.println(line);
        }
      }
    }
  }

  /** Queries in set {@code s}: one id each, or one triple each for analogies. */
  private static int count(int s, int[] set) {
    return SETS[s].equals("analogy") ? set.length / 3 : set.length;
  }

  private static NeighborList ask(
      WordVectors vectors, int s, int[] set, int q, SearchOptions options) {
    if (SETS[s].equals("analogy")) {
      int a = set[3 * q];
      int b = set[3 * q + 1];
      int c = set[3 * q + 2];
      return vectors.mostSimilarIds(new int[] {b, c}, new int[] {a}, K, 0, options);
    }
    return vectors.mostSimilarIds(new int[] {set[q]}, new int[0], K, 0, options);
  }

  private static int[] ids(NeighborList found) {
    List<Neighbor> neighbors = found.neighbors();
    int[] ids = new int[neighbors.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = neighbors.get(i).id();
    }
    return ids;
  }

  /** How many of {@code found} are in {@code truth}. */
  static int overlap(int[] found, int[] truth) {
    int hits = 0;
    for (int id : found) {
      for (int t : truth) {
        if (t == id) {
          hits++;
          break;
        }
      }
    }
    return hits;
  }

  /**
   * Ids drawn with probability proportional to the vocabulary's counts when the model has real
   * ones, else to 1 / (rank + 1): Zipf's law, which word frequencies follow.
   */
  private static int[] frequencySampled(LoadedModel model, int n, SplittableRandom random) {
    WordVectors vectors = model.vectors();
    int rows = vectors.size();
    double[] cumulative = new double[rows];
    double total = 0;
    for (int i = 0; i < rows; i++) {
      total += model.hasCorpusCounts() ? vectors.vocabulary().count(i) : 1.0 / (i + 1);
      cumulative[i] = total;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
      out[i] = Math.min(rows - 1, at >= 0 ? at : -at - 1);
    }
    return out;
  }

  private static void writeUnitRows(WordVectors vectors, Path file) throws IOException {
    long bytes = (long) vectors.size() * vectors.dimension() * Float.BYTES;
    if (Files.exists(file) && Files.size(file) == bytes) {
      return;
    }
    int dim = vectors.dimension();
    int block = Math.max(1, (1 << 20) / dim);
    float[] rows = new float[block * dim];
    ByteBuffer buffer =
        ByteBuffer.allocate(rows.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int first = 0; first < vectors.size(); first += block) {
        int count = Math.min(block, vectors.size() - first);
        vectors.unitRows(first, count, rows, 0);
        buffer.clear();
        buffer.asFloatBuffer().put(rows, 0, count * dim);
        out.write(buffer.array(), 0, count * dim * Float.BYTES);
      }
    }
  }

  private static void writeInts(int[] values, Path file) throws IOException {
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asIntBuffer().put(values);
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.write(buffer.array());
    }
  }

  private static void writeWords(WordVectors vectors, int[] ids, Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int id : ids) {
      text.append(vectors.vocabulary().word(id)).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
