package io.wordvec.query;

import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Closest known spellings of an unknown word: the vocabulary words within a small edit distance
 * (insertions, deletions, substitutions and swaps of adjacent letters), nearest first and, at equal
 * distance, most frequent first (vocabularies are ordered by frequency).
 *
 * <p>A linear scan with a banded, early-exit distance: candidates whose length differs by more than
 * the bound are skipped without work, so a 50,000-word vocabulary takes about a millisecond.
 */
final class SpellingSuggester {

  /** Only the most frequent words are scanned: rare words make poor suggestions anyway. */
  static final int SCAN_LIMIT = 200_000;

  /** Longer strings are not words a person mistyped; they get no suggestions. */
  static final int MAX_WORD_LENGTH = 40;

  private SpellingSuggester() {}

  private record Candidate(int id, int distance) {}

  static List<String> suggest(Vocabulary vocabulary, String word, int max) {
    if (max <= 0 || word.isEmpty() || word.length() > MAX_WORD_LENGTH) {
      return List.of();
    }
    Set<String> result = new LinkedHashSet<>();
    String lower = word.toLowerCase(Locale.ROOT);
    if (!lower.equals(word) && vocabulary.contains(lower)) {
      result.add(lower);
    }
    int bound = lower.length() <= 3 ? 1 : 2;
    List<Candidate> candidates = new ArrayList<>();
    int scan = Math.min(vocabulary.size(), SCAN_LIMIT);
    for (int id = 0; id < scan; id++) {
      String known = vocabulary.word(id);
      if (Math.abs(known.length() - lower.length()) > bound) {
        continue;
      }
      int distance = distance(lower, known, bound);
      if (distance <= bound) {
        candidates.add(new Candidate(id, distance));
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::id));
    for (Candidate candidate : candidates) {
      if (result.size() >= max) {
        break;
      }
      String known = vocabulary.word(candidate.id());
      if (!known.equals(word)) {
        result.add(known);
      }
    }
    return List.copyOf(result);
  }

  /**
   * Optimal string alignment distance of {@code a} and {@code b}, or {@code bound + 1} as soon as
   * it must exceed {@code bound}.
   */
  static int distance(String a, String b, int bound) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > bound) {
      return bound + 1;
    }
    int[] previous2 = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] row = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      row[0] = i;
      int rowMin = row[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int value = Math.min(Math.min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        row[j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > bound) {
        return bound + 1;
      }
      int[] recycled = previous2;
      previous2 = previous;
      previous = row;
      row = recycled;
    }
    return Math.min(previous[m], bound + 1);
  }
}
