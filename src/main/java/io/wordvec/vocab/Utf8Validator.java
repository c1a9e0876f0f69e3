package io.wordvec.vocab;

/**
 * Checks that a byte stream is strict UTF-8 (RFC 3629, as {@link Utf8#isValid}: no overlong forms,
 * no surrogates, at most U+10FFFF) while it is fed in pieces of any size, so that a sequence split
 * between two pieces is judged whole. Reports where the first bad sequence starts, counted from the
 * first byte fed.
 *
 * <p>Not thread-safe: one instance per stream.
 */
public final class Utf8Validator {

  /** What {@link #feed} and {@link #finish} return while the stream is valid. */
  public static final long VALID = -1;

  private long fed;
  private long sequenceStart;
  private int need;
  private int codePoint;
  private int min;

  /**
   * Checks the next {@code len} bytes of the stream.
   *
   * @return {@link #VALID}, or the offset in the stream of the first byte of the first invalid
   *     sequence (then the validator stays failed at that offset's sequence: stop feeding it)
   */
  public long feed(byte[] b, int off, int len) {
    int end = off + len;
    for (int i = off; i < end; i++) {
      int c = b[i];
      if (need == 0) {
        if (c >= 0) {
          continue;
        }
        if (!start(c & 0xFF, fed + (i - off))) {
          return fed + (i - off);
        }
      } else {
        if ((c & 0xC0) != 0x80) {
          return sequenceStart;
        }
        codePoint = (codePoint << 6) | (c & 0x3F);
        if (--need == 0 && !complete()) {
          return sequenceStart;
        }
      }
    }
    fed += len;
    return VALID;
  }

  /**
   * Ends the stream.
   *
   * @return {@link #VALID}, or the offset of a sequence the stream ends inside
   */
  public long finish() {
    return need == 0 ? VALID : sequenceStart;
  }

  /** Bytes fed so far. */
  public long bytes() {
    return fed;
  }

  private boolean start(int lead, long at) {
    sequenceStart = at;
    if (lead >= 0xC2 && lead <= 0xDF) {
      need = 1;
      min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      need = 2;
      min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      need = 3;
      min = 0x10000;
    } else {
      return false;
    }
    codePoint = lead & (0x3F >> need);
    return true;
  }

  private boolean complete() {
    return codePoint >= min && codePoint <= 0x10FFFF && (codePoint < 0xD800 || codePoint > 0xDFFF);
  }
}
