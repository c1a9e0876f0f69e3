package io.wordvec.bench.index;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SearchResult;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * The library choice behind {@code io.wordvec.index}: jvector 4's HNSW against Lucene 9's on the
 * same clustered unit rows, both scored by this project's SIMD dot product (so the comparison is of
 * the graph code, not of the distance kernels), both built on all cores with degree 32 on the base
 * level (Lucene: M = 16, whose base level holds 2M) and beam width 100.
 *
 * <pre>
 * AnnLibraryBench ROWS DIM QUERIES [THREADS]
 * </pre>
 *
 * Prints, per library, the build time and, per ef, recall@10 against the exact scan (the query word
 * excluded) and single-thread queries per second.
 */
public final class AnnLibraryBench {

  private static final int K = 10;
  private static final int[] EFS = {10, 20, 40, 80, 160};

  private AnnLibraryBench() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    int dim = Integer.parseInt(args[1]);
    int queries = Integer.parseInt(args[2]);
    int threads =
        args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
    WordVectors vectors = clustered(rows, dim, Math.max(1, rows / 50), 1.2f, 1);
    float[] unit = new float[rows * dim];
    vectors.unitRows(0, rows, unit, 0);
    int[] queryIds = new SplittableRandom(7).ints(queries, 0, rows).toArray();
    int[][] truth = new int[queries][];
    for (int q = 0; q < queries; q++) {
      float[] query = row(unit, queryIds[q], dim);
      SearchResult exact =
          vectors
              .exactSearch()
              .nearest(query, K, 0, new int[] {queryIds[q]}, SearchOptions.DEFAULT);
      truth[q] = exact.ids();
    }
    System.out.printf(
        Locale.ROOT, "rows %d, dim %d, queries %d, threads %d%n", rows, dim, queries, threads);
    jvector(unit, rows, dim, threads, queryIds, truth);
    lucene(unit, rows, dim, threads, queryIds, truth);
    jvector(unit, rows, dim, threads, queryIds, truth);
    lucene(unit, rows, dim, threads, queryIds, truth);
  }

  private static void jvector(
      float[] unit, int rows, int dim, int threads, int[] queryIds, int[][] truth)
      throws IOException {
    BuildScoreProvider scores = new JvectorScores(unit, dim);
    ForkJoinPool pool = new ForkJoinPool(threads);
    long start = System.nanoTime();
    ImmutableGraphIndex graph;
    try (GraphIndexBuilder builder =
        new GraphIndexBuilder(scores, dim, List.of(32), 100, 1.2f, 1.2f, true, true, pool, pool)) {
      pool.submit(
              () ->
                  IntStream.range(0, rows)
                      .parallel()
                      .forEach(node -> builder.addGraphNode(node, scores.searchProviderFor(node))))
          .join();
      builder.cleanup();
      graph = builder.getGraph();
    }
    pool.shutdown();
    System.out.printf(Locale.ROOT, "jvector build: %.1f s%n", (System.nanoTime() - start) / 1e9);
    GraphSearcher searcher = new GraphSearcher(graph);
    for (int ef : EFS) {
      for (int round = 0; round < 2; round++) {
        double hits = 0;
        long t0 = System.nanoTime();
        for (int q = 0; q < queryIds.length; q++) {
          int self = queryIds[q];
          var result =
              searcher.search(
                  new DefaultSearchScoreProvider(score(unit, dim, row(unit, self, dim))),
                  K,
                  Math.max(ef, K),
                  0f,
                  0f,
                  id -> id != self);
          hits += hits(truth[q], IntStream.of(nodes(result)).toArray());
        }
        report("jvector", ef, round, hits, queryIds.length, System.nanoTime() - t0);
      }
    }
  }

  private static int[] nodes(io.github.jbellis.jvector.graph.SearchResult result) {
    var nodes = result.getNodes();
    int[] ids = new int[nodes.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = nodes[i].node;
    }
    return ids;
  }

  private static void lucene(
      float[] unit, int rows, int dim, int threads, int[] queryIds, int[][] truth)
      throws Exception {
    RandomVectorScorerSupplier supplier = new LuceneScores(unit, dim, rows);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    OnHeapHnswGraph graph;
    try {
      HnswConcurrentMergeBuilder builder =
          new HnswConcurrentMergeBuilder(
              new TaskExecutor(executor),
              threads,
              supplier,
              16,
              100,
              // The graph's constructor is package-private: an empty one comes from a builder.
              HnswGraphBuilder.create(supplier, 16, 100, 1, rows).getGraph(),
              null);
      graph = builder.build(rows);
    } finally {
      executor.shutdown();
    }
    System.out.printf(Locale.ROOT, "lucene build: %.1f s%n", (System.nanoTime() - start) / 1e9);
    for (int ef : EFS) {
      for (int round = 0; round < 2; round++) {
        double hits = 0;
        long t0 = System.nanoTime();
        for (int q = 0; q < queryIds.length; q++) {
          int self = queryIds[q];
          RandomVectorScorer scorer = supplier.scorer(self);
          TopKnnCollector collector = new TopKnnCollector(Math.max(ef, K), Integer.MAX_VALUE);
          HnswGraphSearcher.search(
              scorer,
              collector,
              graph,
              new org.apache.lucene.util.Bits() {
                @Override
                public boolean get(int index) {
                  return index != self;
                }

                @Override
                public int length() {
                  return rows;
                }
              });
          var docs = collector.topDocs().scoreDocs;
          int n = Math.min(K, docs.length);
          int[] found = new int[n];
          for (int i = 0; i < n; i++) {
            found[i] = docs[i].doc;
          }
          hits += hits(truth[q], found);
        }
        report("lucene ", ef, round, hits, queryIds.length, System.nanoTime() - t0);
      }
    }
  }

  private static void report(String library, int ef, int round, double hits, int queries, long ns) {
    if (round == 0) {
      return; // the first round warms up
    }
    System.out.printf(
        Locale.ROOT,
        "%s ef %4d  recall@10 %.4f  %8.0f queries/s%n",
        library,
        ef,
        hits / (queries * (double) K),
        queries / (ns / 1e9));
  }

  private static int hits(int[] truth, int[] found) {
    Set<Integer> expected = new HashSet<>();
    for (int id : truth) {
      expected.add(id);
    }
    int hits = 0;
    for (int id : found) {
      if (expected.contains(id)) {
        hits++;
      }
    }
    return hits;
  }

  private static float[] row(float[] unit, int id, int dim) {
    float[] out = new float[dim];
    System.arraycopy(unit, id * dim, out, 0, dim);
    return out;
  }

  private static ScoreFunction.ExactScoreFunction score(float[] unit, int dim, float[] query) {
    return node -> (1f + VectorMath.dotUnchecked(unit, node * dim, query, 0, dim)) / 2f;
  }

  /** jvector's build scores from the same kernel. */
  private record JvectorScores(float[] unit, int dim) implements BuildScoreProvider {
    @Override
    public boolean isExact() {
      return true;
    }

    @Override
    public VectorFloat<?> approximateCentroid() {
      return VectorizationProvider.getInstance().getVectorTypeSupport().createFloatVector(dim);
    }

    @Override
    public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
      float[] query = new float[dim];
      for (int j = 0; j < dim; j++) {
        query[j] = vector.get(j);
      }
      return new DefaultSearchScoreProvider(score(unit, dim, query));
    }

    @Override
    public SearchScoreProvider searchProviderFor(int node) {
      return new DefaultSearchScoreProvider(score(unit, dim, row(unit, node, dim)));
    }

    @Override
    public SearchScoreProvider diversityProviderFor(int node) {
      return searchProviderFor(node);
    }
  }

  /** Lucene's scores from the same kernel. */
  private record LuceneScores(float[] unit, int dim, int rows)
      implements RandomVectorScorerSupplier {
    @Override
    public RandomVectorScorer scorer(int ord) {
      float[] query = row(unit, ord, dim);
      return new RandomVectorScorer() {
        @Override
        public float score(int node) {
          return (1f + VectorMath.dotUnchecked(unit, node * dim, query, 0, dim)) / 2f;
        }

        @Override
        public int maxOrd() {
          return rows;
        }
      };
    }

    @Override
    public RandomVectorScorerSupplier copy() {
      return this;
    }
  }

  static WordVectors clustered(int rows, int dim, int clusters, float spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] centres = new float[clusters * dim];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) random.nextGaussian();
    }
    float[] data = new float[rows * dim];
    for (int r = 0; r < rows; r++) {
      int c = random.nextInt(clusters);
      for (int j = 0; j < dim; j++) {
        data[r * dim + j] = centres[c * dim + j] + spread * (float) random.nextGaussian();
      }
    }
    String[] words = new String[rows];
    long[] counts = new long[rows];
    for (int i = 0; i < rows; i++) {
      words[i] = "w" + i;
      counts[i] = rows - i;
    }
    return new WordVectors(new Vocabulary(words, counts), dim, data);
  }
}
