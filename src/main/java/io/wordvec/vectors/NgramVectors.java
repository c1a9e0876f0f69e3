package io.wordvec.vectors;

import io.wordvec.vocab.CharNgrams;
import java.util.Objects;

/**
 * The n-gram rows of a subword model (fastText's buckets): {@code ngrams.bucket()} rows of {@code
 * dimension} floats, on the heap or in a mapped model file, and the vectors they give words. A word
 * the model never saw gets the mean of its n-grams' rows ({@link #vector}); a word it knows gets
 * the mean of its own row and its n-grams' rows ({@link #compose}), which is the vector a subword
 * model serves for it. Sums run in float in fastText's order (the word row first, then the n-grams
 * as {@link CharNgrams#buckets} lists them) and are scaled by {@code (float) (1.0 / count)}, as
 * fastText's {@code getWordVector} does, so that vectors read from a fastText model match its own.
 *
 * <p>Immutable and thread-safe: rows are only read, and each call allocates its own result.
 */
public final class NgramVectors {

  private final CharNgrams ngrams;
  private final int dimension;

  /** The rows on the heap, {@code bucket x dimension} floats, or null when {@link #mapped}. */
  private final float[] heap;

  /** The mapping that holds the rows, at {@link #offset}, or null. */
  private final MappedBytes mapped;

  private final long offset;

  private NgramVectors(
      CharNgrams ngrams, int dimension, float[] heap, MappedBytes mapped, long offset) {
    this.ngrams = Objects.requireNonNull(ngrams, "ngrams");
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
    }
    this.dimension = dimension;
    this.heap = heap;
    this.mapped = mapped;
    this.offset = offset;
  }

  /**
   * N-gram rows held in the heap.
   *
   * @param rows {@code ngrams.bucket() * dimension} floats, not copied; callers must not modify it
   * @throws IllegalArgumentException on a shape mismatch
   * @throws NonFiniteVectorException on a NaN or infinite value
   */
  public static NgramVectors onHeap(CharNgrams ngrams, int dimension, float[] rows) {
    long expected = (long) ngrams.bucket() * dimension;
    if (rows.length != expected) {
      throw new IllegalArgumentException(
          "expected " + ngrams.bucket() + " x " + dimension + " n-gram floats, got " + rows.length);
    }
    int bad = VectorMath.firstNonFinite(rows, dimension);
    if (bad >= 0) {
      throw new NonFiniteVectorException(bad / dimension, bad % dimension, rows[bad]);
    }
    return new NgramVectors(ngrams, dimension, rows, null, 0);
  }

  /**
   * N-gram rows read from a mapped file when a word needs them: only the rows of that word's
   * n-grams are touched.
   *
   * @param offset where the rows start in {@code bytes}: {@code bucket x dimension} little-endian
   *     floats
   * @throws IllegalArgumentException if the rows do not fit in {@code bytes}
   */
  public static NgramVectors mapped(
      CharNgrams ngrams, int dimension, MappedBytes bytes, long offset) {
    long length = (long) ngrams.bucket() * dimension * Float.BYTES;
    if (offset < 0 || offset + length > bytes.length()) {
      throw new IllegalArgumentException(
          "the n-gram rows ("
              + length
              + " bytes at "
              + offset
              + ") do not fit in "
              + bytes.length()
              + " bytes");
    }
    return new NgramVectors(ngrams, dimension, null, bytes, offset);
  }

  /** How words are cut into n-grams and hashed. */
  public CharNgrams ngrams() {
    return ngrams;
  }

  public int dimension() {
    return dimension;
  }

  /** Number of n-gram rows: {@code ngrams().bucket()}. */
  public int rows() {
    return ngrams.bucket();
  }

  /** Whether the rows are read from a mapped file rather than held in the heap. */
  public boolean isMapped() {
    return heap == null;
  }

  /** Bytes of heap the rows take (none when mapped). */
  public long heapBytes() {
    return heap == null ? 0 : (long) heap.length * Float.BYTES;
  }

  /** Whether {@code word} has at least one n-gram, hence a {@link #vector}. */
  public boolean covers(String word) {
    return ngrams.buckets(word).length > 0;
  }

  /**
   * The vector of a word from its n-grams alone (fastText's vector for a word it does not know):
   * the mean of its n-gram rows, or null when the word is too short to have n-grams.
   */
  public float[] vector(String word) {
    int[] buckets = ngrams.buckets(word);
    if (buckets.length == 0) {
      return null;
    }
    float[] sum = new float[dimension];
    addRows(buckets, sum, new float[dimension]);
    VectorMath.scale((float) (1.0 / buckets.length), sum, 0, dimension);
    return sum;
  }

  /**
   * The vector a subword model serves for a word it knows: the mean of the word's own row ({@code
   * wordRow[offset .. offset + dimension)}) and its n-gram rows, written into {@code
   * dst[dstOffset..]}. {@code dst} may be {@code wordRow} at the same offset.
   */
  public void compose(
      String word, float[] wordRow, int offset, float[] dst, int dstOffset, float[] scratch) {
    int[] buckets = ngrams.buckets(word);
    float[] sum = new float[dimension];
    System.arraycopy(wordRow, offset, sum, 0, dimension);
    addRows(buckets, sum, scratch);
    VectorMath.scale((float) (1.0 / (1 + buckets.length)), sum, 0, dimension);
    System.arraycopy(sum, 0, dst, dstOffset, dimension);
  }

  /**
   * Copies rows {@code [first, first + count)} into {@code dst} from {@code dstOffset}, row-major.
   */
  public void copyRows(int first, int count, float[] dst, int dstOffset) {
    Objects.checkFromIndexSize(first, count, rows());
    int floats = count * dimension;
    if (heap != null) {
      System.arraycopy(heap, first * dimension, dst, dstOffset, floats);
    } else {
      mapped.readFloats(offset + (long) first * dimension * Float.BYTES, dst, dstOffset, floats);
    }
  }

  /** Adds the rows of {@code buckets} to {@code sum}, in order. */
  private void addRows(int[] buckets, float[] sum, float[] scratch) {
    for (int b : buckets) {
      float[] row;
      int at;
      if (heap != null) {
        row = heap;
        at = b * dimension;
      } else {
        mapped.readFloats(offset + (long) b * dimension * Float.BYTES, scratch, 0, dimension);
        row = scratch;
        at = 0;
      }
      for (int j = 0; j < dimension; j++) {
        sum[j] += row[at + j];
      }
    }
  }
}
