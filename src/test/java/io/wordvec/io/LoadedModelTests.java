package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedModelTests {

  @TempDir Path dir;

  @Test
  void aNativeFileConvertedFromAWord2VecFileHasNoCorpusCounts() throws IOException {
    WordVectors vectors = Word2VecFormatTests.awkward();
    Path text = dir.resolve("vectors.txt");
    ModelFiles.save(vectors, text, VectorFormat.WORD2VEC_TEXT);
    LoadedModel plain = ModelFiles.load(text);
    // What `wordvec convert` does: the rank-derived stand-in counts go into the native file.
    Path converted = dir.resolve("converted.wvm");
    ModelFiles.save(plain, converted, VectorFormat.NATIVE);

    LoadedModel served = ModelFiles.loadForServing(converted);

    assertThat(plain.hasCorpusCounts()).isFalse();
    assertThat(served.format()).isEqualTo(VectorFormat.NATIVE);
    assertThat(served.vectors().vocabulary().totalCount())
        .as("the file does store counts, only not corpus counts")
        .isPositive();
    assertThat(served.hasCorpusCounts()).isFalse();
  }

  @Test
  void aModelTrainedHereHasCorpusCountsInEveryForm() throws IOException {
    TrainedModel trained =
        NativeFormatTests.model(64, 5, new CorpusStats("kjv.txt", 5852, 157249, 150000, 2800));
    Path file = dir.resolve("trained.wvm");
    ModelFiles.save(trained, file);

    LoadedModel full = ModelFiles.load(file);
    LoadedModel served = ModelFiles.loadForServing(file);

    assertThat(full.hasCorpusCounts()).isTrue();
    assertThat(full.withoutOutput().hasCorpusCounts()).isTrue();
    assertThat(served.hasCorpusCounts()).isTrue();
  }

  @Test
  void vectorsSavedAloneInTheNativeFormatHaveNoCorpusCounts() throws IOException {
    TrainedModel trained = NativeFormatTests.model(64, 5, null);
    Path file = dir.resolve("vectors-only.wvm");
    ModelFiles.save(trained.wordVectors(), file, VectorFormat.NATIVE);

    assertThat(ModelFiles.loadForServing(file).hasCorpusCounts()).isFalse();
  }
}
