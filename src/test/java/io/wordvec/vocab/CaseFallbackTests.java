package io.wordvec.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Looking a word up as written, then in lower case, then in Title case. */
class CaseFallbackTests {

  private final Vocabulary vocabulary =
      new Vocabulary(new String[] {"Paris", "the", "NASA", "état"}, new long[] {4, 3, 2, 1});

  @Test
  void theWordAsWrittenWinsThenLowerCaseThenTitleCase() {
    assertThat(vocabulary.idWithCaseFallback("NASA")).isEqualTo(2);
    assertThat(vocabulary.idWithCaseFallback("THE")).isEqualTo(1);
    assertThat(vocabulary.idWithCaseFallback("paris")).isZero();
    assertThat(vocabulary.idWithCaseFallback("PARIS")).isZero();
    assertThat(vocabulary.idWithCaseFallback("ÉTAT")).isEqualTo(3);
  }

  @Test
  void noFormKnownIsMinusOneAndExactLookupIsUnchanged() {
    assertThat(vocabulary.idWithCaseFallback("nasa")).isEqualTo(-1);
    assertThat(vocabulary.idWithCaseFallback("")).isEqualTo(-1);
    assertThat(vocabulary.id("paris")).isEqualTo(-1);
  }
}
