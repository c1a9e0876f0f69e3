package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.train.LocalTrainingEngine;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingRequest;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.CharNgrams;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained subword model through the native format: n-gram rows and word rows kept. */
class SubwordModelFileTests {

  @TempDir static Path dir;

  private static TrainedModel model;

  @BeforeAll
  static void train() throws Exception {
    Path corpus = Path.of(SubwordModelFileTests.class.getResource("/corpora/hamlet.txt").toURI());
    TrainingConfig config =
        TrainingConfig.builder()
            .dimension(16)
            .minCount(5)
            .epochs(1)
            .threads(1)
            .subwords(new CharNgrams(3, 5, 700))
            .build();
    model = new LocalTrainingEngine().train(new TrainingRequest(corpus, config));
  }

  @Test
  void aFullSubwordModelReadsBackWithItsWordAndNgramRows() throws Exception {
    Path file = dir.resolve("full.wvm");
    NativeFormat.write(model, file);
    try (FileChannel channel = FileChannel.open(file)) {
      NativeHeader header = NativeHeader.read(file, channel);
      assertThat(header.version()).isEqualTo(5);
      assertThat(header.full()).isTrue();
      assertThat(header.subwords()).isTrue();
      assertThat(header.ngrams()).isEqualTo(new CharNgrams(3, 5, 700));
    }
    LoadedModel read = NativeFormat.read(file);
    TrainedModel back = read.trained().orElseThrow();
    assertThat(back.inputVectors()).isEqualTo(model.inputVectors());
    assertThat(back.ngramVectors()).isEqualTo(model.ngramVectors());
    assertThat(back.config()).isEqualTo(model.config());
    WordVectors served = model.wordVectors();
    for (WordVectors loaded :
        new WordVectors[] {read.vectors(), NativeFormat.map(file, 0).vectors()}) {
      assertClose(loaded.vector("hamlet", false), served.vector("hamlet", false));
      assertThat(loaded.ngramVector("hamletish").orElseThrow())
          .containsExactly(served.ngramVector("hamletish").orElseThrow());
    }
  }

  @Test
  void servingReadsLeaveTheTrainingRowsInTheFile() throws Exception {
    Path file = dir.resolve("served.wvm");
    ModelFiles.save(model, file);
    LoadedModel served = ModelFiles.loadForServing(file);
    assertThat(served.trained()).isEmpty();
    assertThat(served.training().orElseThrow().config().ngrams())
        .isEqualTo(new CharNgrams(3, 5, 700));
    assertThat(served.vectors().subwords().orElseThrow().isMapped()).isTrue();
    Path vec = dir.resolve("served.vec");
    ModelFiles.save(served, vec, VectorFormat.FASTTEXT_VEC);
    float[] text = ModelFiles.load(vec).vectors().vector("hamlet", false);
    float[] expected = model.wordVectors().vector("hamlet", false);
    for (int j = 0; j < expected.length; j++) {
      assertThat(text[j]).isCloseTo(expected[j], within(1e-4f));
    }
  }

  private static void assertClose(float[] actual, float[] expected) {
    for (int j = 0; j < expected.length; j++) {
      assertThat(actual[j]).isCloseTo(expected[j], within(1e-5f));
    }
  }
}
