package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTests {

  @TempDir Path dir;

  @Test
  void formatComesFromTheExtension() throws IOException {
    assertThat(ModelFiles.detect(Path.of("a.bin"))).isEqualTo(VectorFormat.WORD2VEC_BINARY);
    assertThat(ModelFiles.detect(Path.of("a.TXT"))).isEqualTo(VectorFormat.WORD2VEC_TEXT);
    assertThat(ModelFiles.detect(Path.of("wiki.en.vec"))).isEqualTo(VectorFormat.FASTTEXT_VEC);
  }

  @Test
  void withoutAKnownExtensionTheContentDecides() throws IOException {
    WordVectors vectors = Word2VecFormatTests.awkward();
    Path text = dir.resolve("model-text");
    Path binary = dir.resolve("model-binary");
    Word2VecFormat.writeText(vectors, text);
    Word2VecFormat.writeBinary(vectors, binary);
    assertThat(ModelFiles.detect(text)).isEqualTo(VectorFormat.WORD2VEC_TEXT);
    assertThat(ModelFiles.detect(binary)).isEqualTo(VectorFormat.WORD2VEC_BINARY);
    LoadedModel loaded = ModelFiles.load(binary);
    assertThat(loaded.format()).isEqualTo(VectorFormat.WORD2VEC_BINARY);
    assertThat(loaded.trained()).isEmpty();
    Word2VecFormatTests.assertSame(loaded.vectors(), vectors);
  }

  @Test
  void saveAndLoadEveryWord2VecFormat() throws IOException {
    WordVectors vectors = Word2VecFormatTests.awkward();
    for (VectorFormat format :
        new VectorFormat[] {
          VectorFormat.WORD2VEC_TEXT, VectorFormat.WORD2VEC_BINARY, VectorFormat.FASTTEXT_VEC
        }) {
      Path file = dir.resolve("m." + format.extension());
      ModelFiles.save(vectors, file, format);
      LoadedModel loaded = ModelFiles.load(file, 10);
      assertThat(loaded.format()).isEqualTo(format);
      assertThat(loaded.vectors().size()).isEqualTo(10);
    }
  }

  @Test
  void unknownContentIsRejectedNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("notes"), "just some text\nmore\n");
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("unknown format");
  }
}
