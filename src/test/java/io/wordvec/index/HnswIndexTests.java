package io.wordvec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.NeighborList;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SearchResult;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswIndexTests {

  private static final int ROWS = 5_000;
  private static final int K = 10;

  /** Small enough to build in seconds on two cores, big enough that the graph has levels. */
  private static WordVectors model;

  private static Path file;

  /** The index as a served model has it: queries the graph would answer slowly scan instead. */
  private static HnswIndex index;

  /** The same file, every query walking the graph. */
  private static HnswIndex graphOnly;

  @TempDir static Path dir;

  @BeforeAll
  static void build() throws IOException {
    model = ClusteredVectors.clustered(ROWS, 32, 100, 1.0f, 11);
    file = dir.resolve("clustered.hnsw");
    HnswIndex.build(model, HnswParameters.DEFAULTS, file, IndexBuildListener.NONE);
    index = HnswIndex.open(file, model, 100);
    graphOnly = HnswIndex.open(file, model, 100, false);
  }

  @Test
  void recallAtTenIsAtLeast95PercentForFrequencySampledAndUniformQueryWords() {
    SplittableRandom random = new SplittableRandom(3);
    int[] frequent = frequencySampled(random, 300);
    int[] uniform = random.ints(300, 0, ROWS).toArray();

    assertThat(wordRecall(frequent)).isGreaterThanOrEqualTo(0.95);
    assertThat(wordRecall(uniform)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void analogyQueriesThroughTheIndexFindAtLeast95PercentOfTheExactAnswers() {
    WordVectors indexed = model.withSearch(graphOnly);
    SplittableRandom random = new SplittableRandom(5);
    double cosAdd = 0;
    double cosMul = 0;
    int queries = 200;
    for (int q = 0; q < queries; q++) {
      int[] positive = {random.nextInt(ROWS), random.nextInt(ROWS)};
      int[] negative = {random.nextInt(ROWS)};
      NeighborList approx = indexed.mostSimilarIds(positive, negative, K, 0, SearchOptions.DEFAULT);
      assertThat(approx.search()).isEqualTo("hnsw");
      cosAdd +=
          overlap(approx, model.mostSimilarIds(positive, negative, K, 0, SearchOptions.DEFAULT));
      cosMul +=
          overlap(
              indexed.mostSimilarCosMulIds(positive, negative, K, 0, SearchOptions.DEFAULT),
              model.mostSimilarCosMulIds(positive, negative, K, 0, SearchOptions.DEFAULT));
    }
    assertThat(cosAdd / queries).isGreaterThanOrEqualTo(0.95);
    assertThat(cosMul / queries).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theRowsTheIndexFindsCarryTheExactScansScoresInItsOrder() {
    for (int id = 0; id < 40; id++) {
      float[] query = model.vector("w" + id, true);
      SearchResult approx =
          graphOnly.nearest(query, K, 0, new int[] {id}, SearchOptions.withEf(200));
      SearchResult exact =
          model.exactSearch().nearest(query, ROWS, 0, new int[0], SearchOptions.DEFAULT);
      float[] exactScoreOf = new float[ROWS];
      for (int i = 0; i < exact.size(); i++) {
        exactScoreOf[exact.ids()[i]] = exact.scores()[i];
      }
      assertThat(approx.search()).isEqualTo("hnsw");
      assertThat(approx.size()).isEqualTo(K);
      for (int i = 0; i < approx.size(); i++) {
        assertThat(approx.scores()[i]).isEqualTo(exactScoreOf[approx.ids()[i]]);
        if (i > 0) {
          assertThat(approx.scores()[i]).isLessThanOrEqualTo(approx.scores()[i - 1]);
        }
      }
    }
  }

  @Test
  void restrictVocabAndExcludedIdsFilterWhatTheWalkReturns() {
    int restrict = 3_000;
    double recall = 0;
    for (int id = 0; id < 100; id++) {
      float[] query = model.vector("w" + (id * 37 % ROWS), true);
      int[] exclude = {id, id + 1, 2_999};
      SearchResult approx = graphOnly.nearest(query, K, restrict, exclude, SearchOptions.DEFAULT);
      SearchResult exact =
          model.exactSearch().nearest(query, K, restrict, exclude, SearchOptions.DEFAULT);
      assertThat(approx.search()).isEqualTo("hnsw");
      assertThat(IntStream.of(approx.ids())).allMatch(found -> found < restrict);
      assertThat(approx.ids()).doesNotContain(exclude);
      recall += overlap(approx.ids(), exact.ids());
    }
    assertThat(recall / 100).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theWalkFindsAsMuchAsJvectorsSearcherOnTheSameGraphWithTheExactScansScores()
      throws IOException {
    MappedGraph mapped = GraphFile.open(file);
    RowScores scores = new RowScores(new UnitRows(model));
    GraphSearcher jvectors = new GraphSearcher(mapped);
    jvectors.usePruning(false);
    double ours = 0;
    double theirs = 0;
    int queries = 120;
    for (int id = 0; id < queries; id++) {
      float[] query = model.vector("w" + (id * 83 % ROWS), true);
      int ef = 10 + id % 4 * 30;
      SearchResult walk = graphOnly.nearest(query, K, 0, new int[0], SearchOptions.withEf(ef));
      SearchResult exact =
          model.exactSearch().nearest(query, K, 0, new int[0], SearchOptions.DEFAULT);
      int[] jvectorIds =
          Arrays.stream(
                  jvectors
                      .search(
                          new DefaultSearchScoreProvider(scores.to(query)), K, ef, 0f, 0f, Bits.ALL)
                      .getNodes())
              .mapToInt(node -> node.node)
              .toArray();
      ours += overlap(walk.ids(), exact.ids());
      theirs += overlap(jvectorIds, exact.ids());
      for (int i = 0; i < walk.ids().length; i++) {
        for (int j = 0; j < exact.ids().length; j++) {
          if (walk.ids()[i] == exact.ids()[j]) {
            // The walk's own scores are the exact scan's, bit for bit.
            assertThat(walk.scores()[i]).isEqualTo(exact.scores()[j]);
          }
        }
      }
    }
    assertThat(ours / queries)
        .isGreaterThanOrEqualTo(theirs / queries - 0.01)
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void rescoredRowsAreOrderedByScoreThenIdWithNegativeScoresAndSignedZeros() {
    int[] ids = {9, 4, 7, 1, 3, 8, 2, 5, 6, 0};
    float[] scores = {0.5f, -0.25f, 0.5f, 0f, -0f, 0.99f, -0.75f, -0.25f, 1f, 0.5f};

    SearchResult best = HnswIndex.best(ids, scores, 8);

    assertThat(best.ids()).containsExactly(6, 8, 0, 7, 9, 1, 3, 4);
    assertThat(best.scores()).containsExactly(1f, 0.99f, 0.5f, 0.5f, 0.5f, 0f, -0f, -0.25f);
    assertThat(Float.floatToIntBits(best.scores()[6])).isEqualTo(Float.floatToIntBits(-0f));
    assertThat(HnswIndex.best(ids, scores, 20).ids()).hasSize(10).endsWith(5, 2);
  }

  @Test
  void aFilterThatKeepsFewRowsIsAnsweredByTheExactScanWhichTheResultNames() {
    float[] query = model.vector("w7", true);
    SearchResult few = index.nearest(query, K, 200, new int[] {7}, SearchOptions.DEFAULT);
    SearchResult exact =
        model.exactSearch().nearest(query, K, 200, new int[] {7}, SearchOptions.DEFAULT);

    assertThat(few.search()).isEqualTo("exact");
    assertThat(few.ids()).isEqualTo(exact.ids());
    assertThat(few.scores()).isEqualTo(exact.scores());
    assertThat(index.nearest(query, K, 0, new int[] {7}, SearchOptions.DEFAULT).search())
        .isEqualTo("hnsw");
    assertThat(index.exactIsCheaper(200, 100)).isTrue();
    assertThat(index.exactIsCheaper(ROWS, 100)).isFalse();
    assertThat(index.exactIsCheaper(ROWS, 1_000)).isTrue();
  }

  @Test
  void exactOptionsGiveTheExactPathsAnswersBitForBit() {
    WordVectors indexed = model.withSearch(graphOnly);
    assertThat(indexed.search().name()).isEqualTo("hnsw");
    for (int q = 0; q < 20; q++) {
      List<String> positive = List.of("w" + q, "w" + (q + 100));
      List<String> negative = List.of("w" + (q + 2_000));
      NeighborList cosAdd = indexed.mostSimilar(positive, negative, K, 0, SearchOptions.EXACT);
      NeighborList cosMul =
          indexed.mostSimilarCosMul(positive, negative, K, 1_000, SearchOptions.EXACT);

      assertThat(cosAdd.search()).isEqualTo("exact");
      assertThat(cosAdd.neighbors()).isEqualTo(model.mostSimilar(positive, negative, K, 0));
      assertThat(cosMul.search()).isEqualTo("exact");
      assertThat(cosMul.neighbors())
          .isEqualTo(model.mostSimilarCosMul(positive, negative, K, 1_000));
      assertThat(
              indexed
                  .analogy("w1", "w2", "w" + q, K, AnalogyMethod.COSMUL, SearchOptions.EXACT)
                  .neighbors())
          .isEqualTo(model.analogy("w1", "w2", "w" + q, K, AnalogyMethod.COSMUL));
    }
    float[] vector = model.vector("w9", false);
    assertThat(indexed.similarByVector(vector, K, 0, SearchOptions.EXACT).neighbors())
        .isEqualTo(model.similarByVector(vector, K, 0));
  }

  @Test
  void aModelServedFromItsMappedFileUsesTheSameIndexWithTheSameAnswers() throws IOException {
    Path wvm = dir.resolve("clustered.wvm");
    NativeFormat.write(model, wvm);
    WordVectors mapped = ModelFiles.loadForServing(wvm).vectors();
    assertThat(mapped.isMapped()).isTrue();

    HnswIndex overMapped = HnswIndex.open(file, mapped, 100, false);

    for (int id = 0; id < 50; id++) {
      float[] query = model.vector("w" + id, true);
      SearchResult fromMapped =
          overMapped.nearest(query, K, 0, new int[] {id}, SearchOptions.DEFAULT);
      SearchResult fromHeap = graphOnly.nearest(query, K, 0, new int[] {id}, SearchOptions.DEFAULT);
      assertThat(fromMapped.ids()).isEqualTo(fromHeap.ids());
      assertThat(fromMapped.scores()).isEqualTo(fromHeap.scores());
    }
    assertThat(
            mapped
                .withSearch(overMapped)
                .mostSimilarCosMul(List.of("w1", "w2"), List.of("w3"), K, 0, SearchOptions.DEFAULT))
        .isEqualTo(
            model
                .withSearch(graphOnly)
                .mostSimilarCosMul(
                    List.of("w1", "w2"), List.of("w3"), K, 0, SearchOptions.DEFAULT));
  }

  @Test
  void theFileHoldsEveryNeighbourListOfTheBuiltGraph() throws IOException {
    WordVectors small = ClusteredVectors.clustered(800, 16, 20, 1.0f, 2);
    UnitRows rows = new UnitRows(small);
    HnswParameters parameters = new HnswParameters(8, 40, 1.2f, 1.2f, 1);
    ImmutableGraphIndex built = HnswIndex.buildGraph(rows, parameters, IndexBuildListener.NONE);
    Path written = dir.resolve("roundtrip.hnsw");
    GraphFile.write(written, built, rows, 42L, parameters);

    MappedGraph read = GraphFile.open(written);

    assertThat(read.header().fingerprint()).isEqualTo(42L);
    assertThat(read.header().beamWidth()).isEqualTo(40);
    assertThat(read.getMaxLevel()).isEqualTo(built.getMaxLevel()).isGreaterThan(0);
    try (ImmutableGraphIndex.View expected = built.getView();
        ImmutableGraphIndex.View actual = read.getView()) {
      assertThat(actual.entryNode()).isEqualTo(expected.entryNode());
      for (int level = 0; level <= built.getMaxLevel(); level++) {
        assertThat(ids(read.getNodes(level))).isEqualTo(sorted(ids(built.getNodes(level))));
        assertThat(read.getDegree(level)).isEqualTo(built.getDegree(level));
        for (int node : ids(built.getNodes(level))) {
          assertThat(ids(actual.getNeighborsIterator(level, node)))
              .as("neighbours of %d on level %d", node, level)
              .isEqualTo(ids(expected.getNeighborsIterator(level, node)));
        }
      }
    }
  }

  @Test
  void aMappedModelBuildsTheGraphOfItsHeapOriginalWhetherItsRowsAreCopiedOrReadInTheFile()
      throws IOException {
    WordVectors small = ClusteredVectors.clustered(1_000, 24, 20, 1.0f, 6);
    Path wvm = dir.resolve("small.wvm");
    NativeFormat.write(small, wvm);
    WordVectors mapped = ModelFiles.loadForServing(wvm).vectors();
    assertThat(mapped.isMapped()).isTrue();
    HnswParameters oneThread = new HnswParameters(8, 40, 1.2f, 1.2f, 1);
    Path fromHeap = dir.resolve("from-heap.hnsw");
    Path copied = dir.resolve("copied.hnsw");
    Path readInFile = dir.resolve("read-in-file.hnsw");

    HnswIndex.build(small, oneThread, fromHeap, IndexBuildListener.NONE);
    // A model this small fits in the heap: its rows are copied there for the build.
    HnswIndex.build(mapped, oneThread, copied, IndexBuildListener.NONE);
    UnitRows inFile = new UnitRows(mapped);
    assertThat(inFile.sharedDots()).isFalse();
    GraphFile.write(
        readInFile,
        HnswIndex.buildGraph(inFile, oneThread, IndexBuildListener.NONE),
        inFile,
        HnswIndex.fingerprint(inFile),
        oneThread);

    byte[] expected = Files.readAllBytes(fromHeap);
    assertThat(Files.readAllBytes(copied)).isEqualTo(expected);
    assertThat(Files.readAllBytes(readInFile)).isEqualTo(expected);
  }

  @Test
  void anIndexIsRefusedForVectorsItWasNotBuiltFor() {
    WordVectors retrained = ClusteredVectors.clustered(ROWS, 32, 100, 1.0f, 12);
    WordVectors otherShape = ClusteredVectors.clustered(ROWS - 1, 32, 100, 1.0f, 11);

    assertThatThrownBy(() -> HnswIndex.open(file, retrained, 100))
        .isInstanceOf(IndexFileException.class)
        .hasMessage(
            "clustered.hnsw: built for other vectors of the same shape (the model changed);"
                + " rebuild the index");
    assertThatThrownBy(() -> HnswIndex.open(file, otherShape, 100))
        .isInstanceOf(IndexFileException.class)
        .hasMessageContaining("built for 5000 x 32 vectors, the model has 4999 x 32");
  }

  @Test
  void truncatedAndForeignFilesAreRefusedWithTheFileNameOnly() throws IOException {
    byte[] whole = Files.readAllBytes(file);
    Path truncated = dir.resolve("truncated.hnsw");
    Files.write(truncated, Arrays.copyOf(whole, whole.length - 4));
    Path foreign = dir.resolve("foreign.hnsw");
    Files.write(foreign, "not an index, only some text that is long enough".repeat(3).getBytes());
    Path tiny = dir.resolve("tiny.hnsw");
    Files.write(tiny, new byte[10]);
    Path lying = dir.resolve("lying.hnsw");
    byte[] liar = whole.clone();
    ByteBuffer.wrap(liar).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 60); // 60 levels
    Files.write(lying, liar);

    assertThatThrownBy(() -> HnswIndex.open(truncated, model, 100))
        .isInstanceOf(IndexFileException.class)
        .hasMessageStartingWith("truncated.hnsw: truncated")
        .hasMessageNotContaining(dir.toString());
    assertThatThrownBy(() -> HnswIndex.open(foreign, model, 100))
        .hasMessage("foreign.hnsw: not an index file (wrong magic number)");
    assertThatThrownBy(() -> HnswIndex.open(tiny, model, 100))
        .hasMessage("tiny.hnsw: too short to be an index (10 bytes)");
    assertThatThrownBy(() -> HnswIndex.open(lying, model, 100))
        .isInstanceOf(IndexFileException.class)
        .hasMessageStartingWith("lying.hnsw: ");
    assertThatThrownBy(() -> HnswIndex.open(dir.resolve("absent.hnsw"), model, 100))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anIndexFileOfVersionOneHasNoCodesAndItsWalksScoreTheFloatRows() throws IOException {
    Path v1 = dir.resolve("v1.hnsw");
    Files.write(v1, versionOne(Files.readAllBytes(file)));

    assertThat(GraphFile.open(file).codes()).isNotNull();
    assertThat(GraphFile.open(v1).codes()).isNull();
    HnswIndex old = HnswIndex.open(v1, model, 100, false);
    double recall = 0;
    for (int id = 0; id < 100; id++) {
      float[] query = model.vector("w" + (id * 47 % ROWS), true);
      SearchResult walk = old.nearest(query, K, 0, new int[0], SearchOptions.DEFAULT);
      SearchResult exact =
          model.exactSearch().nearest(query, K, 0, new int[0], SearchOptions.DEFAULT);
      assertThat(walk.search()).isEqualTo("hnsw");
      recall += overlap(walk.ids(), exact.ids());
    }
    assertThat(recall / 100).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void aHeaderThatMisstatesTheCodeRecordsIsRefused() throws IOException {
    byte[] liar = Files.readAllBytes(file);
    ByteBuffer.wrap(liar).order(ByteOrder.LITTLE_ENDIAN).putInt(48, 96);
    Path lying = Files.write(dir.resolve("lying-codes.hnsw"), liar);

    assertThatThrownBy(() -> HnswIndex.open(lying, model, 100))
        .isInstanceOf(IndexFileException.class)
        .hasMessage("lying-codes.hnsw: corrupt header (96 bytes per row of codes)");
  }

  /** The same graph as a version 1 file: the header's version and code size, level 0's end. */
  private static byte[] versionOne(byte[] v2) {
    ByteBuffer in = ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN);
    int rows = in.getInt(8);
    int levels = in.getInt(16);
    int[] degrees = new int[levels];
    int at = GraphFile.HEADER_BYTES;
    for (int level = 0; level < levels; level++, at += Integer.BYTES) {
      degrees[level] = in.getInt(at);
    }
    for (int level = levels - 1; level >= 1; level--) {
      int count = in.getInt(at);
      at += Integer.BYTES + count * Integer.BYTES + count * (1 + degrees[level]) * Integer.BYTES;
    }
    at += rows * (1 + degrees[0]) * Integer.BYTES;
    byte[] v1 = Arrays.copyOf(v2, at);
    ByteBuffer.wrap(v1).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1).putInt(48, 0);
    return v1;
  }

  @Test
  void aCancelledBuildThrowsAndWritesNoFile() {
    Path target = dir.resolve("cancelled.hnsw");
    AtomicInteger polls = new AtomicInteger();
    IndexBuildListener cancelSoon =
        new IndexBuildListener() {
          @Override
          public void onProgress(int inserted, int total) {}

          @Override
          public boolean isCancelled() {
            return polls.incrementAndGet() > 50;
          }
        };

    assertThatThrownBy(() -> HnswIndex.build(model, HnswParameters.DEFAULTS, target, cancelSoon))
        .isInstanceOf(CancellationException.class);
    assertThat(target).doesNotExist();
    assertThat(dir).isDirectoryNotContaining("glob:**/.cancelled.hnsw*");
  }

  @Test
  void progressCountsUpToEveryRowAndOneThreadBuildsTheSameFileTwice() throws IOException {
    WordVectors small = ClusteredVectors.clustered(1_000, 16, 20, 1.0f, 4);
    HnswParameters oneThread = new HnswParameters(8, 40, 1.2f, 1.2f, 1);
    List<Integer> reported = new ArrayList<>();
    IndexBuildListener listener =
        (inserted, total) -> {
          assertThat(total).isEqualTo(1_000);
          synchronized (reported) {
            reported.add(inserted);
          }
        };
    Path first = dir.resolve("first.hnsw");
    Path second = dir.resolve("second.hnsw");

    HnswIndex.build(small, oneThread, first, listener);
    HnswIndex.build(small, oneThread, second, IndexBuildListener.NONE);

    assertThat(reported).hasSize(100).isSorted().endsWith(1_000);
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void theIndexFileLivesBesideTheModel() {
    assertThat(HnswIndex.fileFor(Path.of("models", "news.wvm")))
        .isEqualTo(Path.of("models", "news.hnsw"));
    assertThat(HnswIndex.fileFor(Path.of("vectors.bin"))).isEqualTo(Path.of("vectors.hnsw"));
    assertThat(HnswIndex.fileFor(Path.of("m", "crawl.txt.gz")))
        .isEqualTo(Path.of("m", "crawl.hnsw"));
  }

  @Test
  void badParametersAreRefused() {
    assertThatThrownBy(() -> new HnswParameters(1, 100, 1.2f, 1.2f, 0))
        .hasMessageContaining("degree must be between 2 and 512");
    assertThatThrownBy(() -> new HnswParameters(32, 0, 1.2f, 1.2f, 0))
        .hasMessageContaining("beamWidth");
    assertThatThrownBy(() -> new HnswParameters(32, 100, 0.5f, 1.2f, 0))
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> new HnswParameters(32, 100, 1.2f, Float.NaN, 0))
        .hasMessageContaining("overflow");
    assertThatThrownBy(() -> HnswIndex.open(file, model, 0))
        .hasMessageContaining("defaultEf must be > 0");
  }

  /** Mean share of the exact top ten the index finds for each query word (itself excluded). */
  private static double wordRecall(int[] queryIds) {
    double sum = 0;
    for (int id : queryIds) {
      float[] query = model.vector("w" + id, true);
      int[] exclude = {id};
      SearchResult approx = graphOnly.nearest(query, K, 0, exclude, SearchOptions.DEFAULT);
      assertThat(approx.search()).isEqualTo("hnsw");
      sum +=
          overlap(
              approx.ids(),
              model.exactSearch().nearest(query, K, 0, exclude, SearchOptions.DEFAULT).ids());
    }
    return sum / queryIds.length;
  }

  /** Ids drawn with probability proportional to a Zipf count (1 / (rank + 1)). */
  private static int[] frequencySampled(SplittableRandom random, int n) {
    double[] cumulative = new double[ROWS];
    double total = 0;
    for (int i = 0; i < ROWS; i++) {
      total += 1.0 / (i + 1);
      cumulative[i] = total;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
      out[i] = Math.min(ROWS - 1, at >= 0 ? at : -at - 1);
    }
    return out;
  }

  private static double overlap(NeighborList approx, NeighborList exact) {
    return overlap(
        approx.neighbors().stream().mapToInt(n -> n.id()).toArray(),
        exact.neighbors().stream().mapToInt(n -> n.id()).toArray());
  }

  private static double overlap(int[] found, int[] truth) {
    if (truth.length == 0) {
      return 1;
    }
    long hits =
        IntStream.of(found).filter(id -> IntStream.of(truth).anyMatch(t -> t == id)).count();
    return hits / (double) truth.length;
  }

  private static int[] ids(NodesIterator it) {
    IntStream.Builder out = IntStream.builder();
    while (it.hasNext()) {
      out.add(it.nextInt());
    }
    return out.build().toArray();
  }

  private static int[] sorted(int[] ids) {
    int[] copy = ids.clone();
    Arrays.sort(copy);
    return copy;
  }
}
