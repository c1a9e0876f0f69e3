package io.wordvec.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTests {

  @Test
  void whitespaceTokenizerKeepsTokensAsTheyAre() {
    assertThat(Tokenizer.whitespace().tokenize("  The cat,\tsat\r\n on  MAT. "))
        .containsExactly("The", "cat,", "sat", "on", "MAT.");
  }

  @Test
  void whitespaceTokenizerReturnsNothingForBlankText() {
    assertThat(Tokenizer.whitespace().tokenize(" \t ")).isEmpty();
    assertThat(Tokenizer.whitespace().tokenize("")).isEmpty();
  }

  @Test
  void normalizingTokenizerLowercasesAndSplitsOnNonLetters() {
    assertThat(Tokenizer.normalizing().tokenize("Don't stop, Ölaf! Version 2.0 -- ÉTÉ"))
        .containsExactly("don", "t", "stop", "ölaf", "version", "2", "0", "été");
  }

  @Test
  void normalizingTokenizerKeepsLettersOutsideTheBasicPlane() {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter encoded as a surrogate pair.
    assertThat(Tokenizer.normalizing().tokenize("x\uD835\uDC00y z"))
        .containsExactly("x\uD835\uDC00y", "z");
  }

  @Test
  void normalizingTokenizerHandlesNonLatinScripts() {
    assertThat(Tokenizer.normalizing().tokenize("Москва — столица; 東京"))
        .containsExactly("москва", "столица", "東京");
  }
}
