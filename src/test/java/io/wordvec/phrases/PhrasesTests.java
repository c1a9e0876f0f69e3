package io.wordvec.phrases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhrasesTests {

  @TempDir Path dir;

  @Test
  void joinsPairsLeftToRightAndNeverAJoinedPairAgainInOnePass() throws IOException {
    // "a b" and "b c" are both phrases; in "a b c" gensim joins a_b and leaves c alone.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      text.append("a b x\ny b c\nz q\n");
    }
    Phrases phrases = learn(text.toString(), PhraseOptions.of(1, 1, 0.0, PhraseScoring.NPMI));

    assertThat(phrases.apply(List.of("a", "b", "c"))).containsExactly("a_b", "c");
    assertThat(phrases.apply(List.of("y", "b", "c"))).containsExactly("y_b", "c");
    assertThat(phrases.apply(List.of("q", "unknown"))).containsExactly("q", "unknown");
  }

  @Test
  void aSecondPassJoinsPhrasesIntoLongerOnes() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("new york city\n");
    }
    for (int i = 0; i < 10; i++) {
      text.append("big city\n");
    }
    // Pass 1 joins new_york (left to right, before york_city); pass 2 joins new_york and city.
    PhraseOptions options = PhraseOptions.of(2, 2, 0.0, PhraseScoring.NPMI);

    Phrases phrases = learn(text.toString(), options);

    assertThat(phrases.passes()).isEqualTo(2);
    assertThat(phrases.apply(List.of("new", "york", "city", "today")))
        .containsExactly("new_york_city", "today");
    assertThat(phrases.apply(List.of("big", "city"))).containsExactly("big_city");
    assertThat(phrases.phrases()).extracting(Phrase::pass).contains(1, 2);
  }

  @Test
  void rewritingStreamsTheCorpusWithPhrasesJoined() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      text.append("new york is big\nold town\n");
    }
    Path file = write(text.toString());
    CorpusReader reader = new CorpusReader(file, Tokenizer.whitespace(), 1000);
    Phrases phrases = Phrases.learn(reader, PhraseOptions.of(1, 1, 0.0, null), (p, t, e) -> {});
    List<String> tokens = new ArrayList<>();

    CorpusReader.Totals totals =
        phrases
            .rewrite(reader)
            .read(
                new CorpusReader.TokenSink() {
                  @Override
                  public void token(byte[] utf8, int off, int len) {
                    tokens.add(new String(utf8, off, len, StandardCharsets.UTF_8));
                  }

                  @Override
                  public void endSentence() {
                    tokens.add("|");
                  }
                },
                (t, e) -> {});

    assertThat(tokens.subList(0, 6))
        .containsExactly("new_york", "is_big", "|", "old_town", "|", "new_york");
    assertThat(totals.sentences()).isEqualTo(20);
    assertThat(totals.tokens()).isEqualTo(30);
  }

  @Test
  void aTinyTableIsPrunedAndStillFindsTheFrequentPhrase() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("hong kong w").append(i).append(" v").append(i).append('\n');
    }
    PhraseOptions options =
        new PhraseOptions(1, 5, 0.5, PhraseScoring.NPMI, PhraseOptions.MIN_MAX_TABLE_SIZE);

    Phrases phrases = learn(text.toString(), options);

    assertThat(phrases.phrases()).extracting(Phrase::text).containsExactly("hong_kong");
    PhraseCounter counter = new PhraseCounter(PhraseOptions.MIN_MAX_TABLE_SIZE);
    for (int i = 0; i < 3000; i++) {
      counter.add(List.of("hong", "kong", "w" + i, "v" + i));
      // Pruning drops entries seen fewer than 1, 2, 3, ... times: the first drops nothing.
      assertThat(counter.tableSize()).isLessThan(2L * PhraseOptions.MIN_MAX_TABLE_SIZE);
    }
    assertThat(counter.prunings()).isPositive();
    assertThat(counter.corpusWords()).isEqualTo(12_000);
  }

  @Test
  void npmiScoresAPairThatAlwaysOccursTogetherNearOne() {
    double score = PhraseScoring.NPMI.score(10, 10, 10, 0, 5, 1_000_000);
    assertThat(score).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(PhraseScoring.NPMI.score(10, 10, 4, 0, 5, 1_000_000)).isNegative().isInfinite();
    assertThat(PhraseScoring.DEFAULT.score(10, 20, 15, 1000, 5, 0)).isEqualTo(50.0);
  }

  @Test
  void optionsOutOfRangeAreRefusedWithTheirName() {
    assertThatThrownBy(() -> PhraseOptions.of(0, null, null, null)).hasMessageContaining("passes");
    assertThatThrownBy(() -> PhraseOptions.of(5, null, null, null)).hasMessageContaining("passes");
    assertThatThrownBy(() -> PhraseOptions.of(1, 0, null, null)).hasMessageContaining("minCount");
    assertThatThrownBy(() -> PhraseOptions.of(1, null, 2.0, PhraseScoring.NPMI))
        .hasMessageContaining("NPMI");
    assertThatThrownBy(() -> PhraseOptions.of(1, null, Double.NaN, null))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> PhraseScoring.of("pmi")).hasMessageContaining("default or npmi");
    assertThat(PhraseOptions.of(1, null, null, PhraseScoring.NPMI).threshold()).isEqualTo(0.5);
    assertThat(PhraseOptions.defaults(2).threshold()).isEqualTo(10.0);
  }

  @Test
  void joinerTakesTheLongestKnownRunLeftToRight() {
    Set<String> vocabulary = Set.of("new_york", "new_york_city", "york_times", "city");
    PhraseJoiner joiner = new PhraseJoiner(vocabulary::contains, PhraseJoiner.maxWords(2));

    assertThat(joiner.join(List.of("new", "york", "city", "hall")))
        .containsExactly("new_york_city", "hall");
    assertThat(joiner.join(List.of("the", "new", "york", "times")))
        .containsExactly("the", "new_york", "times");
    assertThat(joiner.join(List.of("york", "times"))).containsExactly("york_times");
    assertThat(joiner.join(List.of())).isEmpty();
  }

  private Phrases learn(String text, PhraseOptions options) throws IOException {
    CorpusReader reader = new CorpusReader(write(text), Tokenizer.whitespace(), 1000);
    return Phrases.learn(reader, options, (pass, tokens, estimate) -> {});
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "corpus", ".txt");
    Files.writeString(file, text);
    return file;
  }
}
