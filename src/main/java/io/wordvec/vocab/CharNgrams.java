package io.wordvec.vocab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * fastText's subwords: the character n-grams of {@code <word>} (the word between the markers {@code
 * <} and {@code >}) of {@code minn} to {@code maxn} characters, each hashed into one of {@code
 * bucket} rows. A subword model keeps a row per word and a row per bucket; a word's vector is the
 * mean of its own row and its n-grams' rows, and a word it never saw still has n-grams.
 *
 * <p>Everything here is as fastText 0.9.2 does it ({@code Dictionary::computeSubwords} and {@code
 * Dictionary::hash}), so that vectors read from a fastText {@code .bin} are answered the same:
 *
 * <ul>
 *   <li>characters are UTF-8 code points: an n-gram never starts or ends inside a character;
 *   <li>the whole {@code <word>} is one of the n-grams when it is short enough; one-character
 *       n-grams that are only a marker are left out;
 *   <li>the hash is 32-bit FNV-1a over the n-gram's UTF-8 bytes, where each byte is sign-extended
 *       before the XOR ({@code uint32_t(int8_t(c))}), so bytes above 0x7F flip the upper 24 bits
 *       too; the bucket is that hash modulo {@code bucket}, unsigned;
 *   <li>n-grams are listed in fastText's order (by start, then length) and duplicates are kept (a
 *       word with a repeated n-gram weighs its row twice, as fastText does).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param minn the shortest n-gram, in characters, &gt;= 1
 * @param maxn the longest, &gt;= minn
 * @param bucket how many hash buckets (n-gram rows), &gt;= 1
 */
public record CharNgrams(int minn, int maxn, int bucket) {

  /** fastText's defaults when subwords are on: 3 to 6 characters, 2,000,000 buckets. */
  public static final CharNgrams DEFAULT = new CharNgrams(3, 6, 2_000_000);

  /** The longest n-gram accepted: fastText has no limit, but nothing useful is longer. */
  public static final int MAX_N = 32;

  private static final int FNV_OFFSET = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;

  /**
   * @throws IllegalArgumentException unless {@code 1 <= minn <= maxn <= 32} and {@code bucket >= 1}
   */
  public CharNgrams {
    if (minn < 1 || maxn < minn || maxn > MAX_N) {
      throw new IllegalArgumentException(
          "n-gram lengths must satisfy 1 <= minn <= maxn <= "
              + MAX_N
              + ", were minn "
              + minn
              + ", maxn "
              + maxn);
    }
    if (bucket < 1) {
      throw new IllegalArgumentException("bucket must be >= 1, was " + bucket);
    }
  }

  /**
   * The n-grams a user's options ask for, where any option may be absent: none when all three are
   * absent or {@code maxn} is 0 (fastText's way to turn subwords off), else fastText's defaults (3,
   * 6, 2,000,000) for the absent ones, a default length moved to fit the given one.
   *
   * @return the n-grams, or null for none
   * @throws IllegalArgumentException if the given values are not valid together
   */
  public static CharNgrams fromOptions(Integer minn, Integer maxn, Integer bucket) {
    if ((minn == null && maxn == null && bucket == null) || (maxn != null && maxn == 0)) {
      return null;
    }
    int min = minn != null ? minn : Math.min(DEFAULT.minn, maxn != null ? maxn : DEFAULT.minn);
    int max = maxn != null ? maxn : Math.min(MAX_N, Math.max(DEFAULT.maxn, min));
    return new CharNgrams(min, max, bucket != null ? bucket : DEFAULT.bucket);
  }

  /**
   * The bucket of each n-gram of {@code <word>}, in fastText's order; empty when the word is too
   * short to have any (a one-letter word with {@code minn} 4).
   */
  public int[] buckets(String word) {
    byte[] bytes = marked(word);
    int[] out = new int[Math.max(1, bytes.length) * (maxn - minn + 1)];
    int count = 0;
    for (int start = 0; start < bytes.length; start++) {
      if (isContinuation(bytes[start])) {
        continue;
      }
      int hash = FNV_OFFSET;
      int end = start;
      // Extends the n-gram one character at a time; FNV-1a continues over the new bytes, so each
      // length costs only its last character.
      for (int n = 1; end < bytes.length && n <= maxn; n++) {
        hash = step(hash, bytes[end++]);
        while (end < bytes.length && isContinuation(bytes[end])) {
          hash = step(hash, bytes[end++]);
        }
        if (n >= minn && !(n == 1 && (start == 0 || end == bytes.length))) {
          out[count++] = Integer.remainderUnsigned(hash, bucket);
        }
      }
    }
    return Arrays.copyOf(out, count);
  }

  /** The n-grams of {@code <word>} themselves, in the order of {@link #buckets}. */
  public List<String> ngrams(String word) {
    byte[] bytes = marked(word);
    List<String> out = new ArrayList<>();
    for (int start = 0; start < bytes.length; start++) {
      if (isContinuation(bytes[start])) {
        continue;
      }
      int end = start;
      for (int n = 1; end < bytes.length && n <= maxn; n++) {
        end++;
        while (end < bytes.length && isContinuation(bytes[end])) {
          end++;
        }
        if (n >= minn && !(n == 1 && (start == 0 || end == bytes.length))) {
          out.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  /**
   * fastText's 32-bit FNV-1a hash of {@code text}'s UTF-8 bytes, each byte sign-extended before the
   * XOR as fastText's {@code uint32_t(int8_t(c))} does (plain FNV-1a for ASCII).
   */
  public static int hash(String text) {
    int hash = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = step(hash, b);
    }
    return hash;
  }

  /** One FNV-1a step; {@code b} is widened to an int with its sign, on purpose. */
  private static int step(int hash, byte b) {
    return (hash ^ b) * FNV_PRIME;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  private static byte[] marked(String word) {
    return ("<" + word + ">").getBytes(StandardCharsets.UTF_8);
  }
}
