package io.wordvec.vocab;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF): validation, and the
 * comparisons and hashes that let {@link WordTable} keep words as bytes and still look them up by
 * {@code String}.
 */
final class Utf8 {

  private Utf8() {}

  /**
   * The longest prefix of {@code b[off..off+len)} that is at most {@code max} bytes and ends on a
   * character boundary: a cut word keeps whole characters. For valid UTF-8 at most 3 bytes shorter
   * than {@code max}.
   */
  static int prefixLength(byte[] b, int off, int len, int max) {
    if (len <= max) {
      return len;
    }
    int cut = max;
    // A continuation byte right after the cut means the cut splits a character: back off to its
    // lead byte.
    while (cut > 0 && (b[off + cut] & 0xC0) == 0x80) {
      cut--;
    }
    return cut;
  }

  static boolean isValid(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int decoded = decode(b, i, end);
      if (decoded < 0) {
        return false;
      }
      i += decoded >>> LENGTH_SHIFT;
    }
    return true;
  }

  /**
   * {@link String#hashCode()} of the string these bytes decode to, computed without decoding into a
   * string.
   *
   * @throws IllegalArgumentException if the bytes are not valid UTF-8
   */
  static int stringHash(byte[] b, int off, int len) {
    int h = 0;
    int i = off;
    int end = off + len;
    while (i < end) {
      int c = b[i];
      if (c >= 0) {
        h = 31 * h + c;
        i++;
        continue;
      }
      int decoded = decode(b, i, end);
      if (decoded < 0) {
        throw new IllegalArgumentException("invalid UTF-8 at byte " + (i - off));
      }
      int cp = decoded & CODE_POINT_MASK;
      if (cp < 0x10000) {
        h = 31 * h + cp;
      } else {
        h = 31 * h + Character.highSurrogate(cp);
        h = 31 * h + Character.lowSurrogate(cp);
      }
      i += decoded >>> LENGTH_SHIFT;
    }
    return h;
  }

  /** Where {@link #decode} puts the sequence's length in bytes; the code point is below it. */
  private static final int LENGTH_SHIFT = 21;

  private static final int CODE_POINT_MASK = (1 << LENGTH_SHIFT) - 1;

  /**
   * Decodes the multi-byte sequence whose lead byte is {@code b[i]} (not ASCII), reading no byte at
   * or after {@code end}: the code point in the low 21 bits and the sequence's length (2 to 4)
   * above them, or -1 if the sequence is not strict UTF-8 (a bad lead byte, a missing or bad
   * continuation byte, an overlong form, a surrogate or a code point above U+10FFFF). One decoder
   * for every caller, so that validation and hashing can never disagree on what is valid.
   */
  private static int decode(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    int need;
    int min;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      min = 0x10000;
    } else {
      return -1;
    }
    if (i + need >= end) {
      return -1;
    }
    int cp = c & (0x3F >> need);
    for (int k = 1; k <= need; k++) {
      int cc = b[i + k] & 0xFF;
      if ((cc & 0xC0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return -1;
    }
    return cp | ((need + 1) << LENGTH_SHIFT);
  }

  /** Whether {@code s} encodes to exactly the {@code len} bytes at {@code b[off]}. */
  static boolean equals(String s, byte[] b, int off, int len) {
    int p = off;
    int end = off + len;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (p >= end || b[p++] != (byte) c) {
          return false;
        }
        continue;
      }
      int cp = c;
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 >= n
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        cp = Character.toCodePoint(c, s.charAt(++i));
      }
      int bytes = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (end - p < bytes) {
        return false;
      }
      int lead =
          switch (bytes) {
            case 2 -> 0xC0 | (cp >> 6);
            case 3 -> 0xE0 | (cp >> 12);
            default -> 0xF0 | (cp >> 18);
          };
      if (b[p++] != (byte) lead) {
        return false;
      }
      for (int shift = 6 * (bytes - 2); shift >= 0; shift -= 6) {
        if (b[p++] != (byte) (0x80 | ((cp >> shift) & 0x3F))) {
          return false;
        }
      }
    }
    return p == end;
  }

  /**
   * The UTF-8 bytes of {@code s}.
   *
   * @throws IllegalArgumentException if {@code s} holds a lone surrogate, which has no UTF-8 form
   *     ({@link String#getBytes} would write {@code '?'} for it, and the word would come back as
   *     another)
   */
  static byte[] encode(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new IllegalArgumentException(
              "'"
                  + s
                  + "' holds a lone surrogate (U+"
                  + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                  + ")");
        }
      }
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
