package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighborSearchTests {

  /** Big enough for the 8-bit rows: the exact search has both of its paths here. */
  private final WordVectors model = WordVectorsTests.random(1_100, 240, 8);

  private final WordVectors tiny =
      WordVectorsTests.vectors(
          new String[] {"cat", "dog", "car", "kitten"},
          2,
          new float[] {1, 0, 0.8f, 0.6f, 0, 3, 2, 0.2f});

  /** Passes every call to another search and records which method was called. */
  private static final class RecordingSearch implements NeighborSearch {
    final NeighborSearch delegate;
    final List<String> calls = new ArrayList<>();

    RecordingSearch(NeighborSearch delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public SearchResult nearest(
        float[] unitQuery, int k, int restrictVocab, int[] exclude, SearchOptions options) {
      calls.add("nearest");
      return delegate.nearest(unitQuery, k, restrictVocab, exclude, options);
    }

    @Override
    public SearchResult nearestCosMul(
        int[] positiveIds,
        int[] negativeIds,
        int k,
        int restrictVocab,
        int[] exclude,
        SearchOptions options) {
      calls.add("cosmul");
      return delegate.nearestCosMul(positiveIds, negativeIds, k, restrictVocab, exclude, options);
    }
  }

  @Test
  void theDefaultSearchIsTheExactScan() {
    assertThat(model.search()).isSameAs(model.exactSearch());
    assertThat(model.search().name()).isEqualTo("exact");
    assertThat(model.quantizedRows()).isPresent();
  }

  @Test
  void withSearchSharesTheArraysAndLeavesTheOriginalAlone() {
    RecordingSearch recording = new RecordingSearch(model.exactSearch());
    WordVectors routed = model.withSearch(recording);

    assertThat(routed.search()).isSameAs(recording);
    assertThat(routed.exactSearch()).isSameAs(model.exactSearch());
    assertThat(routed.sharesRowsWith(model)).as("the same rows, not a copy").isTrue();
    assertThat(model.sharesRowsWith(model.withSearch(model.exactSearch()))).isTrue();
    assertThat(model.sharesRowsWith(WordVectorsTests.random(1_100, 240, 8))).isFalse();
    assertThat(routed.vocabulary()).isSameAs(model.vocabulary());
    assertThat(routed.quantizedRows()).isEqualTo(model.quantizedRows());
    assertThat(model.search()).isSameAs(model.exactSearch());
  }

  @Test
  void everyNeighbourQueryGoesThroughTheSearchWithTheSameAnswers() {
    RecordingSearch recording = new RecordingSearch(model.exactSearch());
    WordVectors routed = model.withSearch(recording);
    float[] vector = model.vector("w40", false);

    assertThat(routed.mostSimilar(List.of("w3"), List.of("w9"), 10, 0))
        .isEqualTo(model.mostSimilar(List.of("w3"), List.of("w9"), 10, 0));
    assertThat(routed.mostSimilarCosMul(List.of("w3", "w5"), List.of("w9"), 10, 500))
        .isEqualTo(model.mostSimilarCosMul(List.of("w3", "w5"), List.of("w9"), 10, 500));
    assertThat(routed.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSADD))
        .isEqualTo(model.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSADD));
    assertThat(routed.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSMUL))
        .isEqualTo(model.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSMUL));
    assertThat(routed.similarByVector(vector, 7, 0)).isEqualTo(model.similarByVector(vector, 7, 0));

    assertThat(recording.calls)
        .containsExactly("nearest", "cosmul", "nearest", "cosmul", "nearest");
  }

  @Test
  void theFacadeNamesTheRowsTheSearchFoundInItsOrder() {
    NeighborSearch fixed =
        new NeighborSearch() {
          @Override
          public String name() {
            return "fixed";
          }

          @Override
          public SearchResult nearest(
              float[] unitQuery, int k, int restrictVocab, int[] exclude, SearchOptions options) {
            return new SearchResult(
                new int[] {2, 0, 1}, new float[] {0.5f, 0.25f, 0.125f}, "fixed");
          }

          @Override
          public SearchResult nearestCosMul(
              int[] positiveIds,
              int[] negativeIds,
              int k,
              int restrictVocab,
              int[] exclude,
              SearchOptions options) {
            return new SearchResult(new int[] {1}, new float[] {0.75f}, "fixed");
          }
        };
    WordVectors routed = tiny.withSearch(fixed);

    assertThat(routed.mostSimilar(List.of("kitten"), List.of(), 2, 0))
        .containsExactly(new Neighbor("car", 2, 0.5f), new Neighbor("cat", 0, 0.25f));
    assertThat(routed.mostSimilarCosMul(List.of("kitten"), List.of(), 3, 0))
        .containsExactly(new Neighbor("dog", 1, 0.75f));
  }

  @Test
  void exactOptionsBypassTheModelsSearchAndTheAnswerNamesWhoAnswered() {
    RecordingSearch recording = new RecordingSearch(model.exactSearch());
    WordVectors routed = model.withSearch(recording);

    NeighborList exact =
        routed.mostSimilar(List.of("w3"), List.of("w9"), 10, 0, SearchOptions.EXACT);
    NeighborList cosMul =
        routed.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSMUL, SearchOptions.EXACT);

    assertThat(recording.calls).isEmpty();
    assertThat(exact.search()).isEqualTo("exact");
    assertThat(exact.neighbors()).isEqualTo(model.mostSimilar(List.of("w3"), List.of("w9"), 10, 0));
    assertThat(cosMul.neighbors())
        .isEqualTo(model.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSMUL));
    assertThat(
            routed.mostSimilar(List.of("w3"), List.of(), 3, 0, SearchOptions.withEf(40)).search())
        .isEqualTo("exact");
    assertThat(recording.calls).containsExactly("nearest");
  }

  @Test
  void searchOptionsRejectANegativeEffort() {
    assertThatThrownBy(() -> SearchOptions.withEf(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ef must be >= 0");
    assertThatThrownBy(() -> model.mostSimilar(List.of("w3"), List.of(), 3, 0, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theExactSearchSkipsExcludedIdsAndHonoursRestrictVocab() {
    NeighborSearch exact = tiny.exactSearch();
    float[] cat = tiny.vector("cat", true);

    SearchResult all = exact.nearest(cat, 4, 0, new int[0], SearchOptions.DEFAULT);
    assertThat(all.ids()).containsExactly(0, 3, 1, 2);
    assertThat(all.scores()[0]).isEqualTo(1f);

    SearchResult withoutCat = exact.nearest(cat, 2, 0, new int[] {0}, SearchOptions.DEFAULT);
    assertThat(withoutCat.ids()).containsExactly(3, 1);
    assertThat(withoutCat.scores()).containsExactly(all.scores()[1], all.scores()[2]);

    assertThat(exact.nearest(cat, 4, 3, new int[] {0}, SearchOptions.DEFAULT).ids())
        .containsExactly(1, 2);
    assertThat(
            exact
                .nearestCosMul(
                    new int[] {0}, new int[0], 4, 0, new int[] {0}, SearchOptions.DEFAULT)
                .ids())
        .containsExactly(3, 1, 2);
    assertThat(all.search()).isEqualTo("exact");
  }

  @Test
  void aSearchResultKeepsItsArraysInStep() {
    assertThatThrownBy(() -> new SearchResult(new int[2], new float[1], "exact"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 ids but 1 scores");
    assertThat(new SearchResult(new int[3], new float[3], "exact").size()).isEqualTo(3);
    assertThatThrownBy(() -> model.withSearch(null)).isInstanceOf(NullPointerException.class);
  }
}
