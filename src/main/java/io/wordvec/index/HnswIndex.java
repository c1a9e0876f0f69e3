package io.wordvec.index;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.wordvec.io.VectorFormat;
import io.wordvec.vectors.NeighborSearch;
import io.wordvec.vectors.RowDots;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SearchResult;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * An approximate {@link NeighborSearch}: an HNSW graph over a model's unit rows, built by jvector
 * ({@link #build}), saved beside the model ({@link #fileFor}) and memory-mapped when opened ({@link
 * #open}).
 *
 * <p>A query walks the graph ({@link GraphWalker}), keeping {@code ef} candidates ({@link
 * SearchOptions#ef()}, else the default given at opening; never fewer than {@code k}), scoring the
 * index file's 8-bit copy of the rows ({@link RowCodes}; the float rows for files without one),
 * then rescoring the rows it kept with the exact scan's kernel: the scores are the exact scan's,
 * bit for bit, only the set of rows may differ. {@code restrictVocab} and the excluded ids are
 * filters on the results (the walk still crosses filtered rows). A query whose filter keeps so few
 * rows that scanning them is cheaper than walking the graph to find them (and every query on a
 * model of a few thousand words) goes to the exact scan, and its result says so.
 *
 * <p>3CosMul takes its candidates from the graph by the 3CosAdd direction {@code sum(positive) -
 * sum(negative)} (the two objectives rank nearly alike), the whole candidate list of {@code ef}
 * rows, and ranks them by the exact 3CosMul score.
 *
 * <p>Thread-safe: the graph and rows are only read; each query borrows a walker (whose scratch
 * grows with {@code ef}, never with the vocabulary, and a scorer of the rows) from a pool and
 * returns it.
 *
 * <p>Why this class is long: building, saving, loading and searching one graph share its parameters
 * and its mapping of graph nodes to word ids, so they stay together; a quarter of its length is the
 * documentation of those choices.
 */
public final class HnswIndex implements NeighborSearch {

  /** The name this search reports. */
  public static final String NAME = "hnsw";

  /** The index file's extension: {@code X.wvm} has its index in {@code X.hnsw}. */
  public static final String EXTENSION = "hnsw";

  /** Rows sampled into the fingerprint that ties an index to the vectors it was built for. */
  private static final int FINGERPRINT_ROWS = 64;

  /** Progress is reported about this many times per build. */
  private static final int PROGRESS_STEPS = 100;

  private final Path file;
  private final MappedGraph graph;
  private final UnitRows rows;
  private final NeighborSearch exact;
  private final int defaultEf;
  private final boolean exactFallback;

  /**
   * Idle walkers: as many as queries have run at once, each a searcher and a scorer whose scratch
   * grows with {@code ef}, never with the vocabulary.
   */
  private final ConcurrentLinkedQueue<GraphWalker> walkers = new ConcurrentLinkedQueue<>();

  private HnswIndex(
      Path file, MappedGraph graph, WordVectors vectors, int defaultEf, boolean exactFallback) {
    this.file = file;
    this.graph = graph;
    this.rows = new UnitRows(vectors);
    this.exact = vectors.exactSearch();
    this.defaultEf = defaultEf;
    this.exactFallback = exactFallback;
  }

  /**
   * The index file of a model file: the model's name with the extension {@value #EXTENSION} ({@code
   * news.wvm} and {@code news.bin.gz} → {@code news.hnsw}), in the same directory.
   */
  public static Path fileFor(Path modelFile) {
    return modelFile.resolveSibling(VectorFormat.baseName(modelFile) + "." + EXTENSION);
  }

  /**
   * Builds the graph of {@code vectors}' unit rows on {@code parameters.threads()} threads and
   * writes it to {@code file}, atomically (a failed or cancelled build leaves any previous file as
   * it was). The rows of a mapped model are copied into the heap for the build when they fit there
   * with room to spare ({@code UnitRows.forBuild}), and let go when it ends.
   *
   * @throws CancellationException if the listener cancelled the build
   * @throws IOException if the file cannot be written
   */
  public static void build(
      WordVectors vectors, HnswParameters parameters, Path file, IndexBuildListener listener)
      throws IOException {
    UnitRows rows = UnitRows.forBuild(vectors);
    ImmutableGraphIndex graph = buildGraph(rows, parameters, listener);
    GraphFile.write(file, graph, rows, fingerprint(rows), parameters);
  }

  /**
   * The graph of the rows, in memory: jvector's builder, fed on {@code parameters.threads()}
   * threads, then trimmed to the degree by its cleanup.
   *
   * <p>Without jvector's final refinement (a second search from every node of the upper levels, to
   * improve their links), which jvector's own notes call unnecessary for vectors of many
   * dimensions; BENCHMARKS.md has the recall without it.
   *
   * @throws CancellationException if the listener cancelled the build
   */
  static ImmutableGraphIndex buildGraph(
      UnitRows rows, HnswParameters parameters, IndexBuildListener listener) {
    RowScores scores = new RowScores(rows);
    int total = rows.rows();
    ForkJoinPool pool = new ForkJoinPool(parameters.effectiveThreads());
    try (GraphIndexBuilder builder =
        new GraphIndexBuilder(
            scores,
            rows.dimension(),
            List.of(parameters.degree()),
            parameters.beamWidth(),
            parameters.overflow(),
            parameters.alpha(),
            true,
            false,
            pool,
            pool)) {
      AtomicInteger inserted = new AtomicInteger();
      AtomicBoolean cancelled = new AtomicBoolean();
      int step = Math.max(1, total / PROGRESS_STEPS);
      pool.submit(
              () ->
                  IntStream.range(0, total)
                      .parallel()
                      .forEach(
                          node -> {
                            if (cancelled.get() || listener.isCancelled()) {
                              cancelled.set(true);
                              return;
                            }
                            builder.addGraphNode(
                                node, new DefaultSearchScoreProvider(scores.toRow(node)));
                            int done = inserted.incrementAndGet();
                            if (done % step == 0 || done == total) {
                              listener.onProgress(done, total);
                            }
                          }))
          .join();
      if (cancelled.get()) {
        throw new CancellationException("the index build was cancelled");
      }
      builder.cleanup();
      return builder.getGraph();
    } catch (IOException e) {
      // Closing an in-memory builder does no I/O.
      throw new UncheckedIOException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Opens the index file of {@code vectors}: maps its graph and checks that it was built for these
   * vectors (same shape, same sampled rows).
   *
   * @param defaultEf candidates kept by a query that does not choose, &gt; 0
   * @throws IndexFileException if the file is not a complete index of these vectors
   * @throws IOException if it cannot be read
   */
  public static HnswIndex open(Path file, WordVectors vectors, int defaultEf) throws IOException {
    return open(file, vectors, defaultEf, true);
  }

  /**
   * As {@link #open(Path, WordVectors, int)}; without {@code exactFallback} every query walks the
   * graph, however few rows it may return (tests use it to exercise the graph on small models).
   */
  static HnswIndex open(Path file, WordVectors vectors, int defaultEf, boolean exactFallback)
      throws IOException {
    if (defaultEf < 1) {
      throw new IllegalArgumentException("defaultEf must be > 0, was " + defaultEf);
    }
    MappedGraph graph = GraphFile.open(file);
    GraphFile.Header header = graph.header();
    if (header.rows() != vectors.size() || header.dimension() != vectors.dimension()) {
      throw new IndexFileException(
          file,
          "built for "
              + header.rows()
              + " x "
              + header.dimension()
              + " vectors, the model has "
              + vectors.size()
              + " x "
              + vectors.dimension()
              + "; rebuild the index");
    }
    if (header.fingerprint() != fingerprint(new UnitRows(vectors))) {
      throw new IndexFileException(
          file, "built for other vectors of the same shape (the model changed); rebuild the index");
    }
    return new HnswIndex(file, graph, vectors, defaultEf, exactFallback);
  }

  /**
   * A checksum of the shape and of {@value #FINGERPRINT_ROWS} rows spread over the matrix: cheap at
   * every opening, and different for a retrained model of the same shape.
   */
  static long fingerprint(UnitRows rows) {
    CRC32C crc = new CRC32C();
    ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * rows.dimension());
    int n = rows.rows();
    int samples = Math.min(n, FINGERPRINT_ROWS);
    for (int s = 0; s < samples; s++) {
      int row = (int) ((long) s * n / samples);
      bytes.clear();
      bytes.asFloatBuffer().put(rows.copy(row));
      crc.update(bytes.array(), 0, bytes.capacity());
    }
    return ((long) n << 32) ^ ((long) rows.dimension() << 48) ^ crc.getValue();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The file this index was opened from. */
  public Path file() {
    return file;
  }

  /** Candidates kept by a query that does not choose. */
  public int defaultEf() {
    return defaultEf;
  }

  /** Levels of the graph (1 = no hierarchy above the base level). */
  public int levels() {
    return graph.header().levels();
  }

  /** Most neighbours per node on the base level. */
  public int degree() {
    return graph.header().degrees()[0];
  }

  @Override
  public SearchResult nearest(
      float[] unitQuery, int k, int restrictVocab, int[] exclude, SearchOptions options) {
    int searched = searchedRows(restrictVocab);
    int ef = Math.max(k, options.ef() > 0 ? options.ef() : defaultEf);
    if (exactIsCheaper(searched, ef)) {
      return exact.nearest(unitQuery, k, restrictVocab, exclude, options);
    }
    GraphWalker walker = borrow();
    try {
      // The walk's scores are the exact scan's, and ordered as it orders them.
      GraphWalker.Found found = walker.walk(unitQuery, k, ef, accepted(searched, exclude));
      return new SearchResult(found.ids(), found.scores(), NAME);
    } finally {
      walkers.offer(walker);
    }
  }

  @Override
  public SearchResult nearestCosMul(
      int[] positiveIds,
      int[] negativeIds,
      int k,
      int restrictVocab,
      int[] exclude,
      SearchOptions options) {
    int searched = searchedRows(restrictVocab);
    int ef = Math.max(k, options.ef() > 0 ? options.ef() : defaultEf);
    if (exactIsCheaper(searched, ef)) {
      return exact.nearestCosMul(positiveIds, negativeIds, k, restrictVocab, exclude, options);
    }
    float[][] positive = rowsOf(positiveIds);
    float[][] negative = rowsOf(negativeIds);
    float[] direction = new float[rows.dimension()];
    for (float[] term : positive) {
      add(direction, term, 1f);
    }
    for (float[] term : negative) {
      add(direction, term, -1f);
    }
    toUnitLength(direction);
    GraphWalker walker = borrow();
    try {
      int[] found = walker.walk(direction, ef, ef, accepted(searched, exclude)).ids();
      float[] exactScores = new float[found.length];
      for (int i = 0; i < found.length; i++) {
        exactScores[i] = cosMulScore(walker.dots(), found[i], positive, negative);
      }
      return best(found, exactScores, k);
    } finally {
      walkers.offer(walker);
    }
  }

  /**
   * The 3CosMul score of one row, computed as the exact scan computes it (same kernel, same order
   * of operations), so that the scores agree bit for bit.
   */
  private static float cosMulScore(RowDots dots, int row, float[][] positive, float[][] negative) {
    float numerator = 1f;
    for (float[] term : positive) {
      numerator *= (1f + dots.dot(row, term)) / 2f;
    }
    float denominator = 1f;
    for (float[] term : negative) {
      denominator *= (1f + dots.dot(row, term)) / 2f;
    }
    return numerator / (denominator + 0.000001f);
  }

  private int searchedRows(int restrictVocab) {
    return restrictVocab == 0 ? rows.rows() : Math.min(rows.rows(), restrictVocab);
  }

  /**
   * Whether scanning the {@code searched} rows costs less than the walk: a walk scores about {@code
   * ef * degree} rows, and a filter that keeps a fraction {@code f} of the rows multiplies that by
   * about {@code 1 / f} (the walk must meet enough accepted rows), so the scan wins when {@code
   * searched^2 <= ef * degree * rows}.
   */
  boolean exactIsCheaper(int searched, int ef) {
    return exactFallback && (long) searched * searched <= (long) ef * degree() * rows.rows();
  }

  /** An idle walker, or a new one when every walker is busy. */
  private GraphWalker borrow() {
    GraphWalker walker = walkers.poll();
    return walker != null ? walker : new GraphWalker(graph, rows.dots(), graph.codes());
  }

  /** Which rows a query may return: below {@code searched}, not excluded; null: every row. */
  private IntPredicate accepted(int searched, int[] exclude) {
    if (exclude.length == 0) {
      return searched >= rows.rows() ? null : id -> id < searched;
    }
    int[] sorted = exclude.clone();
    Arrays.sort(sorted);
    return id -> id < searched && Arrays.binarySearch(sorted, id) < 0;
  }

  private float[][] rowsOf(int[] ids) {
    float[][] out = new float[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      out[i] = rows.copy(ids[i]);
    }
    return out;
  }

  private static void add(float[] sum, float[] term, float sign) {
    for (int j = 0; j < sum.length; j++) {
      sum[j] += sign * term[j];
    }
  }

  private static void toUnitLength(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum > 0) {
      float inverse = (float) (1 / Math.sqrt(sum));
      for (int j = 0; j < v.length; j++) {
        v[j] *= inverse;
      }
    }
  }

  /**
   * The best {@code k} of the rescored rows, ordered as the exact scan orders them: by score, equal
   * scores by id ({@link GraphWalker#key}: one primitive sort, no boxing, no comparator).
   */
  static SearchResult best(int[] ids, float[] scores, int k) {
    long[] keys = new long[ids.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = GraphWalker.key(scores[i], ids[i]);
    }
    GraphWalker.Found best = GraphWalker.best(keys, k);
    return new SearchResult(best.ids(), best.scores(), NAME);
  }

  @Override
  public String toString() {
    return "HnswIndex[" + file.getFileName() + ", " + rows.rows() + " rows]";
  }
}
