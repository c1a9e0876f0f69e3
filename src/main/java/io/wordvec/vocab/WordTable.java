package io.wordvec.vocab;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct words in id order, stored flat: their UTF-8 bytes back to back, where each ends, and an
 * open-addressing table of ids. About 30 bytes a word for a word2vec vocabulary where a {@code
 * String} per word plus a hash map entry cost about 90: the difference between 100 MB and 270 MB of
 * heap for 3 million words.
 *
 * <p>The table is keyed by {@link String#hashCode()} computed from the UTF-8 bytes, so a lookup
 * hashes the query string (Java caches that) and compares it with the candidate's bytes in place:
 * no string is created to look a word up. Stored bytes are always valid UTF-8.
 *
 * <p>Not thread-safe while words are added; safe to read from many threads once no more are.
 */
final class WordTable {

  /** Slots kept at most half full, so that probes stay short. */
  private static final int MIN_SLOTS = 16;

  private byte[] bytes;
  private int byteCount;

  /** {@code ends[i]}: where word {@code i}'s bytes end; it starts where word {@code i - 1} ends. */
  private int[] ends;

  private int size;

  /** Word id + 1 per slot; 0 is an empty slot. */
  private int[] slots;

  WordTable(int expectedWords, long expectedBytes) {
    this.bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, expectedBytes))];
    this.ends = new int[Math.max(1, expectedWords)];
    this.slots = new int[slotsFor(expectedWords)];
  }

  /**
   * A table over words already laid out back to back ({@code utf8}, adopted, not copied), word
   * {@code i} being the next {@code lengths[i]} bytes.
   *
   * @throws IllegalArgumentException naming the first word that is empty, not valid UTF-8 or a
   *     repeat, or if the lengths do not add up to {@code utf8.length}
   */
  static WordTable of(byte[] utf8, int[] lengths) {
    WordTable table = new WordTable(0, 0);
    table.bytes = utf8;
    table.ends = new int[lengths.length];
    table.slots = new int[slotsFor(lengths.length)];
    long end = 0;
    for (int i = 0; i < lengths.length; i++) {
      end += lengths[i];
      if (lengths[i] <= 0 || end > utf8.length) {
        throw new IllegalArgumentException("word " + i + " has length " + lengths[i]);
      }
      table.ends[i] = (int) end;
    }
    if (end != utf8.length) {
      throw new IllegalArgumentException(
          "the word lengths add up to " + end + " bytes, not " + utf8.length);
    }
    table.byteCount = utf8.length;
    int mask = table.slots.length - 1;
    for (int id = 0; id < lengths.length; id++) {
      int from = table.start(id);
      int len = table.ends[id] - from;
      int hash;
      try {
        hash = Utf8.stringHash(utf8, from, len);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("word " + id + " is not valid UTF-8");
      }
      int slot = spread(hash) & mask;
      for (int other = table.slots[slot] - 1; other >= 0; other = table.slots[slot] - 1) {
        int otherFrom = table.start(other);
        if (Arrays.equals(utf8, otherFrom, table.ends[other], utf8, from, from + len)) {
          throw new IllegalArgumentException("duplicate word '" + table.word(id) + "' at id " + id);
        }
        slot = (slot + 1) & mask;
      }
      table.slots[slot] = id + 1;
      table.size = id + 1;
    }
    return table;
  }

  private static int slotsFor(int words) {
    long wanted = Math.max(MIN_SLOTS, 2L * words);
    if (wanted > 1 << 30) {
      throw new IllegalArgumentException(words + " words are more than a vocabulary can hold");
    }
    return Integer.highestOneBit((int) wanted - 1) << 1;
  }

  int size() {
    return size;
  }

  /** Bytes of all words' UTF-8 together. */
  long byteCount() {
    return byteCount;
  }

  private int start(int id) {
    return id == 0 ? 0 : ends[id - 1];
  }

  /** The UTF-8 length of word {@code id}. */
  int length(int id) {
    return ends[id] - start(id);
  }

  /** Copies word {@code id}'s UTF-8 bytes into {@code dst} at {@code off}. */
  void copyBytes(int id, byte[] dst, int off) {
    int from = start(id);
    System.arraycopy(bytes, from, dst, off, ends[id] - from);
  }

  String word(int id) {
    int from = start(id);
    return new String(bytes, from, ends[id] - from, StandardCharsets.UTF_8);
  }

  /** The id of {@code word}, or -1. */
  int find(String word) {
    int mask = slots.length - 1;
    for (int slot = spread(word.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int id = slots[slot] - 1;
      if (id < 0) {
        return -1;
      }
      int from = start(id);
      if (Utf8.equals(word, bytes, from, ends[id] - from)) {
        return id;
      }
    }
  }

  /**
   * Adds {@code word} if it is new.
   *
   * @return its new id, or {@code -1 - id} of the word already there
   * @throws IllegalArgumentException if the word holds a lone surrogate, which UTF-8 cannot store
   */
  int add(String word) {
    int existing = find(word);
    if (existing >= 0) {
      return -1 - existing;
    }
    byte[] utf8 = Utf8.encode(word);
    return append(utf8, 0, utf8.length, word.hashCode());
  }

  /**
   * Adds a word given as UTF-8 bytes if it is new.
   *
   * @return its new id, or {@code -1 - id} of the word already there
   * @throws IllegalArgumentException if the bytes are not valid UTF-8
   */
  int add(byte[] utf8, int off, int len) {
    int hash = Utf8.stringHash(utf8, off, len);
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      int id = slots[slot] - 1;
      if (id < 0) {
        break;
      }
      int from = start(id);
      if (Arrays.equals(bytes, from, ends[id], utf8, off, off + len)) {
        return -1 - id;
      }
    }
    return append(utf8, off, len, hash);
  }

  private int append(byte[] utf8, int off, int len, int hash) {
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, grown(ends.length, 1));
    }
    if ((long) byteCount + len > bytes.length) {
      bytes = Arrays.copyOf(bytes, grown(bytes.length, (long) byteCount + len - bytes.length));
    }
    if (2L * (size + 1) > slots.length) {
      rehash(slots.length * 2);
    }
    System.arraycopy(utf8, off, bytes, byteCount, len);
    byteCount += len;
    ends[size] = byteCount;
    insert(size, hash);
    return size++;
  }

  /** A capacity at least {@code extra} more than {@code current}, by half as much again. */
  private static int grown(int current, long extra) {
    long wanted = Math.max((long) current + extra, current + (current >> 1) + 16L);
    if ((long) current + extra > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the words take more than 2 GB");
    }
    return (int) Math.min(Integer.MAX_VALUE - 8, wanted);
  }

  private void insert(int id, int hash) {
    int mask = slots.length - 1;
    int slot = spread(hash) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = id + 1;
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int id = 0; id < size; id++) {
      int from = start(id);
      insert(id, Utf8.stringHash(bytes, from, ends[id] - from));
    }
  }

  /** Heap taken by the arrays, in bytes. */
  long heapBytes() {
    return bytes.length + 4L * ends.length + 4L * slots.length;
  }

  /** Trims the arrays to their content, once no more words will be added. */
  void trim() {
    if (bytes.length != byteCount) {
      bytes = Arrays.copyOf(bytes, byteCount);
    }
    if (ends.length != size) {
      ends = Arrays.copyOf(ends, size);
    }
    int fitting = slotsFor(size);
    if (fitting < slots.length) {
      rehash(fitting);
    }
  }

  /** Mixes the high bits of a string hash into the low ones the table indexes by. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
