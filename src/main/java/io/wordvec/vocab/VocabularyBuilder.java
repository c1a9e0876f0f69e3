package io.wordvec.vocab;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Counts words in one streaming pass and turns the counts into a {@link Vocabulary}.
 *
 * <p>Words are keyed by their UTF-8 bytes in an open-addressing hash table, so counting a corpus
 * does not allocate a {@code String} per token. Each distinct word gets a <em>handle</em> when it
 * is first seen; callers that record the handle of every token (the trainer does, to encode the
 * corpus to ids once) translate handles to final ids with {@link #handleToId(Vocabulary)}.
 *
 * <p>Memory stays bounded: when the table holds more than {@code maxTableSize} words, the rarest
 * ones are pruned as in word2vec.c's {@code ReduceVocab} (drop every word seen at most {@code
 * threshold} times, then raise the threshold by one for the next pruning). Counts of pruned words
 * that come back restart from zero under a new handle, so on corpora that trigger pruning the
 * counts of rare words are underestimates; frequent words are not affected.
 *
 * <p>Not thread-safe: one builder per pass.
 */
public final class VocabularyBuilder {

  /** The default bound on distinct words held while counting (word2vec.c uses 21 million). */
  public static final int DEFAULT_MAX_TABLE_SIZE = 20_000_000;

  private final int maxTableSize;
  private int pruneThreshold = 1;

  private byte[] pool = new byte[1 << 16];
  private int poolSize;

  private int size;
  private int[] offsets = new int[1024];
  private int[] lengths = new int[1024];
  private int[] hashes = new int[1024];
  private long[] counts = new long[1024];
  private int[] handles = new int[1024];

  /** Slot -> entry index + 1 (0 = empty); capacity a power of two, at most half full. */
  private int[] slots = new int[2048];

  private int nextHandle;
  private long tokens;
  private long prunedWords;

  /** A builder with {@link #DEFAULT_MAX_TABLE_SIZE}. */
  public VocabularyBuilder() {
    this(DEFAULT_MAX_TABLE_SIZE);
  }

  /**
   * @param maxTableSize prune rare words when more than this many distinct words are held
   * @throws IllegalArgumentException if {@code maxTableSize < 2}
   */
  public VocabularyBuilder(int maxTableSize) {
    if (maxTableSize < 2) {
      throw new IllegalArgumentException("maxTableSize must be >= 2, was " + maxTableSize);
    }
    this.maxTableSize = maxTableSize;
  }

  /** Counts one occurrence of {@code word}; returns its handle. */
  public int add(String word) {
    byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
    return add(bytes, 0, bytes.length);
  }

