package io.wordvec.vectors;

import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
  private final UnaryOperator<String> spelling;

  /**
   * @param vectors the model's vectors
   * @param useNgrams whether unknown words get their n-gram vectors (when the model has n-grams)
   */
  public SubwordQueries(WordVectors vectors, boolean useNgrams) {
    this(vectors, useNgrams, word -> null);
  }

  /**
   * @param vectors the model's vectors
   * @param useNgrams whether unknown words get their n-gram vectors (when the model has n-grams)
   * @param spelling the vocabulary word a query word outside the vocabulary stands for, or null for
   *     none: a model trained with phrases answers {@code "New York"} as {@code new_york}. Tried
   *     before the n-grams
   */
  public SubwordQueries(WordVectors vectors, boolean useNgrams, UnaryOperator<String> spelling) {
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.useNgrams = useNgrams && vectors.subwords().isPresent();
    this.spelling = Objects.requireNonNull(spelling, "spelling");
  }

  /**
   * One word of a query: a word of the vocabulary ({@code id >= 0}, {@code raw} null), or a word
   * outside it with its n-gram vector ({@code id} -1).
   *
   * @param word the word as asked (which may be spelled unlike its row's word: a phrase asked as
   *     {@code "New York"}, a word found through the case fallback)
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
      int id = id(vocabulary, word, false);
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

  /**
   * One token of a text: its term, or null when it has no vector (outside the vocabulary, and no
   * n-grams to answer it). Unlike {@link #resolve}, never throws for an unknown word.
   *
   * @param caseFallback whether the vocabulary is also tried in lower case, then Title case ({@link
   *     Vocabulary#idWithCaseFallback}) before the n-grams
   */
  public Term lookup(String token, boolean caseFallback) {
    int id = id(vectors.vocabulary(), token, caseFallback);
    if (id >= 0) {
      return new Term(token, id, null);
    }
    float[] raw = useNgrams ? vectors.ngramVector(token).orElse(null) : null;
    return raw == null ? null : new Term(token, -1, raw);
  }

  /** The row of a word: as spelled (or through the case fallback), else the phrase it names. */
  private int id(Vocabulary vocabulary, String word, boolean caseFallback) {
    int id = caseFallback ? vocabulary.idWithCaseFallback(word) : vocabulary.id(word);
    if (id < 0) {
      String phrase = spelling.apply(word);
      if (phrase != null) {
        id = vocabulary.id(phrase);
      }
    }
    return id;
  }

  /** A copy of a term's vector, raw or unit-length. */
  public float[] vector(Term term, boolean normalized) {
    if (!term.oov()) {
      // by id: a token found through the case fallback is spelled unlike its row's word
      float[] out = new float[vectors.dimension()];
      if (normalized) {
        vectors.unitRow(term.id(), out, 0);
      } else {
        vectors.rawRow(term.id(), out, 0);
      }
      return out;
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
   * Cosine distances, {@code 1 - cos}, from a vector to each term ({@link WordVectors#distances}).
   *
   * @param from {@link WordVectors#dimension()} finite values, not modified
   * @throws IllegalArgumentException on a dimension mismatch or a non-finite value
   */
  public float[] distances(float[] from, List<Term> others) {
    if (others.stream().noneMatch(Term::oov)) {
      return vectors.distances(from, ids(others));
    }
    float[] out = new float[others.size()];
    int[] known = others.stream().filter(t -> !t.oov()).mapToInt(Term::id).toArray();
    float[] knownDistances = vectors.distances(from, known);
    float[] unitFrom = from.clone();
    UnitRows.toUnitLength(unitFrom, 0, unitFrom.length);
    for (int i = 0, k = 0; i < out.length; i++) {
      Term other = others.get(i);
      out[i] =
          other.oov() ? 1f - VectorMath.dot(unitFrom, vector(other, true)) : knownDistances[k++];
    }
    return out;
  }

  /**
   * The words closer to {@code word} than {@code other} is ({@link WordVectors#closerThan(int,
   * int)}), in id order; {@code word} itself is left out. Either may be outside the vocabulary: the
   * rank then says where {@code other} would stand among {@code word}'s neighbours.
   */
  public int[] closerThan(Term word, Term other) {
    if (!word.oov() && !other.oov()) {
      return vectors.closerThan(word.id(), other.id());
    }
    return vectors.closerThan(vector(word, true), vector(other, true), word.id());
  }

  /** The odd one out of the terms ({@link WordVectors#doesntMatch}). */
  public String doesntMatch(List<Term> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("doesntMatch needs at least one word, got none");
    }
    // the same arithmetic as WordVectors.doesntMatch, over rows found by id: a term's word may be
    // spelled unlike its row's (a phrase asked as "New York")
    List<String> words = terms.stream().map(Term::word).toList();
    float[][] unitRows = new float[terms.size()][];
    for (int i = 0; i < unitRows.length; i++) {
      unitRows[i] = vector(terms.get(i), true);
    }
    return WordVectors.oddOneOut(words, unitRows);
  }

  /**
   * Cosine similarity of the means of two term sets' raw vectors ({@link WordVectors#nSimilarity}).
   *
   * @throws IllegalArgumentException if either set is empty
   */
  public float nSimilarity(List<Term> a, List<Term> b) {
    if (a.isEmpty() || b.isEmpty()) {
      throw new IllegalArgumentException(
          "nSimilarity needs two non-empty word lists, got " + a.size() + " and " + b.size());
    }
    // the same arithmetic as WordVectors.nSimilarity, over rows found by id
    float[] meanA = rawSum(a);
    float[] meanB = rawSum(b);
    UnitRows.toUnitLength(meanA, 0, meanA.length);
    UnitRows.toUnitLength(meanB, 0, meanB.length);
    return VectorMath.dot(meanA, meanB);
  }

  private float[] rawSum(List<Term> terms) {
    int dim = vectors.dimension();
    float[] sum = new float[dim];
    for (Term term : terms) {
      VectorMath.axpy(1f, vector(term, false), 0, sum, 0, dim);
    }
    return sum;
  }

  /** How many distinct words the terms hold ({@link WordMoversDistance#distinctWords}). */
  public static int distinctWords(List<Term> terms) {
    return bag(terms).size();
  }

  /**
   * The word mover's distance between two texts given as their terms, repeats counting ({@link
   * WordMoversDistance#distance}); terms outside the vocabulary take part by their n-gram vectors.
   *
   * @throws IllegalArgumentException if a text has no terms
   */
  public double wordMoversDistance(List<Term> a, List<Term> b) {
    if (a.isEmpty() || b.isEmpty()) {
      throw new IllegalArgumentException("both texts need at least one known word");
    }
    if (a.stream().noneMatch(Term::oov) && b.stream().noneMatch(Term::oov)) {
      return WordMoversDistance.distance(vectors, ids(a), ids(b));
    }
    Map<Object, BagEntry> bagA = bag(a);
    Map<Object, BagEntry> bagB = bag(b);
    return WordMoversDistance.distance(
        unitRows(bagA), counts(bagA), unitRows(bagB), counts(bagB), vectors.dimension());
  }

  /** A distinct word of a text: one of its terms and how often it occurs. */
  private static final class BagEntry {
    final Term term;
    int count;

    BagEntry(Term term) {
      this.term = term;
    }
  }

  /** The distinct words, in order of first appearance: a known word by id, another by spelling. */
  private static Map<Object, BagEntry> bag(List<Term> terms) {
    Map<Object, BagEntry> bag = new LinkedHashMap<>();
    for (Term term : terms) {
      Object key = term.oov() ? term.word() : (Object) term.id();
      bag.computeIfAbsent(key, k -> new BagEntry(term)).count++;
    }
    return bag;
  }

  private float[] unitRows(Map<Object, BagEntry> bag) {
    int dim = vectors.dimension();
    float[] rows = new float[bag.size() * dim];
    int i = 0;
    for (BagEntry entry : bag.values()) {
      System.arraycopy(vector(entry.term, true), 0, rows, i++ * dim, dim);
    }
    return rows;
  }

  private static int[] counts(Map<Object, BagEntry> bag) {
    return bag.values().stream().mapToInt(e -> e.count).toArray();
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

  /** The rows of terms that are all in the vocabulary. */
  public static int[] ids(List<Term> terms) {
    return terms.stream().mapToInt(Term::id).toArray();
  }
}
