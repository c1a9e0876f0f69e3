package io.wordvec.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VocabularyBuilderTests {

  private static VocabularyBuilder countWhitespace(String text) {
    VocabularyBuilder builder = new VocabularyBuilder();
    for (String token : Tokenizer.whitespace().tokenize(text)) {
      builder.add(token);
    }
    return builder;
  }

  @Test
  void countsWordsAndOrdersByDescendingCountThenWord() {
    VocabularyBuilder builder =
        countWhitespace("b a c a b a\nd c b a e\nc e d a\nzeta eta\nbeta alpha");
    Vocabulary vocab = builder.build(1, 0);

    assertThat(vocab.words())
        .containsExactly("a", "b", "c", "d", "e", "alpha", "beta", "eta", "zeta");
    assertThat(vocab.counts()).containsExactly(5, 3, 3, 2, 2, 1, 1, 1, 1);
    assertThat(vocab.totalCount()).isEqualTo(19);
    assertThat(builder.tokens()).isEqualTo(19);
    assertThat(builder.distinctWordsSeen()).isEqualTo(9);
  }

  @Test
  void dropsWordsBelowMinCount() {
    Vocabulary vocab = countWhitespace("b a c a b a d c b a e c e d a").build(3, 0);

    assertThat(vocab.words()).containsExactly("a", "b", "c");
    assertThat(vocab.counts()).containsExactly(5, 3, 3);
  }

  @Test
  void keepsOnlyTheMostFrequentWordsUnderMaxVocab() {
    Vocabulary vocab = countWhitespace("b a c a b a d c b a e c e d a").build(1, 2);

    assertThat(vocab.words()).containsExactly("a", "b");
  }

  @Test
  void buildsAnEmptyVocabularyWhenNoWordReachesMinCount() {
    assertThat(countWhitespace("a b c").build(2, 0).size()).isZero();
  }

  @Test
  void mapsHandlesToFinalIds() {
    VocabularyBuilder builder = new VocabularyBuilder();
    int rare = builder.add("rare");
    int common = builder.add("common");
    builder.add("common");
    Vocabulary vocab = builder.build(2, 0);

    int[] ids = builder.handleToId(vocab);
    assertThat(ids[common]).isEqualTo(vocab.id("common")).isZero();
    assertThat(ids[rare]).isEqualTo(-1);
  }

  @Test
  void prunesRareWordsWhenTheTableOverflows() {
    VocabularyBuilder builder = new VocabularyBuilder(4);
    for (int i = 0; i < 10; i++) {
      builder.add("the");
      builder.add("cat");
    }
    for (int i = 0; i < 20; i++) {
      builder.add("rare" + i);
    }
    Vocabulary vocab = builder.build(1, 0);

    assertThat(builder.size()).isLessThanOrEqualTo(4);
    assertThat(vocab.words()).startsWith("cat", "the");
    assertThat(vocab.count(vocab.id("the"))).isEqualTo(10);
    assertThat(builder.tokens()).isEqualTo(40);
    assertThat(builder.distinctWordsSeen()).isEqualTo(22);
  }

  @Test
  void countsUtf8WordsByTheirBytes() {
    VocabularyBuilder builder = new VocabularyBuilder();
    byte[] bytes = "xx été yy".getBytes(StandardCharsets.UTF_8);
    builder.add(bytes, 3, "été".getBytes(StandardCharsets.UTF_8).length);
    builder.add("été");

    assertThat(builder.count("été")).isEqualTo(2);
    assertThat(builder.build(1, 0).words()).containsExactly("été");
  }

  @Test
  void rejectsInvalidUtf8() {
    VocabularyBuilder builder = new VocabularyBuilder();
    byte[] truncated = {'a', (byte) 0xC3};
    byte[] overlong = {(byte) 0xC0, (byte) 0xAF};
    byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

    assertThatThrownBy(() -> builder.add(truncated, 0, 2)).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> builder.add(overlong, 0, 2)).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> builder.add(surrogate, 0, 3)).hasMessageContaining("UTF-8");
    assertThat(builder.tokens()).isZero();
  }

  @Test
  void rejectsBadBuildArguments() {
    VocabularyBuilder builder = countWhitespace("a");

    assertThatThrownBy(() -> builder.build(0, 0)).hasMessageContaining("minCount");
    assertThatThrownBy(() -> builder.build(1, -1)).hasMessageContaining("maxVocab");
  }

  @Test
  void mergedCountsBuildTheVocabularyOfOnePassOverEveryToken() {
    String text = "b a c a b a\nd c b a e\nc e d a\nzeta eta\nbeta alpha";
    Vocabulary onePass = countWhitespace(text).build(2, 4);
    // as if two partitions had counted the halves and their counts were merged by word
    VocabularyBuilder merged = new VocabularyBuilder();
    merged.add("a", 3);
    merged.add("b", 2);
    merged.add("c", 1);
    merged.add("a", 2);
    merged.add("b", 1);
    merged.add("c", 2);
    merged.add("d", 2);
    merged.add("e", 2);
    merged.add("zeta", 1);
    Vocabulary fromCounts = merged.build(2, 4);
    assertThat(fromCounts.words()).isEqualTo(onePass.words()).containsExactly("a", "b", "c", "d");
    assertThat(fromCounts.counts()).isEqualTo(onePass.counts());
    assertThat(merged.tokens()).isEqualTo(16);
    assertThatThrownBy(() -> merged.add("a", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addAllMergesAnotherBuildersCountsAndMapsItsHandles() {
    VocabularyBuilder first = countWhitespace("a b a c");
    VocabularyBuilder second = new VocabularyBuilder();
    int secondC = second.add("c");
    int secondD = second.add("d");
    second.add("c");

    int[] map = first.addAll(second);

    assertThat(first.count("c")).isEqualTo(3);
    assertThat(first.count("d")).isEqualTo(1);
    assertThat(first.tokens()).isEqualTo(7);
    assertThat(first.distinctWordsSeen()).isEqualTo(4);
    Vocabulary vocab = first.build(1, 0);
    int[] ids = first.handleToId(vocab);
    assertThat(ids[map[secondC]]).isEqualTo(vocab.id("c"));
    assertThat(ids[map[secondD]]).isEqualTo(vocab.id("d"));
    assertThat(vocab.words()).isEqualTo(countWhitespace("a b a c c d c").build(1, 0).words());
  }

  @Test
  void addAllMapsWordsTheOtherBuilderPrunedToNothingAndKeepsItsTotals() {
    VocabularyBuilder pruning = new VocabularyBuilder(2);
    int gone = pruning.add("once");
    pruning.add("the");
    pruning.add("the");
    pruning.add("cat");
    pruning.add("cat");
    VocabularyBuilder target = new VocabularyBuilder();
    target.add("the");

    int[] map = target.addAll(pruning);

    assertThat(map[gone]).isEqualTo(-1);
    assertThat(target.count("the")).isEqualTo(3);
    assertThat(target.tokens()).isEqualTo(6);
    assertThat(target.distinctWordsSeen()).isEqualTo(pruning.distinctWordsSeen());
  }
}
