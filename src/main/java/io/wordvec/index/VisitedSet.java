package io.wordvec.index;

import java.util.Arrays;

/**
 * The nodes one graph walk has met, reused from walk to walk: an open-addressing hash set whose
 * slots carry the number of the walk that filled them, so that starting a walk clears nothing and a
 * lookup is one multiplication and, nearly always, one read of one slot.
 *
 * <p>jvector's searcher keeps a general-purpose int hash set that it clears (fills) before every
 * search; this one is sized by what a walk visits (a few hundred to a few thousand nodes, growing
 * with ef), never by the vocabulary, so a pool of walkers holds no vocabulary-sized scratch (a bit
 * set would be 375 KB per walker for 3M words). A table that one long walk grew beyond {@link
 * #KEEP_SLOTS} is let go at the start of the next walk.
 *
 * <p>Not thread-safe: one walk at a time.
 */
final class VisitedSet {

  /** Slots of a new table: room for 512 nodes at half load, 8 KB. */
  private static final int INITIAL_SLOTS = 1 << 10;

  /**
   * Largest table kept between walks: 128 KB, room for 8,192 nodes (a walk at ef 160 meets a few
   * thousand); a pool of 200 idle walkers holds at most 25 MB of them.
   */
  static final int KEEP_SLOTS = 1 << 14;

  /** Fibonacci hashing: the multiplier spreads consecutive ids over the table's high bits. */
  private static final int GOLDEN = 0x9E3779B9;

  /** Per slot: the walk's stamp in the high 32 bits, the node in the low 32. */
  private long[] slots = new long[INITIAL_SLOTS];

  private int shift = Integer.SIZE - Integer.numberOfTrailingZeros(INITIAL_SLOTS);
  private int size;

  /** The current walk's number; slots stamped with another one are empty. Never 0. */
  private int stamp = 1;

  /** Forgets every node: the next walk starts empty. */
  void clear() {
    size = 0;
    if (slots.length > KEEP_SLOTS) {
      slots = new long[INITIAL_SLOTS];
      shift = Integer.SIZE - Integer.numberOfTrailingZeros(INITIAL_SLOTS);
      stamp = 1;
      return;
    }
    stamp++;
    if (stamp == 0) {
      // After 2^32 walks the stamps wrap: a slot stamped 2^32 walks ago would look filled.
      Arrays.fill(slots, 0L);
      stamp = 1;
    }
  }

  /** Adds {@code node}; true if it was not in the set yet. */
  boolean add(int node) {
    long[] table = slots;
    int mask = table.length - 1;
    long filled = (long) stamp << 32;
    long entry = filled | (node & 0xFFFFFFFFL);
    int slot = (node * GOLDEN) >>> shift;
    while (true) {
      long present = table[slot];
      if (present == entry) {
        return false;
      }
      if ((present & 0xFFFFFFFF00000000L) != filled) {
        table[slot] = entry;
        if (++size > table.length >>> 1) {
          grow();
        }
        return true;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Nodes added since the last {@link #clear()}. */
  int size() {
    return size;
  }

  /** Doubles the table, moving over the current walk's nodes. */
  private void grow() {
    long[] old = slots;
    long filled = (long) stamp << 32;
    long[] table = new long[old.length * 2];
    int mask = table.length - 1;
    int newShift = shift - 1;
    for (long entry : old) {
      if ((entry & 0xFFFFFFFF00000000L) == filled) {
        int slot = ((int) entry * GOLDEN) >>> newShift;
        while (table[slot] != 0L) {
          slot = (slot + 1) & mask;
        }
        table[slot] = entry;
      }
    }
    slots = table;
    shift = newShift;
  }
}