  /**
   * Counts {@code occurrences} occurrences of {@code word} at once: counts merged from elsewhere
   * (the partitions of a distributed count) build the same vocabulary as one pass over them all.
   *
   * @return the word's handle
   * @throws IllegalArgumentException if the word is empty or {@code occurrences < 1}
   */
  public int add(String word, long occurrences) {
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be >= 1, was " + occurrences);
    }
    byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
    return add(bytes, 0, bytes.length, occurrences);
  }

  /**
   * Adds every word {@code other} holds, with its count, as if this builder had also read what
   * {@code other} read: the counts of a corpus read in parts, one builder per part, merged into
   * one. The tokens and pruned words of {@code other} count as this builder's too.
   *
   * @return for each handle of {@code other}, the handle of its word here, or -1 when {@code other}
   *     had pruned it (a handle returned here may be retired by a pruning later in the merge:
   *     {@link #handleToId} then maps it to -1)
   */
  public int[] addAll(VocabularyBuilder other) {
    int[] map = new int[other.nextHandle];
    Arrays.fill(map, -1);
    long tokensBefore = tokens;
    for (int e = 0; e < other.size; e++) {
      map[other.handles[e]] = add(other.pool, other.offsets[e], other.lengths[e], other.counts[e]);
    }
    tokens = tokensBefore + other.tokens;
    prunedWords += other.prunedWords;
    return map;
  }

  /**
   * Counts one occurrence of the word whose UTF-8 bytes are {@code utf8[off..off+len)}.
   *
   * @return the word's handle, stable until the word is pruned
   * @throws IllegalArgumentException if the bytes are empty or not valid UTF-8
   */
  public int add(byte[] utf8, int off, int len) {
    return add(utf8, off, len, 1);
  }

  private int add(byte[] utf8, int off, int len, long occurrences) {
    int hash = hash(utf8, off, len);
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        break;
      }
      if (hashes[entry] == hash && equalBytes(entry, utf8, off, len)) {
        counts[entry] += occurrences;
        tokens += occurrences;
        return handles[entry];
      }
      slot = (slot + 1) & mask;
    }
    if (len == 0) {
      throw new IllegalArgumentException("empty word");
    }
    if (!Utf8.isValid(utf8, off, len)) {
      throw new IllegalArgumentException("invalid UTF-8 byte sequence");
    }
    int entry = append(utf8, off, len, hash, occurrences, nextHandle++);
    slots[slot] = entry + 1;
    tokens += occurrences;
    int handle = handles[entry];
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    if (size > maxTableSize) {
      prune();
    }
    return handle;
  }

  /** Tokens counted so far. */
  public long tokens() {
    return tokens;
  }

  /** Distinct words held now (after any pruning). */
  public int size() {
    return size;
  }

  /** Distinct words seen, counting a pruned word that came back twice. */
  public long distinctWordsSeen() {
    return size + prunedWords;
  }

  /** Handles issued so far; every handle is below this number. */
  public int handleCount() {
    return nextHandle;
  }

  /** The current count of {@code word} (0 if unseen or pruned). */
  public long count(String word) {
    byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
    int entry = find(bytes, 0, bytes.length, hash(bytes, 0, bytes.length));
    return entry < 0 ? 0 : counts[entry];
  }

  /**
   * The vocabulary of every word seen at least {@code minCount} times, most frequent first, ties
   * broken by the words' natural ({@link String#compareTo}) order; at most {@code maxVocab} words
   * (0 = no limit). May be empty.
   */
  public Vocabulary build(int minCount, int maxVocab) {
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, was " + minCount);
    }
    if (maxVocab < 0) {
      throw new IllegalArgumentException("maxVocab must be >= 0 (0 = no limit), was " + maxVocab);
    }
    int kept = 0;
    for (int e = 0; e < size; e++) {
      if (counts[e] >= minCount) {
        kept++;
      }
    }
    String[] words = new String[kept];
    long[] keptCounts = new long[kept];
    Integer[] order = new Integer[kept];
    int k = 0;
    for (int e = 0; e < size; e++) {
      if (counts[e] >= minCount) {
        words[k] = word(e);
        keptCounts[k] = counts[e];
        order[k] = k;
        k++;
      }
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byCount = Long.compare(keptCounts[b], keptCounts[a]);
          return byCount != 0 ? byCount : words[a].compareTo(words[b]);
        });
    int n = maxVocab > 0 ? Math.min(maxVocab, kept) : kept;
    String[] sortedWords = new String[n];
    long[] sortedCounts = new long[n];
    for (int i = 0; i < n; i++) {
      sortedWords[i] = words[order[i]];
      sortedCounts[i] = keptCounts[order[i]];
    }
    return new Vocabulary(sortedWords, sortedCounts);
  }

  /**
   * Maps every handle issued so far to the id of its word in {@code vocabulary}, or -1 when the
   * word is not in it (or the handle was retired by pruning).
   */
  public int[] handleToId(Vocabulary vocabulary) {
    int[] map = new int[nextHandle];
    Arrays.fill(map, -1);
    for (int e = 0; e < size; e++) {
      map[handles[e]] = vocabulary.id(word(e));
    }
    return map;
  }

  private String word(int entry) {
    return new String(pool, offsets[entry], lengths[entry], StandardCharsets.UTF_8);
  }

  private int find(byte[] utf8, int off, int len, int hash) {
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        return -1;
      }
      if (hashes[entry] == hash && equalBytes(entry, utf8, off, len)) {
        return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean equalBytes(int entry, byte[] utf8, int off, int len) {
    return lengths[entry] == len
        && Arrays.equals(pool, offsets[entry], offsets[entry] + len, utf8, off, off + len);
  }

  private int append(byte[] utf8, int off, int len, int hash, long count, int handle) {
    if (size == offsets.length) {
      int cap = size * 2;
      offsets = Arrays.copyOf(offsets, cap);
      lengths = Arrays.copyOf(lengths, cap);
      hashes = Arrays.copyOf(hashes, cap);
      counts = Arrays.copyOf(counts, cap);
      handles = Arrays.copyOf(handles, cap);
    }
    if (poolSize + len > pool.length) {
      long cap = Math.max((long) pool.length * 2, (long) poolSize + len);
      if (cap > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException(
            "vocabulary table exceeds 2 GB of word bytes; lower maxTableSize ("
                + maxTableSize
                + ")");
      }
      pool = Arrays.copyOf(pool, (int) cap);
    }
    System.arraycopy(utf8, off, pool, poolSize, len);
    int entry = size++;
    offsets[entry] = poolSize;
    lengths[entry] = len;
    hashes[entry] = hash;
    counts[entry] = count;
    handles[entry] = handle;
    poolSize += len;
    return entry;
  }

  private void rehash(int capacity) {
    int[] newSlots = new int[capacity];
    int mask = capacity - 1;
    for (int e = 0; e < size; e++) {
      int slot = hashes[e] & mask;
      while (newSlots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      newSlots[slot] = e + 1;
    }
    slots = newSlots;
  }

  /** word2vec.c's ReduceVocab: drop rare words until the table is back under its bound. */
  private void prune() {
    while (size > maxTableSize) {
      byte[] oldPool = pool;
      int[] oldOffsets = offsets.clone();
      int[] oldLengths = lengths.clone();
      int[] oldHashes = hashes.clone();
      long[] oldCounts = counts.clone();
      int[] oldHandles = handles.clone();
      int oldSize = size;
      pool = new byte[Math.max(1 << 16, poolSize)];
      poolSize = 0;
      size = 0;
      for (int e = 0; e < oldSize; e++) {
        if (oldCounts[e] > pruneThreshold) {
          append(oldPool, oldOffsets[e], oldLengths[e], oldHashes[e], oldCounts[e], oldHandles[e]);
        } else {
          prunedWords++;
        }
      }
      pruneThreshold++;
      rehash(slots.length);
    }
  }

  private static int hash(byte[] b, int off, int len) {
    int h = 0x9E3779B9;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + b[i];
    }
    // Spread the high bits into the low ones: the table is indexed by the low bits.
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }
}
