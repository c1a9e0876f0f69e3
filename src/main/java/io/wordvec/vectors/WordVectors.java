package io.wordvec.vectors;

import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable, queryable set of word vectors: the vocabulary, the raw vectors as one flat
 * row-major {@code float[]} (row = word id), and a unit-normalised copy made once at construction
 * so that no query pays for it (and memory does not double at an unpredictable moment).
 *
 * <p>Thread-safe: nothing is mutated after construction. The raw array is owned by this object (and
 * possibly shared with the {@code TrainedModel} it came from); callers must not write to it.
 */
public final class WordVectors {

  private final Vocabulary vocabulary;
  private final int dimension;
  private final float[] vectors;
  private final float[] normalized;

  /**
   * @param vocabulary the words, id = row
   * @param dimension vector size, &gt; 0
   * @param vectors {@code vocabulary.size() * dimension} floats, not copied
   * @throws IllegalArgumentException on a shape mismatch or a non-finite value
   */
  public WordVectors(Vocabulary vocabulary, int dimension, float[] vectors) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
    }
    long expected = (long) vocabulary.size() * dimension;
    if (vectors.length != expected) {
      throw new IllegalArgumentException(
          "expected "
              + vocabulary.size()
              + " x "
              + dimension
              + " = "
              + expected
              + " floats, got "
              + vectors.length);
    }
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.vectors = vectors;
    this.normalized = normalizeRows(vectors, vocabulary.size(), dimension);
  }

  private static float[] normalizeRows(float[] vectors, int rows, int dim) {
    float[] out = vectors.clone();
    for (int r = 0; r < rows; r++) {
      int off = r * dim;
      float norm = VectorMath.norm(out, off, dim);
      if (!Float.isFinite(norm)) {
        throw new IllegalArgumentException("non-finite value in the vector of row " + r);
      }
      if (norm > 0) {
        VectorMath.scale(1f / norm, out, off, dim);
      }
    }
    return out;
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
   * query words excluded (gensim's {@code most_similar}).
   *
   * @param restrictVocab search only the first (most frequent) N words; 0 = all
   */
  public List<Neighbor> mostSimilar(
      List<String> positive, List<String> negative, int topn, int restrictVocab) {
    throw new UnsupportedOperationException("mostSimilar is not implemented yet");
  }

  /** 3CosMul neighbours (gensim's {@code most_similar_cosmul}), the query words excluded. */
  public List<Neighbor> mostSimilarCosMul(
      List<String> positive, List<String> negative, int topn, int restrictVocab) {
    throw new UnsupportedOperationException("mostSimilarCosMul is not implemented yet");
  }

  /** a is to b as c is to ?: {@code positive = [b, c], negative = [a]}. */
  public List<Neighbor> analogy(String a, String b, String c, int topn, AnalogyMethod method) {
    throw new UnsupportedOperationException("analogy is not implemented yet");
  }

  /** The word furthest from the mean of the others (gensim's {@code doesnt_match}). */
  public String doesntMatch(List<String> words) {
    throw new UnsupportedOperationException("doesntMatch is not implemented yet");
  }

  /** Cosine similarity of the means of two word sets (gensim's {@code n_similarity}). */
  public float nSimilarity(List<String> a, List<String> b) {
    throw new UnsupportedOperationException("nSimilarity is not implemented yet");
  }

  /** Nearest words to an arbitrary vector, by cosine. */
  public List<Neighbor> similarByVector(float[] vector, int topn, int restrictVocab) {
    throw new UnsupportedOperationException("similarByVector is not implemented yet");
  }

  /** Mean of the unit vectors of {@code words}. */
  public float[] meanVector(List<String> words) {
    throw new UnsupportedOperationException("meanVector is not implemented yet");
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
