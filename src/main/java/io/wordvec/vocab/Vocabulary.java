package io.wordvec.vocab;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable word list: id &lt;-&gt; word and each word's corpus count. Ids are dense, {@code 0
 * .. size()-1}; vector matrices use them as row numbers. Vocabularies built from a corpus are
 * ordered by descending count (ties broken by word), so id order is frequency rank; a fine-tuned
 * vocabulary keeps the base ids and appends new words after them.
 *
 * <p>Thread-safe: never mutated after construction. The arrays passed to the constructor are
 * copied.
 */
public final class Vocabulary {

  private final String[] words;
  private final long[] counts;
  private final Object2IntOpenHashMap<String> ids;
  private final long totalCount;

  /**
   * @param words distinct words, index = id
   * @param counts corpus counts, same length as {@code words}, non-negative
   * @throws IllegalArgumentException on a length mismatch, a duplicate or empty word, a negative
   *     count
   */
  public Vocabulary(String[] words, long[] counts) {
    if (words.length != counts.length) {
      throw new IllegalArgumentException(
          "words and counts differ in length: " + words.length + " != " + counts.length);
    }
    this.words = words.clone();
    this.counts = counts.clone();
    this.ids = new Object2IntOpenHashMap<>(words.length);
    this.ids.defaultReturnValue(-1);
    long total = 0;
    for (int i = 0; i < this.words.length; i++) {
      String w = this.words[i];
      if (w == null) {
        // Not requireNonNull(w, message): that would build the message for every word.
        throw new NullPointerException("word " + i + " is null");
      }
      if (w.isEmpty()) {
        throw new IllegalArgumentException("word " + i + " is empty");
      }
      if (this.counts[i] < 0) {
        throw new IllegalArgumentException("negative count " + this.counts[i] + " for '" + w + "'");
      }
      if (ids.put(w, i) != -1) {
        throw new IllegalArgumentException("duplicate word '" + w + "' at id " + i);
      }
      total += this.counts[i];
    }
    this.totalCount = total;
  }

  /** Number of words. */
  public int size() {
    return words.length;
  }

  /** The word with this id. */
  public String word(int id) {
    return words[id];
  }

  /** The corpus count of the word with this id (0 when unknown, e.g. loaded vectors). */
  public long count(int id) {
    return counts[id];
  }

  /** The id of {@code word}, or -1 if it is not in the vocabulary. */
  public int id(String word) {
    return ids.getInt(word);
  }

  /**
   * The id of {@code word} as written, else of its lower-case form, else of its Title-case form
   * (first letter upper, the rest lower), else -1: for models that keep case, such as vectors
   * trained on news text, where "paris" is unknown but "Paris" is not.
   */
  public int idWithCaseFallback(String word) {
    int id = id(word);
    if (id >= 0 || word.isEmpty()) {
      return id;
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    id = id(lower);
    if (id >= 0) {
      return id;
    }
    int first = lower.offsetByCodePoints(0, 1);
    return id(
        lower.substring(0, first).toUpperCase(java.util.Locale.ROOT) + lower.substring(first));
  }

  /** Whether {@code word} is in the vocabulary. */
  public boolean contains(String word) {
    return ids.containsKey(word);
  }

  /** Sum of all counts. */
  public long totalCount() {
    return totalCount;
  }

  /** The words in id order, as an unmodifiable list view. */
  public List<String> words() {
    return List.of(words);
  }

  /** A copy of the counts in id order. */
  public long[] counts() {
    return counts.clone();
  }

  @Override
  public String toString() {
    return "Vocabulary[size="
        + words.length
        + ", total="
        + totalCount
        + ", head="
        + Arrays.toString(Arrays.copyOf(words, Math.min(5, words.length)))
        + "]";
  }
}
