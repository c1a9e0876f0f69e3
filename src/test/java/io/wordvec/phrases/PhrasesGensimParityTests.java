package io.wordvec.phrases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.Tokenizer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The phrases found in the King James Pentateuch equal gensim 4's, pass by pass, with the same
 * scores (fixtures made by {@code src/test/resources/phrases/make-fixture.sh}).
 */
class PhrasesGensimParityTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "default-2passes.tsv, 2, 5, 10.0, default, 10000000",
    "default-low.tsv, 1, 2, 2.0, default, 10000000",
    "npmi-2passes.tsv, 2, 5, 0.5, npmi, 10000000",
    "default-pruned.tsv, 1, 5, 10.0, default, 20000"
  })
  void findsTheSamePhrasesWithTheSameScoresAsGensim(
      String fixture, int passes, int minCount, double threshold, String scoring, int maxTable)
      throws Exception {
    PhraseOptions options =
        new PhraseOptions(passes, minCount, threshold, PhraseScoring.of(scoring), maxTable);

    Phrases phrases = Phrases.learn(corpus(), options, (pass, tokens, estimate) -> {});

    Map<String, Double> expected = expected(fixture);
    Map<String, Double> actual = new TreeMap<>();
    for (Phrase phrase : phrases.phrases()) {
      actual.put(phrase.pass() + "\t" + phrase.text(), phrase.score());
    }
    // Only the phrases the rewriting writes: a pair that scores high but is always preceded by
    // another phrase's first word is never joined, and gensim's fixture lists what it joined.
    Map<String, Double> written = writtenPhrases(phrases, actual);
    assertThat(written.keySet()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertThat(written.get(e.getKey()))
          .as(e.getKey())
          .isCloseTo(e.getValue(), within(Math.abs(e.getValue()) * 1e-6));
    }
    assertThat(expected).hasSizeGreaterThan(100);
  }

  /** The phrases joined in the rewritten corpus, pass by pass, with their scores. */
  private static Map<String, Double> writtenPhrases(Phrases phrases, Map<String, Double> scores)
      throws IOException {
    Map<String, Double> written = new TreeMap<>();
    corpus()
        .read(
            new CorpusReader.TokenSink() {
              private List<String> sentence = new ArrayList<>();

              @Override
              public void token(byte[] utf8, int off, int len) {
                sentence.add(new String(utf8, off, len, StandardCharsets.UTF_8));
              }

              @Override
              public void endSentence() {
                List<String> in = sentence;
                for (int pass = 1; pass <= phrases.passes(); pass++) {
                  List<String> out = phrases.layers().get(pass - 1).apply(in);
                  int i = 0;
                  for (String token : out) {
                    if (token.equals(in.get(i))) {
                      i++;
                    } else {
                      String key = pass + "\t" + token;
                      written.put(key, scores.get(key));
                      i += 2;
                    }
                  }
                  in = out;
                }
                sentence = new ArrayList<>();
              }
            },
            (tokens, estimate) -> {});
    return written;
  }

  private static CorpusReader corpus() {
    try {
      Path file =
          Path.of(
              PhrasesGensimParityTests.class.getResource("/corpora/kjv-pentateuch.txt").toURI());
      return new CorpusReader(file, Tokenizer.whitespace(), 10_000);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Double> expected(String fixture) throws Exception {
    Path file = Path.of(PhrasesGensimParityTests.class.getResource("/phrases/" + fixture).toURI());
    Map<String, Double> out = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      out.put(f[0] + "\t" + f[1], Double.parseDouble(f[2]));
    }
    return out;
  }
}
