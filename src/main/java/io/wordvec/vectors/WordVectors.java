package io.wordvec.vectors;

import io.wordvec.vectors.internal.ParallelRows;
import io.wordvec.vectors.internal.ScanRows;
import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, queryable set of word vectors: the vocabulary, and the rows in one of two storages.
 * Vectors trained or read into memory keep on the heap the raw rows as one flat row-major {@code
 * float[]} (row = word id) and a unit-normalised copy made once at construction, so that no query
 * pays for it. Vectors {@linkplain #mapped mapped} from a model file read the unit rows, their
 * norms and their 8-bit codes from the file, as they were written there: the heap holds only the
 * vocabulary and one float or two per word, and raw rows are unit rows times their norm (to float
 * rounding). Callers read rows through {@link #unitRow}, {@link #rawRow} and their bulk forms,
 * whichever the storage.
 *
 * <p>Neighbour queries ({@link #mostSimilar}, {@link #mostSimilarCosMul}, {@link #analogy}, {@link
 * #similarByVector}) go through a {@link NeighborSearch}: by default the {@linkplain #exactSearch()
 * exact} one, which scores every row of the searched range; {@link #withSearch} gives the same
 * vectors with another search, such as an approximate index. Each of these queries also comes with
 * a {@link SearchOptions} argument, which can ask for the exact scan whatever the model's search or
 * set an index's effort, and then answers a {@link NeighborList} that names the search that
 * answered. Models of at least 2^18 floats also keep an 8-bit copy of the unit rows (a quarter of
 * the float matrix): exact scans read that, then rescore on the float rows only the few rows whose
 * score bound can reach the top k, so the answers are bit-identical to a full float scan at about a
 * quarter of the memory traffic, and the same on either storage. Large scans are split across a
 * shared pool of daemon threads (one per core); nothing the size of the vocabulary is kept per
 * thread once a query returns.
 *
 * <p>Thread-safe: nothing is mutated after construction. A heap raw array is owned by this object
 * (and possibly shared with the {@code TrainedModel} it came from); callers must not write to it.
 *
 * <p>Why this class is long: it is the engine's one facade over the row storages and the kernels of
 * {@code vectors.internal} (an architecture test allows no other way in), and gensim's {@code
 * KeyedVectors} API it mirrors is broad: each public query keeps its argument checks here, next to
 * the storage it reads, and delegates the work to the kernels.
 */
public final class WordVectors {

  private final Vocabulary vocabulary;
  private final int dimension;
  private final RowStorage rows;

  /** The full scan over these vectors, whichever search answers queries. */
  private final NeighborSearch exact;

  /** The search that answers neighbour queries: {@link #exact} unless replaced. */
  private final NeighborSearch search;

  /** A subword model's n-gram rows, which give words outside the vocabulary a vector; or null. */
  private final NgramVectors subwords;

  /**
   * Rows copied and normalised at a time by {@link #fromRows}: about 64 KB, so they stay in cache.
   */
  private static final int BLOCK_FLOATS = 1 << 14;

  /** Rows compared with their codes and checked for unit length when stored rows are taken. */
  private static final int CHECKED_ROWS = 64;

  /**
   * As {@link #CHECKED_ROWS}, for a mapped file: each row read there faults in the pages around it
   * too (the kernel reads ahead, megabytes on some disks), which a load should not pay for much.
   */
  private static final int CHECKED_MAPPED_ROWS = 16;

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
    int count = vocabulary.size();
    float[] unit = new float[vectors.length];
    float[] norms = new float[count];
    QuantizedRows codes = quantize ? QuantizedRows.allocate(count, dimension) : null;
    ParallelRows.forRanges(
        count,
        dimension,
        (from, to) -> toUnitRows(vectors, unit, norms, codes, from, to, dimension));
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.rows = new HeapRows(vectors, unit, norms, codes, dimension);
    this.exact = new ExactSearch(rows);
    this.search = exact;
    this.subwords = null;
  }

  private WordVectors(
      Vocabulary vocabulary,
      int dimension,
      RowStorage rows,
      NeighborSearch exact,
      NeighborSearch search,
      NgramVectors subwords) {
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.rows = rows;
    this.exact = exact;
    this.search = search;
    this.subwords = subwords;
  }

  private WordVectors(Vocabulary vocabulary, int dimension, RowStorage rows) {
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.rows = rows;
    this.exact = new ExactSearch(rows);
    this.search = exact;
    this.subwords = null;
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
    int count = vocabulary.size();
    checkShape(vocabulary, dimension, (long) count * Math.max(dimension, 0));
    float[][] matrices = ParallelRows.newMatrixPair(count * dimension);
    return fromRows(vocabulary, dimension, source, stored, matrices[0], matrices[1]);
  }

  /**
   * As {@link #fromRows(Vocabulary, int, RowSource, QuantizedRows)}, copying the raw rows into
   * {@code raw}, which the vectors then keep (for a caller that shares it, as a trained model read
   * from the same file does).
   *
   * @param raw {@code vocabulary.size() * dimension} floats, overwritten
   */
  public static WordVectors fromRows(
      Vocabulary vocabulary, int dimension, RowSource source, QuantizedRows stored, float[] raw) {
    checkShape(vocabulary, dimension, raw.length);
    return fromRows(vocabulary, dimension, source, stored, raw, new float[raw.length]);
  }

  private static WordVectors fromRows(
      Vocabulary vocabulary,
      int dimension,
      RowSource source,
      QuantizedRows stored,
      float[] raw,
      float[] unit) {
    int count = vocabulary.size();
    checkStoredShape(stored, count, dimension);
    float[] norms = new float[count];
    QuantizedRows computed =
        stored == null && QuantizedRows.worthwhile(count, dimension)
            ? QuantizedRows.allocate(count, dimension)
            : null;
    int blockRows = Math.max(1, BLOCK_FLOATS / dimension);
    ParallelRows.forRanges(
        count,
        dimension,
        (from, to) -> {
          for (int block = from; block < to; block += blockRows) {
            int end = Math.min(to, block + blockRows);
            source.copyRows(block, end - block, raw, block * dimension);
            toUnitRows(raw, unit, norms, computed, block, end, dimension);
          }
        });
    if (stored != null) {
      stored.checkMatches(unit);
    }
    QuantizedRows codes = stored != null ? stored : computed;
    return new WordVectors(vocabulary, dimension, new HeapRows(raw, unit, norms, codes, dimension));
  }

  /**
   * Word vectors from rows already normalised and coded elsewhere (a model file read whole): the
   * unit rows, their norms and the 8-bit rows are taken as they are, not computed again, and the
   * raw rows are made from them (unit row x norm) into {@code raw}. Evenly spaced rows are checked:
   * unit length, finite values, codes that match.
   *
   * @param raw {@code vocabulary.size() * dimension} floats, overwritten and kept as the raw rows
   * @param unit the unit rows, {@code vocabulary.size() * dimension} floats, not copied
   * @param norms one norm per row, not copied
   * @param stored their 8-bit rows, or null
   * @throws IllegalArgumentException on a shape mismatch or rows that fail the checks
   */
  public static WordVectors fromStoredRows(
      Vocabulary vocabulary,
      int dimension,
      float[] raw,
      float[] unit,
      float[] norms,
      QuantizedRows stored) {
    int count = vocabulary.size();
    checkShape(vocabulary, dimension, unit.length);
    checkShape(vocabulary, dimension, raw.length);
    if (norms.length != count) {
      throw new IllegalArgumentException(norms.length + " norms for " + count + " rows");
    }
    checkStoredShape(stored, count, dimension);
    checkNorms(norms);
    ParallelRows.forRanges(
        count,
        dimension,
        (from, to) -> {
          for (int r = from; r < to; r++) {
            scaledCopy(unit, raw, r * dimension, dimension, norms[r]);
          }
        });
    RowStorage rows = new HeapRows(raw, unit, norms, stored, dimension);
    checkSample(rows, stored == null ? null : stored::checkRow, CHECKED_ROWS);
    return new WordVectors(vocabulary, dimension, rows);
  }

  /**
   * Word vectors served from a mapped model file: the unit rows and the 8-bit rows are read from
   * the mapping when queries need them, never copied whole into the heap, which keeps only the
   * norms and the 8-bit scales (8 bytes a word) besides the vocabulary. Loading costs the mapping
   * and reading those two arrays, whatever the size of the vectors. Evenly spaced rows are checked
   * (unit length, finite values, codes that match); the rest is the file's checksum's job.
   *
   * @param vocabulary the words, id = row; may be fewer than the file holds (a prefix is served)
   * @param bytes the mapped region
   * @param layout where the rows are in it
   * @throws IllegalArgumentException if the sections do not fit in the region, or rows fail the
   *     checks
   */
  public static WordVectors mapped(
      Vocabulary vocabulary, int dimension, MappedBytes bytes, MappedLayout layout) {
    checkShape(vocabulary, dimension, (long) vocabulary.size() * Math.max(dimension, 0));
    MappedRows rows = new MappedRows(bytes, layout, vocabulary.size(), dimension);
    checkNorms(rows.scales() == null ? new float[0] : rows.scales());
    for (int r = 0; r < rows.rows(); r++) {
      float norm = rows.norm(r);
      if (!(norm >= 0) || !Float.isFinite(norm)) {
        throw new IllegalArgumentException("bad norm " + norm + " for row " + r);
      }
    }
    byte[] block = new byte[QuantizedRows.BLOCK_ROWS * dimension];
    checkSample(
        rows,
        rows.hasCodes()
            ? (unit, r) -> {
              rows.codes(
                  (long) (r / QuantizedRows.BLOCK_ROWS) * block.length, block, 0, block.length);
              QuantizedRows.checkRow(
                  unit, 0, block, r % QuantizedRows.BLOCK_ROWS, rows.scales()[r], dimension, r);
            }
            : null,
        CHECKED_MAPPED_ROWS);
    return new WordVectors(vocabulary, dimension, rows);
  }

  private static void checkStoredShape(QuantizedRows stored, int count, int dimension) {
    if (stored != null && (stored.rows() != count || stored.dimension() != dimension)) {
      throw new IllegalArgumentException(
          "the stored 8-bit rows are "
              + stored.rows()
              + " x "
              + stored.dimension()
              + ", the vectors "
              + count
              + " x "
              + dimension);
    }
  }

  private static void checkNorms(float[] values) {
    for (int r = 0; r < values.length; r++) {
      if (!(values[r] >= 0) || !Float.isFinite(values[r])) {
        throw new IllegalArgumentException("bad norm or scale " + values[r] + " for row " + r);
      }
    }
  }

  /** Checks a row's codes against its unit row (given at offset 0). */
  private interface CodeCheck {
    void check(float[] unit, int row);
  }

  /**
   * Checks evenly spaced rows and the last: finite values, unit length (or all zeros, with norm 0)
   * and, with {@code codes}, 8-bit codes within the error bound the scan relies on. Rows stored by
   * another program, or sections swapped, would make answers wrong without any other symptom.
   *
   * @throws IllegalArgumentException naming the first row that fails
   */
  private static void checkSample(RowStorage rows, CodeCheck codes, int sample) {
    int count = rows.rows();
    int dim = rows.dimension();
    float[] unit = new float[dim];
    int step = Math.max(1, count / sample);
    for (int r = 0; r < count; r = r == count - 1 ? count : Math.min(count - 1, r + step)) {
      rows.unitRows(r, 1, unit, 0);
      double sum = 0;
      for (int j = 0; j < dim; j++) {
        if (!Float.isFinite(unit[j])) {
          throw new NonFiniteVectorException(r, j, unit[j]);
        }
        sum += (double) unit[j] * unit[j];
      }
      boolean zero = sum == 0 && rows.norm(r) == 0;
      if (!zero && Math.abs(sum - 1) > 1e-4) {
        throw new IllegalArgumentException(
            "row " + r + " is not unit-normalised (squared length " + sum + ")");
      }
      if (codes != null) {
        codes.check(unit, r);
      }
    }
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
   * their norms into {@code norms}, and their 8-bit codes when {@code codes} is not null.
   *
   * @throws NonFiniteVectorException on a NaN or infinite value
   */
  private static void toUnitRows(
      float[] vectors,
      float[] unit,
      float[] norms,
      QuantizedRows codes,
      int from,
      int to,
      int dim) {
    for (int r = from; r < to; r++) {
      int off = r * dim;
      norms[r] = UnitRows.normalize(vectors, off, unit, off, dim, r);
      if (codes != null) {
        codes.quantizeRow(unit, r);
      }
    }
  }

  /**
   * {@code dst[off..off+len) = src[off..off+len) * alpha}, in a method of its own (see {@link
   * UnitRows}).
   */
  private static void scaledCopy(float[] src, float[] dst, int off, int len, float alpha) {
    for (int j = off; j < off + len; j++) {
      dst[j] = src[j] * alpha;
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

  /**
   * Copies the unit-normalised row of word {@code id} into {@code dst[dstOffset .. dstOffset +
   * dimension())}: the row that cosine scores and neighbour searches use. Allocates nothing, and is
   * safe to call from many threads at once, whether the rows are on the heap or mapped from a file.
   *
   * @throws IndexOutOfBoundsException if {@code id} is not a row, or {@code dst} is too short
   */
  public void unitRow(int id, float[] dst, int dstOffset) {
    unitRows(id, 1, dst, dstOffset);
  }

  /**
   * Copies the unit-normalised rows {@code [first, first + count)}, row after row, into {@code dst}
   * from {@code dstOffset}: the bulk form of {@link #unitRow}, for passes over many rows (building
   * an index). Thread-safe and allocation-free.
   *
   * @throws IndexOutOfBoundsException if the rows are not all in the model, or {@code dst} is too
   *     short
   */
  public void unitRows(int first, int count, float[] dst, int dstOffset) {
    Objects.checkFromIndexSize(first, count, size());
    Objects.checkFromIndexSize(dstOffset, (long) count * dimension, dst.length);
    rows.unitRows(first, count, dst, dstOffset);
  }

  /**
   * A new scorer of these vectors' unit rows one row at a time, for code that visits rows in no
   * order (a graph index): heap rows are read in place, mapped rows are copied into the scorer's
   * scratch first. Its scores are the exact scan's, bit for bit. One per thread unless {@link
   * RowDots#isShareable()}.
   */
  public RowDots rowDots() {
    return RowDots.of(rows);
  }

  /**
   * Copies the raw (not normalised) row of word {@code id} into {@code dst[dstOffset .. dstOffset +
   * dimension())}. For mapped vectors it is the unit row times its {@linkplain #norm norm}, equal
   * to the row that was saved to float rounding. Thread-safe and allocation-free.
   *
   * @throws IndexOutOfBoundsException if {@code id} is not a row, or {@code dst} is too short
   */
  public void rawRow(int id, float[] dst, int dstOffset) {
    rawRows(id, 1, dst, dstOffset);
  }

  /**
   * Copies the raw rows {@code [first, first + count)} into {@code dst} from {@code dstOffset}; see
   * {@link #rawRow}. Thread-safe and allocation-free.
   *
   * @throws IndexOutOfBoundsException if the rows are not all in the model, or {@code dst} is too
   *     short
   */
  public void rawRows(int first, int count, float[] dst, int dstOffset) {
    Objects.checkFromIndexSize(first, count, size());
    Objects.checkFromIndexSize(dstOffset, (long) count * dimension, dst.length);
    rows.rawRows(first, count, dst, dstOffset);
  }

  /**
   * The Euclidean norm of word {@code id}'s raw row: its unit row times this is its raw row.
   *
   * @throws IndexOutOfBoundsException if {@code id} is not a row
   */
  public float norm(int id) {
    Objects.checkIndex(id, size());
    return rows.norm(id);
  }

  /** Cosine similarity of two words given by id (the dot product of their unit rows). */
  public float similarity(int idA, int idB) {
    return VectorMath.dot(unit(idA), unit(idB));
  }

  /**
   * Whether the rows are read from a memory-mapped model file ({@link #mapped}) rather than held in
   * the heap.
   */
  public boolean isMapped() {
    return rows.mapped();
  }

  /**
   * The heap these vectors take, in bytes, roughly: the vocabulary and the rows held in the heap (a
   * mapped file's rows take none; the page cache holds them), and a subword model's n-gram rows
   * when they are in the heap.
   */
  public long heapBytes() {
    return vocabulary.heapBytes()
        + rows.heapBytes()
        + (subwords == null ? 0 : subwords.heapBytes());
  }

  /**
   * Whether these vectors' raw rows are {@code matrix} itself (heap vectors made from that array,
   * as a trained model's are), not a copy.
   */
  public boolean rawRowsAre(float[] matrix) {
    return rows instanceof HeapRows heap && heap.raw() == matrix;
  }

  /**
   * The 8-bit copy of the unit rows that neighbour scans search first, when it is held in the heap:
   * present for heap vectors big enough to use one ({@link QuantizedRows#worthwhile}), empty for
   * mapped vectors (whose 8-bit rows stay in the file). Shared: do not modify.
   */
  public Optional<QuantizedRows> quantizedRows() {
    return rows instanceof HeapRows heap ? Optional.ofNullable(heap.quantized()) : Optional.empty();
  }

  /** Whether neighbour scans have 8-bit rows to search first, in the heap or in a mapped file. */
  public boolean hasQuantizedRows() {
    return rows.hasCodes();
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
   * one's vocabulary and rows (nothing is copied) and differs only in its search. This object is
   * unchanged.
   *
   * @param search a search made for these vectors (the same rows, in the same order)
   */
  public WordVectors withSearch(NeighborSearch search) {
    Objects.requireNonNull(search, "search");
    return new WordVectors(vocabulary, dimension, rows, exact, search, subwords);
  }

  /**
   * These vectors with a subword model's n-gram rows, which give a vector to words outside the
   * vocabulary ({@link #ngramVector}): a new object sharing this one's vocabulary, rows and search.
   * The rows of the vocabulary's words must already be the vectors the subword model serves for
   * them (each word's own row averaged with its n-grams' rows, {@link NgramVectors#compose}).
   *
   * @param subwords rows of this dimension, or null for none
   * @throws IllegalArgumentException on a dimension mismatch
   */
  public WordVectors withSubwords(NgramVectors subwords) {
    if (subwords != null && subwords.dimension() != dimension) {
      throw new IllegalArgumentException(
          "n-gram rows of dimension " + subwords.dimension() + " for vectors of " + dimension);
    }
    return new WordVectors(vocabulary, dimension, rows, exact, search, subwords);
  }

  /** A subword model's n-gram rows, when these vectors have them. */
  public Optional<NgramVectors> subwords() {
    return Optional.ofNullable(subwords);
  }

  /**
   * The vector of a word outside the vocabulary, from its character n-grams (fastText's vector for
   * an unknown word): present only for a subword model and a word long enough to have n-grams. Raw,
   * not normalised. A word in the vocabulary gets its n-gram vector too, which is not the vector
   * the model serves for it ({@link #vector}).
   */
  public Optional<float[]> ngramVector(String word) {
    return subwords == null ? Optional.empty() : Optional.ofNullable(subwords.vector(word));
  }

  /** Whether {@code other} reads the very same rows as this (one shares the other's storage). */
  public boolean sharesRowsWith(WordVectors other) {
    return rows == other.rows;
  }

  /** A new copy of unit row {@code id}. */
  private float[] unit(int id) {
    float[] row = new float[dimension];
    rows.unitRows(id, 1, row, 0);
    return row;
  }

  /**
   * A copy of one word's vector.
   *
   * @throws UnknownWordsException if the word is not in the vocabulary
   */
  public float[] vector(String word, boolean normalizedVector) {
    int id = requireIds(List.of(word))[0];
    float[] out = new float[dimension];
    if (normalizedVector) {
      rows.unitRows(id, 1, out, 0);
    } else {
      rows.rawRows(id, 1, out, 0);
    }
    return out;
  }

  /** Cosine similarity of two words. */
  public float similarity(String a, String b) {
    int[] ids = requireIds(List.of(a, b));
    return VectorMath.dot(unit(ids[0]), unit(ids[1]));
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
    float[] row = new float[dimension];
    for (int id : positiveIds) {
      rows.unitRows(id, 1, row, 0);
      VectorMath.axpyUnchecked(1f, row, 0, query, 0, dimension);
    }
    for (int id : negativeIds) {
      rows.unitRows(id, 1, row, 0);
      VectorMath.axpyUnchecked(-1f, row, 0, query, 0, dimension);
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
    float[][] unitRows = new float[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      unitRows[i] = unit(ids[i]);
    }
    return oddOneOut(words, unitRows);
  }

  /**
   * The word of {@code words} whose unit vector has the lowest cosine with the normalised mean of
   * all of them ({@link #doesntMatch}); on a tie the lexicographically smallest.
   *
   * @param unitRows one unit vector per word, not modified
   */
  static String oddOneOut(List<String> words, float[][] unitRows) {
    int dim = unitRows[0].length;
    float[] mean = new float[dim];
    for (float[] row : unitRows) {
      VectorMath.axpyUnchecked(1f, row, 0, mean, 0, dim);
    }
    normalizeInPlace(mean);
    String worst = null;
    float worstScore = Float.POSITIVE_INFINITY;
    for (int i = 0; i < unitRows.length; i++) {
      float score = VectorMath.dotUnchecked(unitRows[i], 0, mean, 0, dim);
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
    float[] row = new float[dimension];
    for (int i = 0; i < ids.length; i++) {
      float[] target = i < a.size() ? meanA : meanB;
      rows.rawRows(ids[i], 1, row, 0);
      VectorMath.axpyUnchecked(1f, row, 0, target, 0, dimension);
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
    float[] query = unitQuery(vector);
    return toNeighbors(
        searchFor(options).nearest(query, topn, restrictVocab, new int[0], options), topn);
  }

  /**
   * Cosine distances, {@code 1 - cos}, from a vector to the rows {@code ids} (gensim's {@code
   * distances}). A zero vector is at distance 1 from everything.
   *
   * @param vector {@link #dimension()} finite values, not modified
   * @param ids word ids, each in range
   * @throws IllegalArgumentException on a dimension mismatch, a non-finite value or an id out of
   *     range
   */
  public float[] distances(float[] vector, int[] ids) {
    float[] query = unitQuery(vector);
    checkIds(ids);
    float[] out = new float[ids.length];
    float[] row = new float[dimension];
    for (int i = 0; i < ids.length; i++) {
      rows.unitRows(ids[i], 1, row, 0);
      out[i] = 1f - VectorMath.dotUnchecked(row, 0, query, 0, dimension);
    }
    return out;
  }

  /**
   * The words closer to word {@code id} than word {@code otherId} is (gensim's {@code
   * closer_than}): every row whose cosine distance to {@code id} is strictly less than {@code
   * otherId}'s, {@code id} itself left out, in id order (the order of the vocabulary, not of
   * distance). gensim's {@code rank(a, b)} is this list's length plus one.
   *
   * @throws IllegalArgumentException on an id out of range
   */
  public int[] closerThan(int id, int otherId) {
    checkIds(new int[] {id, otherId});
    float[] target = unit(id);
    // distances in float, as gensim compares them, so that near-ties fall the same way
    float threshold = 1f - VectorMath.dotUnchecked(target, 0, unit(otherId), 0, dimension);
    return closerThan(target, threshold, id);
  }

  /**
   * {@link #closerThan(int, int)} for vectors that need not be rows: every row whose cosine
   * distance to {@code target} is strictly less than {@code other}'s, in id order, row {@code
   * exclude} left out (the target's own row when it is a word of the vocabulary; -1 for none).
   *
   * @param target {@link #dimension()} finite values, not modified
   * @param other {@link #dimension()} finite values, not modified
   * @throws IllegalArgumentException on a dimension mismatch or a non-finite value
   */
  public int[] closerThan(float[] target, float[] other, int exclude) {
    float[] unitTarget = unitQuery(target);
    float threshold = 1f - VectorMath.dotUnchecked(unitTarget, 0, unitQuery(other), 0, dimension);
    return closerThan(unitTarget, threshold, exclude);
  }

  private int[] closerThan(float[] target, float threshold, int id) {
    it.unimi.dsi.fastutil.ints.IntArrayList closer = new it.unimi.dsi.fastutil.ints.IntArrayList();
    ScanRows.Reader reader = rows.reader();
    int batch = ScanRows.rowBatch(dimension);
    for (int first = 0; first < size(); first += batch) {
      int count = Math.min(batch, size() - first);
      float[] block = reader.rows(first, count);
      int off = reader.rowOffset();
      for (int i = 0; i < count; i++, off += dimension) {
        int row = first + i;
        if (row != id
            && 1f - VectorMath.dotUnchecked(target, 0, block, off, dimension) < threshold) {
          closer.add(row);
        }
      }
    }
    return closer.toIntArray();
  }

  /**
   * Bytes of heap held by this model's rows: the raw and unit-normalised floats, the norms and the
   * 8-bit copy of a heap model; only the norms and 8-bit scales of a {@linkplain #isMapped mapped}
   * one, whose rows are in the page cache (the vocabulary is not counted; see {@link #heapBytes}).
   */
  public long matrixBytes() {
    return rows.heapBytes();
  }

  /** A unit-length copy of a query vector, after checking its dimension and values. */
  private float[] unitQuery(float[] vector) {
    Objects.requireNonNull(vector, "vector");
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
    return query;
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
    float[] row = new float[dimension];
    for (int id : ids) {
      rows.unitRows(id, 1, row, 0);
      VectorMath.axpyUnchecked(1f, row, 0, mean, 0, dimension);
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
    UnitRows.toUnitLength(v, 0, v.length);
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
