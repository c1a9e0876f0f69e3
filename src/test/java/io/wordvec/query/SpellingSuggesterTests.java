package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.vocab.Vocabulary;
import org.junit.jupiter.api.Test;

class SpellingSuggesterTests {

  // id order is frequency order: "the" is the most frequent word
  private final Vocabulary vocabulary =
      new Vocabulary(
          new String[] {"the", "then", "they", "king", "kind", "queen", "paris", "tea", "hte"},
          new long[] {90, 80, 70, 60, 50, 40, 30, 20, 10});

  @Test
  void closestSpellingsComeFirstThenTheMostFrequent() {
    assertThat(SpellingSuggester.suggest(vocabulary, "kng", 5)).containsExactly("king");
    assertThat(SpellingSuggester.suggest(vocabulary, "kinf", 5)).containsExactly("king", "kind");
    assertThat(SpellingSuggester.suggest(vocabulary, "thee", 3))
        .containsExactly("the", "then", "they");
  }

  @Test
  void adjacentSwapCountsAsOneEdit() {
    assertThat(SpellingSuggester.distance("qeuen", "queen", 2)).isEqualTo(1);
    assertThat(SpellingSuggester.suggest(vocabulary, "qeuen", 5)).containsExactly("queen");
  }

  @Test
  void lowercaseFormIsSuggestedFirst() {
    assertThat(SpellingSuggester.suggest(vocabulary, "Paris", 5)).first().isEqualTo("paris");
  }

  @Test
  void distanceStopsEarlyBeyondTheBound() {
    assertThat(SpellingSuggester.distance("abcdef", "uvwxyz", 2)).isEqualTo(3);
    assertThat(SpellingSuggester.distance("king", "king", 2)).isZero();
    assertThat(SpellingSuggester.distance("", "ab", 2)).isEqualTo(2);
  }

  @Test
  void nothingCloseGivesNoSuggestions() {
    assertThat(SpellingSuggester.suggest(vocabulary, "zzzzzzz", 5)).isEmpty();
    assertThat(SpellingSuggester.suggest(vocabulary, "x".repeat(500), 5)).isEmpty();
  }

  @Test
  void shortWordsAllowOnlyOneEdit() {
    assertThat(SpellingSuggester.suggest(vocabulary, "th", 5)).containsExactly("the");
  }
}
