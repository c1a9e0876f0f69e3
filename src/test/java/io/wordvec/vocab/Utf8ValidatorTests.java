package io.wordvec.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTests {

  @Test
  void aSequenceSplitBetweenPiecesIsJudgedWhole() {
    byte[] text = "aé€😀b".getBytes(StandardCharsets.UTF_8);
    for (int split = 0; split <= text.length; split++) {
      Utf8Validator check = new Utf8Validator();
      assertThat(check.feed(text, 0, split)).isEqualTo(Utf8Validator.VALID);
      assertThat(check.feed(text, split, text.length - split)).isEqualTo(Utf8Validator.VALID);
      assertThat(check.finish()).isEqualTo(Utf8Validator.VALID);
      assertThat(check.bytes()).isEqualTo(text.length);
    }
  }

  @Test
  void reportsTheOffsetOfTheFirstBadSequenceInTheStream() {
    Utf8Validator check = new Utf8Validator();
    assertThat(check.feed("abc".getBytes(StandardCharsets.US_ASCII), 0, 3))
        .isEqualTo(Utf8Validator.VALID);
    // Latin-1 é: a lead byte followed by an ASCII byte.
    byte[] latin1 = "caf\u00e9 ok".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(check.feed(latin1, 0, latin1.length)).isEqualTo(6);
  }

  @Test
  void rejectsOverlongFormsSurrogatesAndCodePointsBeyondUnicode() {
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0x80},
      {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xFF},
      {(byte) 0x80}
    };
    for (byte[] b : bad) {
      assertThat(new Utf8Validator().feed(b, 0, b.length)).isEqualTo(0);
    }
  }

  @Test
  void aStreamThatEndsInsideACharacterIsInvalid() {
    byte[] euro = "x€".getBytes(StandardCharsets.UTF_8);
    Utf8Validator check = new Utf8Validator();
    assertThat(check.feed(euro, 0, 3)).isEqualTo(Utf8Validator.VALID);
    assertThat(check.finish()).isEqualTo(1);
  }
}
