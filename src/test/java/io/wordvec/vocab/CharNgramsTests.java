package io.wordvec.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CharNgramsTests {

  private static final CharNgrams FIXTURE = new CharNgrams(3, 6, 1000);

  @Test
  void asciiHashesAreFnv1a32() {
    // the published FNV-1a test vectors (ASCII: sign extension changes nothing)
    assertThat(CharNgrams.hash("")).isEqualTo(0x811c9dc5);
    assertThat(CharNgrams.hash("a")).isEqualTo(0xe40c292c);
    assertThat(CharNgrams.hash("foobar")).isEqualTo(0xbf9cf968);
  }

  @Test
  void bytesAboveSevenBitsAreSignExtendedAsFastTextDoes() {
    // 'é' is C3 A9: fastText XORs 0xFFFFFFC3, then 0xFFFFFFA9, not 0xC3 and 0xA9
    int plain = 0x811c9dc5;
    for (int b : new int[] {0xC3, 0xA9}) {
      plain = (plain ^ b) * 0x01000193;
    }
    int extended = 0x811c9dc5;
    for (int b : new int[] {0xFFFFFFC3, 0xFFFFFFA9}) {
      extended = (extended ^ b) * 0x01000193;
    }
    assertThat(plain).isNotEqualTo(extended);
    assertThat(CharNgrams.hash("é")).isEqualTo(extended);
  }

  @Test
  void ngramsAreFastTextsInItsOrderForEveryFixtureWord() throws Exception {
    Map<String, List<String>> printed = printedNgrams();
    assertThat(printed).containsKeys("king", "hamlets", "naïveté", "москвы", "東京駅");
    for (Map.Entry<String, List<String>> entry : printed.entrySet()) {
      String word = entry.getKey();
      List<String> expected = new ArrayList<>(entry.getValue());
      if (expected.get(0).equals(word)) {
        expected.remove(0); // a known word's own row comes first in print-ngrams
      }
      assertThat(FIXTURE.ngrams(word)).as(word).containsExactlyElementsOf(expected);
      assertThat(FIXTURE.buckets(word)).hasSize(expected.size());
    }
  }

  @Test
  void bucketsAreTheUnsignedHashModuloTheBucketCount() {
    List<String> ngrams = FIXTURE.ngrams("naïveté");
    int[] buckets = FIXTURE.buckets("naïveté");
    for (int i = 0; i < buckets.length; i++) {
      long unsigned = Integer.toUnsignedLong(CharNgrams.hash(ngrams.get(i)));
      assertThat(buckets[i]).isEqualTo((int) (unsigned % 1000));
    }
    // a hash with its top bit set must not give a negative bucket
    assertThat(ngrams.stream().anyMatch(g -> CharNgrams.hash(g) < 0)).isTrue();
  }

  @Test
  void charactersAreCodePointsNeverSplitBytes() {
    CharNgrams ngrams = new CharNgrams(1, 2, 100);
    // markers alone are left out; a four-byte character (two Java chars) is one character
    assertThat(ngrams.ngrams("𝄞é")).containsExactly("<𝄞", "𝄞", "𝄞é", "é", "é>");
  }

  @Test
  void wholeMarkedWordIsAnNgramWhenShortEnough() {
    assertThat(FIXTURE.ngrams("a")).containsExactly("<a>");
    assertThat(new CharNgrams(4, 6, 10).buckets("a")).isEmpty();
    assertThat(new CharNgrams(5, 5, 10).ngrams("abc")).containsExactly("<abc>");
  }

  @Test
  void repeatedNgramsAreKeptAsFastTextKeepsThem() {
    assertThat(new CharNgrams(2, 2, 10).ngrams("aaa")).containsExactly("<a", "aa", "aa", "a>");
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new CharNgrams(0, 6, 10)).hasMessageContaining("minn");
    assertThatThrownBy(() -> new CharNgrams(4, 3, 10)).hasMessageContaining("maxn 3");
    assertThatThrownBy(() -> new CharNgrams(3, 33, 10)).hasMessageContaining("32");
    assertThatThrownBy(() -> new CharNgrams(3, 6, 0)).hasMessageContaining("bucket");
  }

  /** fastText's {@code print-ngrams} output for the fixture's words, n-grams in order. */
  static Map<String, List<String>> printedNgrams() throws IOException, URISyntaxException {
    Path file =
        Path.of(CharNgramsTests.class.getClassLoader().getResource("fasttext/ngrams.txt").toURI());
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("# ")) {
        current = new ArrayList<>();
        out.put(line.substring(2), current);
      } else if (!line.isBlank()) {
        current.add(line.substring(0, line.indexOf(' ')));
      }
    }
    return out;
  }
}
