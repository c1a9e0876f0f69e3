package io.wordvec.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits one line of text into tokens. Two flavours:
 *
 * <ul>
 *   <li>{@link #whitespace()}: tokens are the runs of characters between ASCII whitespace (space,
 *       tab, line feed, carriage return, form feed, vertical tab), unchanged. This is the format of
 *       pre-tokenised corpora (one sentence per line) and what word2vec.c expects.
 *   <li>{@link #normalizing()}: for raw text. Lowercases with {@link Locale#ROOT} (so the result
 *       does not depend on the machine's locale) and splits on every code point that is not a
 *       letter or a digit, so {@code "Don't stop, Ölaf!"} becomes {@code [don, t, stop, ölaf]}.
 * </ul>
 *
 * <p>Thread-safe and stateless.
 */
public abstract sealed class Tokenizer permits Tokenizer.Whitespace, Tokenizer.Normalizing {

  private static final Tokenizer WHITESPACE = new Whitespace();
  private static final Tokenizer NORMALIZING = new Normalizing();

  private Tokenizer() {}

  /** Splits on ASCII whitespace and keeps tokens as they are. */
  public static Tokenizer whitespace() {
    return WHITESPACE;
  }

  /** Lowercases and splits on anything that is not a letter or a digit. */
  public static Tokenizer normalizing() {
    return NORMALIZING;
  }

  /** The tokens of {@code text}, in order, never empty strings. */
  public abstract List<String> tokenize(String text);

  /** Whether code point {@code cp} belongs to a token (else it separates tokens). */
  abstract boolean isTokenCodePoint(int cp);

  /** A token as this tokenizer returns it, from the run of token code points it was read as. */
  abstract String normalize(String run);

  /** Whether {@code b} is one of the ASCII whitespace bytes that separate tokens. */
  public static boolean isAsciiWhitespace(int b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
  }

  static final class Whitespace extends Tokenizer {
    @Override
    public List<String> tokenize(String text) {
      List<String> tokens = new ArrayList<>();
      int start = -1;
      for (int i = 0; i < text.length(); i++) {
        if (isAsciiWhitespace(text.charAt(i))) {
          if (start >= 0) {
            tokens.add(text.substring(start, i));
            start = -1;
          }
        } else if (start < 0) {
          start = i;
        }
      }
      if (start >= 0) {
        tokens.add(text.substring(start));
      }
      return tokens;
    }

    @Override
    boolean isTokenCodePoint(int cp) {
      return !isAsciiWhitespace(cp);
    }

    @Override
    String normalize(String run) {
      return run;
    }

    @Override
    public String toString() {
      return "whitespace";
    }
  }

  static final class Normalizing extends Tokenizer {
    @Override
    public List<String> tokenize(String text) {
      List<String> tokens = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        if (isTokenCodePoint(cp)) {
          current.appendCodePoint(cp);
        } else if (current.length() > 0) {
          tokens.add(normalize(current.toString()));
          current.setLength(0);
        }
      }
      if (current.length() > 0) {
        tokens.add(normalize(current.toString()));
      }
      return tokens;
    }

    @Override
    boolean isTokenCodePoint(int cp) {
      return Character.isLetterOrDigit(cp);
    }

    @Override
    String normalize(String run) {
      return run.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return "normalizing";
    }
  }
}
