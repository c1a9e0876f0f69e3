package io.wordvec.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.Word2VecFormat;
import io.wordvec.vectors.GensimParityTests;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gensim's recorded answers on {@code kjv50.txt} (a trained model, 2,449 words), asked of the model
 * with an index: with {@code exact} they come from the exact scan; without, from the graph (walked
 * for every query here, however small the model) with a candidate list as long as the vocabulary,
 * so that the walk reaches every node of the graph whatever its random levels.
 */
class IndexedGensimParityTests {

  @TempDir static Path dir;

  private static WordVectors indexed;

  @BeforeAll
  static void build() throws IOException {
    WordVectors vectors = Word2VecFormat.readText(GensimParityTests.resource("gensim/kjv50.txt"));
    Path file = dir.resolve("kjv50.hnsw");
    // One insertion thread: a graph built in parallel depends on how the threads interleave, so
    // on a loaded machine it could differ from run to run, and with it the rare hard query.
    HnswIndex.build(vectors, HnswParameters.DEFAULTS.withThreads(1), file, IndexBuildListener.NONE);
    indexed = vectors.withSearch(HnswIndex.open(file, vectors, 100, false));
  }

  static Stream<GensimParityTests.Query> queries() {
    return GensimParityTests.queries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void theExactOptionAnswersAsGensimDoes(GensimParityTests.Query q) {
    String search = GensimParityTests.answer(indexed, q, SearchOptions.EXACT);
    assertThat(search).isIn("exact", null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void theGraphWithAWideSearchAnswersAsGensimDoes(GensimParityTests.Query q) {
    String search = GensimParityTests.answer(indexed, q, SearchOptions.withEf(indexed.size()));
    assertThat(search).isIn("hnsw", null);
  }
}
