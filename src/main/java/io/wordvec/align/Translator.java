package io.wordvec.align;

import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.WordVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Translates source words into a target model's words through an {@link Alignment}: the source
 * word's unit row is mapped ({@code x W}) and the target model is searched with it, through its own
 * search (an approximate index if it has one, unless the options ask for the exact scan).
 *
 * <p>CSLS ranks the {@code candidates} nearest target words by cosine again, by {@code 2 cos(Wx, y)
 * - r_T(Wx) - r_S(y)}. {@code r_T(Wx)} is the mean cosine of the k best of those candidates; {@code
 * r_S(y)}, the mean cosine of target word y to its k nearest mapped source words, is found by
 * searching the source model with {@code y W^T} (an orthogonal map keeps cosines, so this is the
 * same as mapping every source word) and kept in the {@link HubnessCache}, so that each target word
 * costs one source search for the life of the cache. Re-ranking a bounded candidate list instead of
 * every target word is what keeps a query's cost bounded; a word beyond the candidates would need a
 * penalty lower by more than twice its cosine gap to win, which hubness rarely gives.
 *
 * <p>A light object made per request: it holds the models it was given and nothing else; the cache
 * holds the state worth keeping. Thread-safe.
 */
public final class Translator {

  /** Target words CSLS re-ranks by default. */
  public static final int DEFAULT_CANDIDATES = 100;

  private final WordVectors source;
  private final WordVectors target;
  private final Alignment alignment;
  private final HubnessCache hubness;
  private final int candidates;
  private final SearchOptions options;

  /**
   * @param hubness the target words' CSLS penalties for this alignment, sized for {@code target}
   * @param candidates target words CSLS re-ranks (at least the query's topn and the cache's k are
   *     always taken)
   * @param options the search options of every search (target and source)
   * @throws IllegalArgumentException if the models' or the alignment's dimensions differ, the cache
   *     is not the target's size, or {@code candidates < 1}
   */
  public Translator(
      WordVectors source,
      WordVectors target,
      Alignment alignment,
      HubnessCache hubness,
      int candidates,
      SearchOptions options) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.alignment = Objects.requireNonNull(alignment, "alignment");
    this.hubness = Objects.requireNonNull(hubness, "hubness");
    this.options = Objects.requireNonNull(options, "options");
    if (source.dimension() != alignment.dimension()
        || target.dimension() != alignment.dimension()) {
      throw new IllegalArgumentException(
          "models of "
              + source.dimension()
              + " and "
              + target.dimension()
              + " dimensions do not fit an alignment of "
              + alignment.dimension());
    }
    if (hubness.size() != target.size()) {
      throw new IllegalArgumentException(
          "the hubness cache holds "
              + hubness.size()
              + " words, the target model has "
              + target.size());
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
    }
    this.candidates = candidates;
  }

  /**
   * The best {@code topn} translations of a source word, best first.
   *
   * @throws io.wordvec.vectors.UnknownWordsException if the source model lacks the word
   * @throws IllegalArgumentException if {@code topn < 1}
   */
  public List<Translation> translate(String word, int topn, Criterion criterion) {
    return translate(source.requireIds(List.of(word))[0], topn, criterion);
  }

  /**
   * The best {@code topn} translations of source row {@code sourceId}, best first; equal scores in
   * target id order.
   *
   * @throws IllegalArgumentException if {@code topn < 1} or the id is not a source row
   */
  public List<Translation> translate(int sourceId, int topn, Criterion criterion) {
    Objects.requireNonNull(criterion, "criterion");
    if (sourceId < 0 || sourceId >= source.size()) {
      throw new IllegalArgumentException(
          "word id " + sourceId + " is out of range [0, " + source.size() + ")");
    }
    float[] x = new float[source.dimension()];
    source.unitRow(sourceId, x, 0);
    return translateVector(x, topn, criterion);
  }

  /**
   * The best {@code topn} translations of a vector of the source space (a word outside the source
   * vocabulary, answered from its n-grams), best first; equal scores in target id order.
   *
   * @param x a unit vector of the source model's dimension, not modified
   * @throws IllegalArgumentException if {@code topn < 1} or {@code x} has the wrong dimension
   */
  public List<Translation> translateVector(float[] x, int topn, Criterion criterion) {
    Objects.requireNonNull(criterion, "criterion");
    if (x.length != source.dimension()) {
      throw new IllegalArgumentException(
          "vector has " + x.length + " dimensions, the source model " + source.dimension());
    }
    float[] mapped = alignment.map(x);
    if (criterion == Criterion.NN) {
      List<Neighbor> found = target.similarByVector(mapped, topn, 0, options).neighbors();
      List<Translation> out = new ArrayList<>(found.size());
      for (Neighbor n : found) {
        out.add(new Translation(n.word(), n.id(), n.score(), n.score()));
      }
      return out;
    }
    if (topn < 1) {
      throw new IllegalArgumentException("topn must be > 0, was " + topn);
    }
    int pool = Math.max(candidates, Math.max(topn, hubness.k()));
    List<Neighbor> found = target.similarByVector(mapped, pool, 0, options).neighbors();
    double rTarget = 0;
    int k = Math.min(hubness.k(), found.size());
    for (int i = 0; i < k; i++) {
      rTarget += found.get(i).score();
    }
    rTarget = k == 0 ? 0 : rTarget / k;
    List<Translation> scored = new ArrayList<>(found.size());
    for (Neighbor n : found) {
      float csls = (float) (2.0 * n.score() - rTarget - sourceHubness(n.id()));
      scored.add(new Translation(n.word(), n.id(), csls, n.score()));
    }
    scored.sort(
        Comparator.comparingDouble((Translation t) -> -t.score())
            .thenComparingInt(Translation::id));
    return List.copyOf(scored.subList(0, Math.min(topn, scored.size())));
  }

  /** {@code r_S(y)} of target row {@code targetId}, from the cache or computed and cached. */
  float sourceHubness(int targetId) {
    float cached = hubness.get(targetId);
    if (!Float.isNaN(cached)) {
      return cached;
    }
    float[] y = new float[target.dimension()];
    target.unitRow(targetId, y, 0);
    List<Neighbor> near =
        source.similarByVector(alignment.mapBack(y), hubness.k(), 0, options).neighbors();
    double sum = 0;
    for (Neighbor n : near) {
      sum += n.score();
    }
    float r = near.isEmpty() ? 0f : (float) (sum / near.size());
    hubness.put(targetId, r);
    return r;
  }
}
