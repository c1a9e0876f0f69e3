package io.wordvec.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VocabularyTests {

  /** ASCII, two-, three- and four-byte UTF-8 (a surrogate pair in Java), and a near miss. */
  private static final String[] WORDS = {"the", "été", "東京", "𝄞clef", "😀", "thé", "th"};

  private static long[] counts(int n) {
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      counts[i] = n - i;
    }
    return counts;
  }

  @Test
  void everyWordIsFoundByItsStringAndDecodesBackToIt() {
    Vocabulary vocabulary = new Vocabulary(WORDS, counts(WORDS.length));
    for (int id = 0; id < WORDS.length; id++) {
      assertThat(vocabulary.id(WORDS[id])).isEqualTo(id);
      assertThat(vocabulary.word(id)).isEqualTo(WORDS[id]);
      assertThat(vocabulary.utf8Length(id))
          .isEqualTo(WORDS[id].getBytes(StandardCharsets.UTF_8).length);
    }
    assertThat(vocabulary.words()).containsExactly(WORDS);
    assertThat(vocabulary.id("thè")).isEqualTo(-1);
    assertThat(vocabulary.id("t")).isEqualTo(-1);
    assertThat(vocabulary.id("thee")).isEqualTo(-1);
    assertThat(vocabulary.id("\uD834")).as("a lone surrogate matches nothing").isEqualTo(-1);
    assertThat(vocabulary.totalCount()).isEqualTo(28);
  }

  @Test
  void manyWordsStayFindableAsTheTableGrows() {
    SplittableRandom random = new SplittableRandom(3);
    Vocabulary.Appender appender = new Vocabulary.Appender(1);
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String word = "w" + random.nextInt(15_000) + (i % 7 == 0 ? "é" : "");
      if (appender.add(word)) {
        added.add(word);
      }
    }
    Vocabulary vocabulary = appender.build(counts(added.size()));
    assertThat(vocabulary.size()).isEqualTo(added.size()).isLessThan(20_000);
    for (int id = 0; id < added.size(); id++) {
      assertThat(vocabulary.id(added.get(id))).isEqualTo(id);
    }
    assertThat(vocabulary.id("w15000")).isEqualTo(-1);
  }

  @Test
  void aVocabularyReadFromUtf8BytesEqualsOneBuiltFromStrings() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] lengths = new int[WORDS.length];
    for (int i = 0; i < WORDS.length; i++) {
      byte[] utf8 = WORDS[i].getBytes(StandardCharsets.UTF_8);
      lengths[i] = utf8.length;
      bytes.writeBytes(utf8);
    }
    Vocabulary vocabulary = Vocabulary.fromUtf8(bytes.toByteArray(), lengths, counts(WORDS.length));
    assertThat(vocabulary.words()).containsExactly(WORDS);
    for (int id = 0; id < WORDS.length; id++) {
      assertThat(vocabulary.id(WORDS[id])).isEqualTo(id);
      byte[] copy = new byte[vocabulary.utf8Length(id) + 1];
      vocabulary.copyUtf8(id, copy, 1);
      assertThat(new String(copy, 1, copy.length - 1, StandardCharsets.UTF_8)).isEqualTo(WORDS[id]);
    }
  }

  @Test
  void badWordBytesAreRejectedWithTheWordsId() {
    byte[] twice = "abab".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Vocabulary.fromUtf8(twice, new int[] {2, 2}, counts(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate word 'ab' at id 1");
    byte[] invalid = {'a', (byte) 0xC3, 'b'};
    assertThatThrownBy(() -> Vocabulary.fromUtf8(invalid, new int[] {1, 2}, counts(2)))
        .hasMessageContaining("word 1 is not valid UTF-8");
    assertThatThrownBy(() -> Vocabulary.fromUtf8(twice, new int[] {0, 4}, counts(2)))
        .hasMessageContaining("word 0 has length 0");
    assertThatThrownBy(() -> Vocabulary.fromUtf8(twice, new int[] {1, 2}, counts(2)))
        .hasMessageContaining("add up to 3 bytes, not 4");
    byte[] two = "abcd".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Vocabulary.fromUtf8(two, new int[] {2, 2}, new long[] {1, -1}))
        .hasMessageContaining("negative count");
  }

  @Test
  void badWordsAreRejected() {
    assertThatThrownBy(() -> new Vocabulary(new String[] {"a", "b", "a"}, counts(3)))
        .hasMessageContaining("duplicate word 'a' at id 2");
    assertThatThrownBy(() -> new Vocabulary(new String[] {"a", ""}, counts(2)))
        .hasMessageContaining("word 1 is empty");
    assertThatThrownBy(() -> new Vocabulary(new String[] {"a", null}, counts(2)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("word 1 is null");
    assertThatThrownBy(() -> new Vocabulary(new String[] {"a\uDC00"}, counts(1)))
        .hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> new Vocabulary(new String[] {"a"}, new long[] {-2}))
        .hasMessageContaining("negative count -2 for 'a'");
  }
}
