package io.wordvec.vectors;

import io.wordvec.vectors.internal.ParallelRows;
import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, queryable set of word vectors: the vocabulary, the raw vectors as one flat
 * row-major {@code float[]} (row = word id), and a unit-normalised copy made once at construction
 * so that no query pays for it (and memory does not double at an unpredictable moment).
 *
 * <p>Neighbour queries ({@link #mostSimilar}, {@link #mostSimilarCosMul}, {@link #analogy}, {@link
 * #similarByVector}) go through a {@link NeighborSearch}: by default the {@linkplain #exactSearch()
 * exact} one, which scores every row of the searched range; {@link #withSearch} gives the same
 * vectors with another search, such as an approximate index. Each of these queries also comes with
 * a {@link SearchOptions} argument, which can ask for the exact scan whatever the model's search or
 * set an index's effort, and then answers a {@link NeighborList} that names the search that
 * answered. Models of at least 2^18 floats also keep an 8-bit copy of the unit rows (a quarter of
 * the float matrix, made at construction): exact scans read that, then rescore on the float rows
 * only the few rows whose score bound can reach the top k, so the answers are bit-identical to a
 * full float scan at about a quarter of the memory traffic. Large scans are split across a shared
 * pool of daemon threads (one per core); each querying thread keeps a scratch array of one float
 * per word.
 *
 * <p>Thread-safe: nothing is mutated after construction. The raw array is owned by this object (and
 * possibly shared with the {@code TrainedModel} it came from); callers must not write to it.
 */
public final class WordVectors {

  private final Vocabulary vocabulary;
  private final int dimension;
  private final float[] vectors;
  private final float[] normalized;

  /** 8-bit copy of {@link #normalized} for fast candidate search; null for small models. */
  private final QuantizedRows quantized;

  /** The full scan over these vectors, whichever search answers queries. */
  private final NeighborSearch exact;

  /** The search that answers neighbour queries: {@link #exact} unless replaced. */
  private final NeighborSearch search;

  /**
   * Rows copied and normalised at a time by {@link #fromRows}: about 64 KB, so they stay in cache.
   */
  private static final int BLOCK_FLOATS = 1 << 14;

  /**
   * @param vocabulary the words, id = row
   * @param dimension vector size, &gt; 0
   * @param vectors {@code vocabulary.size() * dimension} floats, not copied
   * @throws IllegalArgumentException on a shape mismatch
   * @throws NonFiniteVectorException on a NaN or infinite value
   */
  public WordVectors(Vocabulary vocabulary, int dimension, float[] vectors) {
    this(vocabulary, dimension, vectors, QuantizedRows.worthwhile(vocabulary.size(), dimension));
  }

  /** As above, choosing whether to build the 8-bit candidate index (tests force both paths). */
  WordVectors(Vocabulary vocabulary, int dimension, float[] vectors, boolean quantize) {
    checkShape(vocabulary, dimension, vectors.length);
    int rows = vocabulary.size();
    float[] unit = new float[vectors.length];
    QuantizedRows codes = quantize ? QuantizedRows.allocate(rows, dimension) : null;
    ParallelRows.forRanges(
        rows, dimension, (from, to) -> toUnitRows(vectors, unit, codes, from, to, dimension));
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.vectors = vectors;
    this.normalized = unit;
    this.quantized = codes;
    this.exact = new ExactSearch(unit, codes, dimension);
    this.search = exact;
  }

  private WordVectors(
      Vocabulary vocabulary,
      int dimension,
      float[] vectors,
      float[] normalized,
      QuantizedRows quantized,
      NeighborSearch exact,
      NeighborSearch search) {
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.vectors = vectors;
    this.normalized = normalized;
    this.quantized = quantized;
    this.exact = exact;
    this.search = search;
  }

  /**
   * Builds word vectors from rows read elsewhere (a model file), in one parallel pass: each block
   * of rows is copied into the raw matrix and normalised (and coded to 8 bits) while it is still in
   * cache, instead of one pass over memory per matrix.
   *
   * @param vocabulary the words, id = row
   * @param dimension vector size, &gt; 0
   * @param source the raw rows {@code 0 .. vocabulary.size() - 1}
   * @param stored the 8-bit rows saved with the vectors, or null to compute them when the model is
   *     big enough to use them; a sample of stored rows is checked against the vectors
   * @throws NonFiniteVectorException on a NaN or infinite value
   * @throws IllegalArgumentException on a bad dimension, or stored rows of another shape or that do
   *     not match the vectors
   */
  public static WordVectors fromRows(
      Vocabulary vocabulary, int dimension, RowSource source, QuantizedRows stored) {
    int rows = vocabulary.size();
    checkShape(vocabulary, dimension, (long) rows * Math.max(dimension, 0));
    if (stored != null && (stored.rows() != rows || stored.dimension() != dimension)) {
      throw new IllegalArgumentException(
          "the stored 8-bit rows are "
              + stored.rows()
              + " x "
              + stored.dimension()
              + ", the vectors "
              + rows
              + " x "
              + dimension);
    }
    float[][] matrices = ParallelRows.newMatrixPair(rows * dimension);
    float[] raw = matrices[0];
    float[] unit = matrices[1];
    QuantizedRows computed =
        stored == null && QuantizedRows.worthwhile(rows, dimension)
            ? QuantizedRows.allocate(rows, dimension)
            : null;
    int blockRows = Math.max(1, BLOCK_FLOATS / dimension);
    ParallelRows.forRanges(
        rows,
        dimension,
        (from, to) -> {
          for (int block = from; block < to; block += blockRows) {
            int end = Math.min(to, block + blockRows);
            source.copyRows(block, end - block, raw, block * dimension);
            toUnitRows(raw, unit, computed, block, end, dimension);
          }
        });
    if (stored != null) {
      stored.checkMatches(unit);
    }
    QuantizedRows codes = stored != null ? stored : computed;
    ExactSearch exact = new ExactSearch(unit, codes, dimension);
    return new WordVectors(vocabulary, dimension, raw, unit, codes, exact, exact);
  }

  private static void checkShape(Vocabulary vocabulary, int dimension, long floats) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
    }
    long expected = (long) vocabulary.size() * dimension;
    if (floats != expected) {
      throw new IllegalArgumentException(
          "expected "
              + vocabulary.size()
              + " x "
              + dimension
              + " = "
              + expected
              + " floats, got "
              + floats);
    }
    if (expected > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          vocabulary.size() + " x " + dimension + " floats is more than one array can hold");
    }
  }

  /**
   * Writes the unit-length copy of rows {@code [from, to)} of {@code vectors} into {@code unit},
   * and their 8-bit codes when {@code codes} is not null.
   *
   * @throws NonFiniteVectorException on a NaN or infinite value
   */
  private static void toUnitRows(
      float[] vectors, float[] unit, QuantizedRows codes, int from, int to, int dim) {
    for (int r = from; r < to; r++) {
      int off = r * dim;
      float norm = (float) Math.sqrt(VectorMath.plainSumOfSquares(vectors, off, dim));
      float inverse = 1f / norm;
      if (norm > 0 && Float.isFinite(norm) && Float.isFinite(inverse)) {
        // The common case: copy and scale in one pass over the row.
        scaledCopy(vectors, unit, off, dim, inverse);
      } else {
        for (int j = 0; j < dim; j++) {
          float v = vectors[off + j];
          if (!Float.isFinite(v)) {
            throw new NonFiniteVectorException(r, j, v);
          }
        }
        System.arraycopy(vectors, off, unit, off, dim);
        toUnitLength(unit, off, dim);
      }
      if (codes != null) {
        codes.quantizeRow(unit, r);
      }
    }
  }

  /**
   * {@code dst[off..off+len) = src[off..off+len) * alpha}. A method of its own: JDK 25's C2 left
   * this loop scalar inside the larger row loop (a model's load took 10% longer than on JDK 17),
   * and vectorises it here.
   */
  private static void scaledCopy(float[] src, float[] dst, int off, int len, float alpha) {
    for (int j = off; j < off + len; j++) {
      dst[j] = src[j] * alpha;
    }
  }

  /**
   * Scales a row to unit length; a zero row stays zero (as gensim's {@code unitvec}). Rows whose
   * float norm overflows or whose inverse does (huge or subnormal values) are scaled in double.
   */
  private static void toUnitLength(float[] x, int off, int dim) {
    float norm = VectorMath.norm(x, off, dim);
    float inverse = 1f / norm;
    if (norm > 0 && Float.isFinite(norm) && Float.isFinite(inverse)) {
      VectorMath.scale(inverse, x, off, dim);
      return;
    }
    double sum = 0;
    for (int j = 0; j < dim; j++) {
      sum += (double) x[off + j] * x[off + j];
    }
    if (sum == 0) {
      // Squares may underflow even in double: fall back to the largest magnitude.
      double max = 0;
      for (int j = 0; j < dim; j++) {
        max = Math.max(max, Math.abs((double) x[off + j]));
      }
      if (max == 0) {
        return;
      }
      for (int j = 0; j < dim; j++) {
        double v = x[off + j] / max;
        sum += v * v;
      }
      double scale = 1 / (max * Math.sqrt(sum));
      for (int j = 0; j < dim; j++) {
        x[off + j] = (float) (x[off + j] * scale);
      }
      return;
    }
    double length = Math.sqrt(sum);
    for (int j = 0; j < dim; j++) {
      x[off + j] = (float) (x[off + j] / length);
    }
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public int dimension() {
    return dimension;
  }

  public int size() {
    return vocabulary.size();
  }

  /** The raw matrix, shared: do not modify. */
  public float[] rawVectors() {
    return vectors;
  }

  /** The unit-normalised matrix, shared: do not modify. */
  public float[] normalizedVectors() {
    return normalized;
  }

  /**
   * The 8-bit copy of the unit rows that neighbour scans search first, present for models big
   * enough to use one ({@link QuantizedRows#worthwhile}); shared: do not modify.
   */
  public Optional<QuantizedRows> quantizedRows() {
    return Optional.ofNullable(quantized);
  }

  /**
   * The search that answers this object's neighbour queries: {@link #exactSearch()} unless another
   * was put in place with {@link #withSearch}.
   */
  public NeighborSearch search() {
    return search;
  }

  /**
   * The exact search over these vectors, which scores every row: the default {@link #search()}, and
   * the reference an approximate one is measured against.
   */
  public NeighborSearch exactSearch() {
    return exact;
  }

  /**
   * These vectors answering neighbour queries with {@code search}: a new object that shares this
   * one's vocabulary and arrays (nothing is copied) and differs only in its search. This object is
   * unchanged.
   *
   * @param search a search made for these vectors (the same rows, in the same order)
   */
  public WordVectors withSearch(NeighborSearch search) {
    Objects.requireNonNull(search, "search");
    return new WordVectors(vocabulary, dimension, vectors, normalized, quantized, exact, search);
  }

  /**
   * A copy of one word's vector.
   *
   * @throws UnknownWordsException if the word is not in the vocabulary
   */
  public float[] vector(String word, boolean normalizedVector) {
    int id = requireIds(List.of(word))[0];
    float[] source = normalizedVector ? normalized : vectors;
    float[] out = new float[dimension];
    System.arraycopy(source, id * dimension, out, 0, dimension);
    return out;
  }

  /** Cosine similarity of two words. */
  public float similarity(String a, String b) {
    int[] ids = requireIds(List.of(a, b));
    return VectorMath.dot(
        normalized, ids[0] * dimension, normalized, ids[1] * dimension, dimension);
  }

  /**
   * The 3CosAdd neighbours of {@code mean(positive) - mean(negative)} over the unit vectors, the
   * query words excluded (gensim's {@code most_similar}): each word's unit vector is added with
   * weight +1 (positive) or -1 (negative), the sum is normalised, and every row of the normalised
   * matrix is scored by its dot product with it, i.e. by cosine.
   *
   * @param positive words that pull towards the answer (may be empty if {@code negative} is not)
   * @param negative words that push away from it
   * @param topn how many neighbours to return, &gt; 0
   * @param restrictVocab search only the first (most frequent) N words; 0 = all
   * @return at most {@code topn} neighbours, best first; equal scores in id order
   * @throws UnknownWordsException listing every unknown word
   * @throws IllegalArgumentException if both lists are empty, {@code topn <= 0} or {@code
   *     restrictVocab < 0}
   */
  public List<Neighbor> mostSimilar(
      List<String> positive, List<String> negative, int topn, int restrictVocab) {
    return mostSimilar(positive, negative, topn, restrictVocab, SearchOptions.DEFAULT).neighbors();
  }

  /**
   * {@link #mostSimilar(List, List, int, int)} with the query's search options.
   *
   * @param options exact scan or the model's search, and its effort
   */
  public NeighborList mostSimilar(
      List<String> positive,
      List<String> negative,
      int topn,
      int restrictVocab,
      SearchOptions options) {
    Objects.requireNonNull(options, "options");
    List<String> pos = orEmpty(positive);
    List<String> neg = orEmpty(negative);
    checkTopn(topn);
    checkRestrict(restrictVocab);
    if (pos.isEmpty() && neg.isEmpty()) {
      throw new IllegalArgumentException("no query words: positive and negative are both empty");
    }
    int[] ids = requireIds(concat(pos, neg));
    return mostSimilarIds(
        Arrays.copyOfRange(ids, 0, pos.size()),
        Arrays.copyOfRange(ids, pos.size(), ids.length),
        topn,
        restrictVocab,
        options);
  }

  /**
   * {@link #mostSimilar} on word ids, for callers that resolved the words themselves (the analogy
   * evaluation maps case-folded words to ids). The query ids are excluded from the answer.
   *
   * @throws IllegalArgumentException on an id out of range, both arrays empty, {@code topn <= 0} or
   *     {@code restrictVocab < 0}
   */
  public List<Neighbor> mostSimilarIds(
      int[] positiveIds, int[] negativeIds, int topn, int restrictVocab) {
    return mostSimilarIds(positiveIds, negativeIds, topn, restrictVocab, SearchOptions.DEFAULT)
        .neighbors();
  }

  /** {@link #mostSimilarIds(int[], int[], int, int)} with the query's search options. */
  public NeighborList mostSimilarIds(
      int[] positiveIds, int[] negativeIds, int topn, int restrictVocab, SearchOptions options) {
    Objects.requireNonNull(options, "options");
    checkTopn(topn);
    checkRestrict(restrictVocab);
    if (positiveIds.length == 0 && negativeIds.length == 0) {
      throw new IllegalArgumentException("no query words: positive and negative are both empty");
    }
    checkIds(positiveIds);
    checkIds(negativeIds);
    float[] query = new float[dimension];
    for (int id : positiveIds) {
      VectorMath.axpyUnchecked(1f, normalized, id * dimension, query, 0, dimension);
    }
    for (int id : negativeIds) {
      VectorMath.axpyUnchecked(-1f, normalized, id * dimension, query, 0, dimension);
    }
    normalizeInPlace(query);
    return toNeighbors(
        searchFor(options)
            .nearest(query, topn, restrictVocab, concat(positiveIds, negativeIds), options),
        topn);
  }

  /**
   * 3CosMul neighbours (gensim's {@code most_similar_cosmul}), the query words excluded: each row
   * is scored by the product over positive words of {@code (1 + cos) / 2} divided by the product
   * over negative words of the same plus {@code 1e-6}. Unlike gensim 4.2, which ignores it here,
   * {@code restrictVocab} is honoured.
   *
   * @param positive at least one word
   * @param negative words that push away from the answer; may be empty
   * @param topn how many neighbours to return, &gt; 0
   * @param restrictVocab search only the first (most frequent) N words; 0 = all
   * @throws UnknownWordsException listing every unknown word
   * @throws IllegalArgumentException if {@code positive} is empty, {@code topn <= 0} or {@code
   *     restrictVocab < 0}
   */
  public List<Neighbor> mostSimilarCosMul(
      List<String> positive, List<String> negative, int topn, int restrictVocab) {
    return mostSimilarCosMul(positive, negative, topn, restrictVocab, SearchOptions.DEFAULT)
        .neighbors();
  }

  /**
   * {@link #mostSimilarCosMul(List, List, int, int)} with the query's search options.
   *
   * @param options exact scan or the model's search, and its effort
   */
  public NeighborList mostSimilarCosMul(
      List<String> positive,
      List<String> negative,
      int topn,
      int restrictVocab,
      SearchOptions options) {
    Objects.requireNonNull(options, "options");
    List<String> pos = orEmpty(positive);
    List<String> neg = orEmpty(negative);
    checkTopn(topn);
    checkRestrict(restrictVocab);
    if (pos.isEmpty()) {
      throw new IllegalArgumentException("3CosMul needs at least one positive word, got none");
    }
    int[] ids = requireIds(concat(pos, neg));
    return mostSimilarCosMulIds(
        Arrays.copyOfRange(ids, 0, pos.size()),
        Arrays.copyOfRange(ids, pos.size(), ids.length),
        topn,
        restrictVocab,
        options);
  }

  /** {@link #mostSimilarCosMul} on word ids; see {@link #mostSimilarIds}. */
  public List<Neighbor> mostSimilarCosMulIds(
      int[] positiveIds, int[] negativeIds, int topn, int restrictVocab) {
    return mostSimilarCosMulIds(
            positiveIds, negativeIds, topn, restrictVocab, SearchOptions.DEFAULT)
        .neighbors();
  }

  /** {@link #mostSimilarCosMulIds(int[], int[], int, int)} with the query's search options. */
  public NeighborList mostSimilarCosMulIds(
      int[] positiveIds, int[] negativeIds, int topn, int restrictVocab, SearchOptions options) {
    Objects.requireNonNull(options, "options");
    checkTopn(topn);
    checkRestrict(restrictVocab);
    if (positiveIds.length == 0) {
      throw new IllegalArgumentException("3CosMul needs at least one positive word, got none");
    }
    checkIds(positiveIds);
    checkIds(negativeIds);
    return toNeighbors(
        searchFor(options)
            .nearestCosMul(
                positiveIds,
                negativeIds,
                topn,
                restrictVocab,
                concat(positiveIds, negativeIds),
                options),
        topn);
  }

  /**
   * a is to b as c is to ?: {@code positive = [b, c], negative = [a]}, by 3CosAdd ({@link
   * #mostSimilar}) or 3CosMul ({@link #mostSimilarCosMul}), over the whole vocabulary.
   *
   * @throws UnknownWordsException listing every unknown word among a, b, c
   */
  public List<Neighbor> analogy(String a, String b, String c, int topn, AnalogyMethod method) {
    return analogy(a, b, c, topn, method, SearchOptions.DEFAULT).neighbors();
  }

  /**
   * {@link #analogy(String, String, String, int, AnalogyMethod)} with the query's search options.
   *
   * @param options exact scan or the model's search, and its effort
   */
  public NeighborList analogy(
      String a, String b, String c, int topn, AnalogyMethod method, SearchOptions options) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(options, "options");
    checkTopn(topn);
    int[] ids = requireIds(List.of(a, b, c));
    int[] positive = {ids[1], ids[2]};
    int[] negative = {ids[0]};
    return method == AnalogyMethod.COSMUL
        ? mostSimilarCosMulIds(positive, negative, topn, 0, options)
        : mostSimilarIds(positive, negative, topn, 0, options);
  }

  /**
   * The word furthest from the mean of the others (gensim's {@code doesnt_match}): the normalised
   * mean of the unit vectors is computed, and the word whose unit vector has the lowest cosine with
   * it is returned (on a tie, the lexicographically smallest, as gensim's sort does).
   *
   * @throws UnknownWordsException listing every unknown word
   * @throws IllegalArgumentException if {@code words} is empty
   */
  public String doesntMatch(List<String> words) {
    if (words == null || words.isEmpty()) {
      throw new IllegalArgumentException("doesntMatch needs at least one word, got none");
    }
    int[] ids = requireIds(words);
    float[] mean = new float[dimension];
    for (int id : ids) {
      VectorMath.axpyUnchecked(1f, normalized, id * dimension, mean, 0, dimension);
    }
    normalizeInPlace(mean);
    String worst = null;
    float worstScore = Float.POSITIVE_INFINITY;
    for (int i = 0; i < ids.length; i++) {
      float score = VectorMath.dotUnchecked(normalized, ids[i] * dimension, mean, 0, dimension);
      String word = words.get(i);
      if (score < worstScore || (score == worstScore && word.compareTo(worst) < 0)) {
        worst = word;
        worstScore = score;
      }
    }
    return worst;
  }

  /**
   * Cosine similarity of the means of two word sets (gensim's {@code n_similarity}). As in gensim,
   * the means are of the raw vectors, not of the unit vectors.
   *
   * @throws UnknownWordsException listing every unknown word of both sets, {@code a}'s first
   * @throws IllegalArgumentException if either set is empty
   */
  public float nSimilarity(List<String> a, List<String> b) {
    if (a == null || a.isEmpty() || b == null || b.isEmpty()) {
      throw new IllegalArgumentException(
          "nSimilarity needs two non-empty word lists, got "
              + (a == null ? 0 : a.size())
              + " and "
              + (b == null ? 0 : b.size())
              + " words");
    }
    int[] ids = requireIds(concat(a, b));
    float[] meanA = new float[dimension];
    float[] meanB = new float[dimension];
    for (int i = 0; i < ids.length; i++) {
      float[] target = i < a.size() ? meanA : meanB;
      VectorMath.axpyUnchecked(1f, vectors, ids[i] * dimension, target, 0, dimension);
    }
    normalizeInPlace(meanA);
    normalizeInPlace(meanB);
    return VectorMath.dot(meanA, meanB);
  }

  /**
   * Nearest words to an arbitrary vector, by cosine (gensim's {@code similar_by_vector}). No word
   * is excluded: a word's own vector finds the word first.
   *
   * @param vector {@link #dimension()} finite values, not modified
   * @param topn how many neighbours to return, &gt; 0
   * @param restrictVocab search only the first (most frequent) N words; 0 = all
   * @throws IllegalArgumentException on a dimension mismatch, a non-finite value, {@code topn <= 0}
   *     or {@code restrictVocab < 0}
   */
  public List<Neighbor> similarByVector(float[] vector, int topn, int restrictVocab) {
    return similarByVector(vector, topn, restrictVocab, SearchOptions.DEFAULT).neighbors();
  }

  /**
   * {@link #similarByVector(float[], int, int)} with the query's search options.
   *
   * @param options exact scan or the model's search, and its effort
   */
  public NeighborList similarByVector(
      float[] vector, int topn, int restrictVocab, SearchOptions options) {
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(options, "options");
    checkTopn(topn);
    checkRestrict(restrictVocab);
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "vector has " + vector.length + " dimensions, the model has " + dimension);
    }
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new IllegalArgumentException(
            "vector component " + i + " is not a finite number: " + vector[i]);
      }
    }
    float[] query = vector.clone();
    normalizeInPlace(query);
    return toNeighbors(
        searchFor(options).nearest(query, topn, restrictVocab, new int[0], options), topn);
  }

  /**
   * Mean of the unit vectors of {@code words} (gensim's {@code get_mean_vector} with its defaults:
   * normalised before averaging, not after).
   *
   * @throws UnknownWordsException listing every unknown word
   * @throws IllegalArgumentException if {@code words} is empty
   */
  public float[] meanVector(List<String> words) {
    if (words == null || words.isEmpty()) {
      throw new IllegalArgumentException("meanVector needs at least one word, got none");
    }
    int[] ids = requireIds(words);
    float[] mean = new float[dimension];
    for (int id : ids) {
      VectorMath.axpyUnchecked(1f, normalized, id * dimension, mean, 0, dimension);
    }
    VectorMath.scale(1f / ids.length, mean, 0, dimension);
    return mean;
  }

  /** The exact scan when the query asks for it, else this model's search. */
  private NeighborSearch searchFor(SearchOptions options) {
    return options.exact() ? exact : search;
  }

  /** The words of the first {@code topn} rows found, and who found them. */
  private NeighborList toNeighbors(SearchResult found, int topn) {
    int[] ids = found.ids();
    float[] scores = found.scores();
    int n = Math.min(topn, ids.length);
    List<Neighbor> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Neighbor(vocabulary.word(ids[i]), ids[i], scores[i]));
    }
    return new NeighborList(out, found.search());
  }

  private void checkIds(int[] ids) {
    for (int id : ids) {
      if (id < 0 || id >= size()) {
        throw new IllegalArgumentException(
            "word id " + id + " is out of range [0, " + size() + ")");
      }
    }
  }

  /** Scales {@code v} to unit length; a zero vector stays zero (as gensim's {@code unitvec}). */
  private static void normalizeInPlace(float[] v) {
    toUnitLength(v, 0, v.length);
  }

  private static void checkTopn(int topn) {
    if (topn <= 0) {
      throw new IllegalArgumentException("topn must be > 0, was " + topn);
    }
  }

  private static void checkRestrict(int restrictVocab) {
    if (restrictVocab < 0) {
      throw new IllegalArgumentException(
          "restrictVocab must be >= 0 (0 = whole vocabulary), was " + restrictVocab);
    }
  }

  private static List<String> orEmpty(List<String> words) {
    return words == null ? List.of() : words;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * Ids of {@code words}, in order.
   *
   * @throws UnknownWordsException listing every unknown word
   */
  public int[] requireIds(List<String> words) {
    int[] ids = new int[words.size()];
    List<String> unknown = null;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = vocabulary.id(words.get(i));
      if (ids[i] < 0) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(words.get(i));
      }
    }
    if (unknown != null) {
      throw new UnknownWordsException(unknown);
    }
    return ids;
  }
}
