package io.wordvec.phrases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Joins the phrases a model knows in query text: {@code ["new", "york", "city"]} becomes {@code
 * ["new_york", "city"]} when the vocabulary has {@code new_york}. The vocabulary decides, not the
 * detection's scores (a served model keeps no counts): left to right, at each token the longest run
 * of up to {@code maxWords} tokens whose joined text is a known word is taken, else the token
 * alone.
 *
 * <p>Immutable and thread-safe when {@code known} is.
 */
public final class PhraseJoiner {

  private final Predicate<String> known;
  private final int maxWords;

  /**
   * @param known whether a joined token is in the model's vocabulary
   * @param maxWords the longest phrase to try, in tokens ({@code 2^passes} after {@code passes}
   *     detection passes); &gt;= 2
   */
  public PhraseJoiner(Predicate<String> known, int maxWords) {
    this.known = Objects.requireNonNull(known, "known");
    if (maxWords < 2) {
      throw new IllegalArgumentException("maxWords must be >= 2, was " + maxWords);
    }
    this.maxWords = maxWords;
  }

  /** The longest phrase {@code passes} detection passes can build: {@code 2^passes} words. */
  public static int maxWords(int passes) {
    return 1 << Math.min(Math.max(passes, 1), 16);
  }

  /** The tokens with known phrases joined; the input list is not modified. */
  public List<String> join(List<String> tokens) {
    int n = tokens.size();
    List<String> out = new ArrayList<>(n);
    int i = 0;
    while (i < n) {
      String longest = tokens.get(i);
      int taken = 1;
      StringBuilder joined = new StringBuilder(tokens.get(i));
      for (int j = i + 1; j < n && j - i < maxWords; j++) {
        joined.append(PhraseOptions.DELIMITER).append(tokens.get(j));
        String candidate = joined.toString();
        if (known.test(candidate)) {
          longest = candidate;
          taken = j - i + 1;
        }
      }
      out.add(longest);
      i += taken;
    }
    return out;
  }
}
