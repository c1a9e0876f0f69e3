package io.wordvec.vectors;

import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Queries that also take words outside the vocabulary, for a subword model: such a word is answered
 * from its character n-grams ({@link WordVectors#ngramVector}), as fastText answers it, and is
 * marked as such ({@link Term#oov()}). Queries whose words are all in the vocabulary go to {@link
 * WordVectors} unchanged, so they answer exactly as before.
 *
 * <p>Without n-grams (a model that has none, or {@code useNgrams} false) an unknown word is an
 * {@link UnknownWordsException}, as everywhere else.
 *
 * <p>Immutable and thread-safe.
 */
public final class SubwordQueries {

  private final WordVectors vectors;
  private final boolean useNgrams;

  /**
   * @param vectors the model's vectors
   * @param useNgrams whether unknown words get their n-gram vectors (when the model has n-grams)
   */
  public SubwordQueries(WordVectors vectors, boolean useNgrams) {
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.useNgrams = useNgrams && vectors.subwords().isPresent();
  }

  /**
   * One word of a query: a word of the vocabulary ({@code id >= 0}, {@code raw} null), or a word
   * outside it with its n-gram vector ({@code id} -1).
   *
   * @param word the word as asked
   * @param id its id, or -1
   * @param raw its n-gram vector (not normalised) when outside the vocabulary, else null
   */
  public record Term(String word, int id, float[] raw) {

    /** Whether the word is outside the vocabulary and answered from its n-grams. */
    public boolean oov() {
      return id < 0;
    }
  }

  /** Whether unknown words are answered from their n-grams by this object. */
  public boolean usesNgrams() {
    return useNgrams;
  }

  /**
   * Resolves the words of a query, in order.
   *
   * @throws UnknownWordsException listing every word that is neither in the vocabulary nor (with
   *     n-grams) long enough to have n-grams
   */
  public List<Term> resolve(List<String> words) {
    Vocabulary vocabulary = vectors.vocabulary();
    List<Term> terms = new ArrayList<>(words.size());
    List<String> unknown = null;
    for (String word : words) {
      int id = vocabulary.id(word);
      float[] raw = null;
      if (id < 0 && useNgrams) {
        raw = vectors.ngramVector(word).orElse(null);
      }
      if (id < 0 && raw == null) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(word);
      }
      terms.add(new Term(word, id, raw));
    }
    if (unknown != null) {
      throw new UnknownWordsException(unknown);
    }
    return terms;
  }

  /** One word resolved; see {@link #resolve}. */
  public Term resolve(String word) {
    return resolve(List.of(word)).get(0);
  }

  /** A copy of a term's vector, raw or unit-length. */
  public float[] vector(Term term, boolean normalized) {
    if (!term.oov()) {
      return vectors.vector(term.word(), normalized);
    }
    float[] out = term.raw().clone();
    if (normalized) {
      UnitRows.toUnitLength(out, 0, out.length);
    }
    return out;
  }

  /** Cosine similarity of two terms. */
  public float similarity(Term a, Term b) {
    if (!a.oov() && !b.oov()) {
      return vectors.similarity(a.id(), b.id());
    }
    return VectorMath.dot(vector(a, true), vector(b, true));
  }

  /**
   * 3CosAdd neighbours of the terms ({@link WordVectors#mostSimilar}): the unit vectors of {@code
   * positive} added, those of {@code negative} subtracted, the sum normalised; the query words of
   * the vocabulary are excluded from the answer.
   *
   * @throws IllegalArgumentException as {@link WordVectors#mostSimilar} does
   */
  public NeighborList mostSimilar(
      List<Term> positive,
      List<Term> negative,
      int topn,
      int restrictVocab,
      SearchOptions options) {
    if (positive.stream().noneMatch(Term::oov) && negative.stream().noneMatch(Term::oov)) {
      return vectors.mostSimilarIds(ids(positive), ids(negative), topn, restrictVocab, options);
    }
    if (topn <= 0) {
      throw new IllegalArgumentException("topn must be > 0, was " + topn);
    }
    if (restrictVocab < 0) {
      throw new IllegalArgumentException(
          "restrictVocab must be >= 0 (0 = whole vocabulary), was " + restrictVocab);
    }
    int dim = vectors.dimension();
    float[] query = new float[dim];
    for (Term term : positive) {
      VectorMath.axpy(1f, vector(term, true), 0, query, 0, dim);
    }
    for (Term term : negative) {
      VectorMath.axpy(-1f, vector(term, true), 0, query, 0, dim);
    }
    UnitRows.toUnitLength(query, 0, dim);
    List<Term> all = new ArrayList<>(positive);
    all.addAll(negative);
    int[] exclude = all.stream().filter(t -> !t.oov()).mapToInt(Term::id).toArray();
    NeighborSearch search = options.exact() ? vectors.exactSearch() : vectors.search();
    SearchResult found = search.nearest(query, topn, restrictVocab, exclude, options);
    int n = Math.min(topn, found.ids().length);
    List<Neighbor> neighbors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int id = found.ids()[i];
      neighbors.add(new Neighbor(vectors.vocabulary().word(id), id, found.scores()[i]));
    }
    return new NeighborList(neighbors, found.search());
  }

  /**
   * a is to b as c is to ? by 3CosAdd, with any of the three outside the vocabulary.
   *
   * @throws UnknownWordsException listing every word without a vector
   */
  public NeighborList analogy(String a, String b, String c, int topn, SearchOptions options) {
    List<Term> terms = resolve(List.of(a, b, c));
    return mostSimilar(
        List.of(terms.get(1), terms.get(2)), List.of(terms.get(0)), topn, 0, options);
  }

  private static int[] ids(List<Term> terms) {
    return terms.stream().mapToInt(Term::id).toArray();
  }
}
