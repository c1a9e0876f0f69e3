package io.wordvec.vocab;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable word list: id &lt;-&gt; word and each word's corpus count. Ids are dense, {@code 0
 * .. size()-1}; vector matrices use them as row numbers. Vocabularies built from a corpus are
 * ordered by descending count (ties broken by word), so id order is frequency rank; a fine-tuned
 * vocabulary keeps the base ids and appends new words after them.
 *
 * <p>The words are kept flat, as UTF-8 bytes with an open-addressing index over them, not as one
 * {@code String} and one map entry each: a 3-million-word model's vocabulary then takes about 100
 * MB of heap instead of about 270. {@link #word(int)} decodes a word when asked; {@link
 * #id(String)} looks a word up without creating anything.
 *
 * <p>Thread-safe: never mutated after construction. The arrays passed to the constructor are
 * copied.
 */
public final class Vocabulary {

  private final WordTable words;
  private final long[] counts;
  private final long totalCount;

  /**
   * @param words distinct words, index = id
   * @param counts corpus counts, same length as {@code words}, non-negative
   * @throws IllegalArgumentException on a length mismatch, a duplicate or empty word, a word with a
   *     lone surrogate (no UTF-8 form), a negative count
   */
  public Vocabulary(String[] words, long[] counts) {
    if (words.length != counts.length) {
      throw new IllegalArgumentException(
          "words and counts differ in length: " + words.length + " != " + counts.length);
    }
    long bytes = 0;
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w == null) {
        // Not requireNonNull(w, message): that would build the message for every word.
        throw new NullPointerException("word " + i + " is null");
      }
      if (w.isEmpty()) {
        throw new IllegalArgumentException("word " + i + " is empty");
      }
      bytes += w.length();
    }
    WordTable table = new WordTable(words.length, bytes);
    for (int i = 0; i < words.length; i++) {
      if (table.add(words[i]) < 0) {
        throw new IllegalArgumentException("duplicate word '" + words[i] + "' at id " + i);
      }
    }
    table.trim();
    this.words = table;
    this.counts = counts.clone();
    this.totalCount = total(this.counts, table);
  }

  private Vocabulary(WordTable words, long[] counts) {
    if (words.size() != counts.length) {
      throw new IllegalArgumentException(
          "words and counts differ in length: " + words.size() + " != " + counts.length);
    }
    this.words = words;
    this.counts = counts;
    this.totalCount = total(counts, words);
  }

  private static long total(long[] counts, WordTable words) {
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "negative count " + counts[i] + " for '" + words.word(i) + "'");
      }
      total += counts[i];
    }
    return total;
  }

  /**
   * A vocabulary of words stored back to back as UTF-8 (as model files store them): word {@code i}
   * is the next {@code lengths[i]} bytes of {@code utf8}. Neither array is copied: the caller hands
   * them over.
   *
   * @param counts one count per word, not copied
   * @throws IllegalArgumentException naming the first word that is empty, not valid UTF-8 or a
   *     duplicate; on lengths that do not add up to the bytes; on a negative count
   */
  public static Vocabulary fromUtf8(byte[] utf8, int[] lengths, long[] counts) {
    Objects.requireNonNull(counts, "counts");
    if (lengths.length != counts.length) {
      throw new IllegalArgumentException(
          "words and counts differ in length: " + lengths.length + " != " + counts.length);
    }
    return new Vocabulary(WordTable.of(utf8, lengths), counts);
  }

  /** Number of words. */
  public int size() {
    return words.size();
  }

  /** The word with this id (decoded on each call). */
  public String word(int id) {
    Objects.checkIndex(id, words.size());
    return words.word(id);
  }

  /** The length in UTF-8 bytes of the word with this id. */
  public int utf8Length(int id) {
    Objects.checkIndex(id, words.size());
    return words.length(id);
  }

  /**
   * Copies the UTF-8 bytes of the word with this id into {@code dst} at {@code offset}: {@link
   * #utf8Length} bytes, for writers that store the bytes without decoding them.
   */
  public void copyUtf8(int id, byte[] dst, int offset) {
    Objects.checkIndex(id, words.size());
    Objects.checkFromIndexSize(offset, words.length(id), dst.length);
    words.copyBytes(id, dst, offset);
  }

  /** Bytes of all the words in UTF-8. */
  public long utf8Bytes() {
    return words.byteCount();
  }

  /** The corpus count of the word with this id (0 when unknown, e.g. loaded vectors). */
  public long count(int id) {
    return counts[id];
  }

  /** The id of {@code word}, or -1 if it is not in the vocabulary. */
  public int id(String word) {
    return words.find(word);
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
    return id(word) >= 0;
  }

  /** Sum of all counts. */
  public long totalCount() {
    return totalCount;
  }

  /** The words in id order, as an unmodifiable list view (each element decoded when read). */
  public List<String> words() {
    return new WordsView();
  }

  /** A copy of the counts in id order. */
  public long[] counts() {
    return counts.clone();
  }

  /** Approximate heap taken by this vocabulary, in bytes. */
  public long heapBytes() {
    return words.heapBytes() + 8L * counts.length;
  }

  @Override
  public String toString() {
    List<String> head = new ArrayList<>(words().subList(0, Math.min(5, size())));
    return "Vocabulary[size=" + size() + ", total=" + totalCount + ", head=" + head + "]";
  }

  /**
   * Collects distinct words in the order they come, compactly, for readers that do not know how
   * many words a file holds until they have read it (a repeated word is reported, not added). Not
   * thread-safe.
   */
  public static final class Appender {
    private final WordTable table;

    /**
     * @param expectedWords a first capacity (grown as words arrive, so it can be a guess)
     */
    public Appender(int expectedWords) {
      this.table = new WordTable(expectedWords, 8L * expectedWords);
    }

    /**
     * Adds {@code word} unless it is already in.
     *
     * @return whether it was new
     * @throws IllegalArgumentException if the word is empty or holds a lone surrogate
     */
    public boolean add(String word) {
      if (word.isEmpty()) {
        throw new IllegalArgumentException("empty word at id " + table.size());
      }
      return table.add(word) >= 0;
    }

    /** Words added so far. */
    public int size() {
      return table.size();
    }

    /**
     * The words so far as a vocabulary with the given counts; this appender must not be used
     * afterwards.
     *
     * @param counts one per word, not copied
     */
    public Vocabulary build(long[] counts) {
      table.trim();
      return new Vocabulary(table, counts);
    }
  }

  private final class WordsView extends AbstractList<String> implements RandomAccess {
    @Override
    public String get(int index) {
      return word(index);
    }

    @Override
    public int size() {
      return words.size();
    }
  }
}
