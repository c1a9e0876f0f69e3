package io.wordvec.bench.index;

import io.wordvec.index.HnswIndex;
import io.wordvec.index.HnswParameters;
import io.wordvec.index.IndexBuildListener;
import io.wordvec.io.ModelFiles;
import io.wordvec.vectors.NeighborSearch;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SearchResult;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Build parameters against build time and recall, one model loaded once: for each parameter set,
 * builds the index (timed), then answers QUERIES uniform and QUERIES Zipf-sampled query words (the
 * word excluded) through it at each ef, against the exact scan, on one thread.
 *
 * <pre>
 * IndexTuning MODEL OUT_DIR QUERIES EF[,EF...] THREADS DEGREE/BEAM/ALPHA/OVERFLOW ...
 * </pre>
 *
 * <p>A parameter set {@code file:PATH} measures the queries of an index built before. With {@code
 * -Dtuning.heap=true} the model is read into the heap instead of mapped as the service maps it.
 *
 * <p>Prints one line per parameter set and ef: build seconds, recall@10 of each query set, and the
 * p50 and mean latency in microseconds over both sets. The index files are written into OUT_DIR.
 */
public final class IndexTuning {

  private static final int K = 10;

  private IndexTuning() {}

  public static void main(String[] args) throws IOException {
    Path modelFile = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int queries = Integer.parseInt(args[2]);
    int[] efs = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    int threads = Integer.parseInt(args[4]);
    Files.createDirectories(out);
    // -Dtuning.heap=true reads the model into the heap instead of mapping it as the service does.
    WordVectors vectors =
        Boolean.getBoolean("tuning.heap")
            ? ModelFiles.load(modelFile).vectors()
            : ModelFiles.loadForServing(modelFile).vectors();
    int rows = vectors.size();
    int[][] sets = {
      new SplittableRandom(2).ints(queries, 0, rows).toArray(), zipf(rows, queries, 1)
    };
    int[][][] truth = new int[2][queries][];
    for (int s = 0; s < 2; s++) {
      for (int q = 0; q < queries; q++) {
        truth[s][q] = ask(vectors, vectors.exactSearch(), sets[s][q], K).ids();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "model %s: %d x %d; %d queries per set%n",
        modelFile.getFileName(),
        rows,
        vectors.dimension(),
        queries);
    for (int p = 5; p < args.length; p++) {
      if (args[p].startsWith("file:")) {
        // An index built before: only its queries are measured.
        sweep(args[p], 0, Path.of(args[p].substring(5)), vectors, sets, truth, efs);
        continue;
      }
      String[] f = args[p].split("/");
      HnswParameters parameters =
          new HnswParameters(
              Integer.parseInt(f[0]),
              Integer.parseInt(f[1]),
              Float.parseFloat(f[2]),
              Float.parseFloat(f[3]),
              threads);
      Path file = out.resolve("tuning-" + args[p].replace('/', '_') + ".hnsw");
      long start = System.nanoTime();
      HnswIndex.build(vectors, parameters, file, IndexBuildListener.NONE);
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      sweep(args[p], buildSeconds, file, vectors, sets, truth, efs);
    }
  }

  private static void sweep(
      String label,
      double buildSeconds,
      Path file,
      WordVectors vectors,
      int[][] sets,
      int[][][] truth,
      int[] efs)
      throws IOException {
    int queries = sets[0].length;
    {
      HnswIndex index = HnswIndex.open(file, vectors, 100);
      for (int warm = 0; warm < 2; warm++) {
        for (int q = 0; q < queries; q++) {
          ask(vectors, index, sets[0][q], efs[0]);
        }
      }
      for (int ef : efs) {
        double[] recall = new double[2];
        long[] nanos = new long[2 * queries];
        for (int s = 0; s < 2; s++) {
          for (int q = 0; q < queries; q++) {
            long t0 = System.nanoTime();
            SearchResult found = ask(vectors, index, sets[s][q], ef);
            nanos[s * queries + q] = System.nanoTime() - t0;
            recall[s] += AnnBench.overlap(found.ids(), truth[s][q]);
          }
        }
        Arrays.sort(nanos);
        System.out.printf(
            Locale.ROOT,
            "%s build %.1f s file %d MB ef %d recall uniform %.4f zipf %.4f p50 %.1f us mean %.1f"
                + " us%n",
            label,
            buildSeconds,
            Files.size(file) >> 20,
            ef,
            recall[0] / (K * (double) queries),
            recall[1] / (K * (double) queries),
            nanos[nanos.length / 2] / 1e3,
            Arrays.stream(nanos).average().orElse(0) / 1e3);
      }
    }
  }

  private static SearchResult ask(WordVectors vectors, NeighborSearch search, int id, int ef) {
    float[] query = vectors.vector(vectors.vocabulary().word(id), true);
    return search.nearest(query, K, 0, new int[] {id}, SearchOptions.withEf(ef));
  }

  /** Ids drawn with probability proportional to 1 / (rank + 1). */
  private static int[] zipf(int rows, int n, long seed) {
    double[] cumulative = new double[rows];
    double total = 0;
    for (int i = 0; i < rows; i++) {
      total += 1.0 / (i + 1);
      cumulative[i] = total;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
      out[i] = Math.min(rows - 1, at >= 0 ? at : -at - 1);
    }
    return out;
  }
}
