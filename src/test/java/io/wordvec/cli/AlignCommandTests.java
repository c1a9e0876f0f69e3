package io.wordvec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wordvec align} on a trained model and the same model turned by an orthogonal map. */
class AlignCommandTests {

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WordvecCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static Path resource(String name) {
    try {
      return Path.of(AlignCommandTests.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The KJV test model (2,449 x 50) with its coordinates reversed and every other one negated. */
  private Path turnedModel() throws IOException {
    WordVectors kjv = ModelFiles.loadForServing(resource("/gensim/kjv50.txt")).vectors();
    int dim = kjv.dimension();
    float[] rows = new float[kjv.size() * dim];
    float[] row = new float[dim];
    for (int w = 0; w < kjv.size(); w++) {
      kjv.rawRow(w, row, 0);
      for (int j = 0; j < dim; j++) {
        rows[w * dim + j] = (j % 2 == 0 ? -1 : 1) * row[dim - 1 - j];
      }
    }
    Path file = tmp.resolve("turned.txt");
    ModelFiles.save(new WordVectors(kjv.vocabulary(), dim, rows), file, VectorFormat.WORD2VEC_TEXT);
    return file;
  }

  @Test
  void heldOutWordsTranslateToThemselvesByBothCriteria() throws IOException {
    int code =
        run(
            "align",
            "--source",
            resource("/gensim/kjv50.txt").toString(),
            "--target",
            turnedModel().toString(),
            "--pairs",
            "500",
            "--test",
            "200");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("source: kjv50.txt (2449 words x 50)")
        .contains("dictionary: 500 identical words, 500 usable pairs")
        .containsPattern("fit: mean cosine 1\\.0000")
        .contains("P@1 nn: 1.0000 (200 of 200 held-out pairs)")
        .contains("P@1 csls: 1.0000 (200 of 200 held-out pairs)");
  }

  @Test
  void aDictionaryFileIsReadAndItsMissingWordsCounted() throws IOException {
    WordVectors kjv = ModelFiles.loadForServing(resource("/gensim/kjv50.txt")).vectors();
    StringBuilder pairs = new StringBuilder("# source target\n");
    for (int i = 0; i < 100; i++) {
      String word = kjv.vocabulary().word(i);
      pairs.append(word).append('\t').append(word).append('\n');
    }
    pairs.append("notaword the\n\n");
    Path dictionary = Files.writeString(tmp.resolve("pairs.tsv"), pairs);

    int code =
        run(
            "align",
            "--source",
            resource("/gensim/kjv50.txt").toString(),
            "--target",
            turnedModel().toString(),
            "--dictionary",
            dictionary.toString(),
            "--test",
            "100");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("dictionary: pairs.tsv, 100 usable pairs (1 missing in source, 0 in target)")
        .contains("P@1 nn: 1.0000 (100 of 100 held-out pairs)");
  }

  @Test
  void modelsOfDifferentDimensionsAreRefused() {
    int code =
        run(
            "align",
            "--source",
            resource("/gensim/kjv50.txt").toString(),
            "--target",
            resource("/models/small.vec").toString());

    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("50 and 3 dimensions");
  }

  @Test
  void aMalformedDictionaryLineIsNamed() throws IOException {
    Path dictionary = Files.writeString(tmp.resolve("bad.tsv"), "the the\nonly-one\n");

    int code =
        run(
            "align",
            "--source",
            resource("/gensim/kjv50.txt").toString(),
            "--target",
            resource("/gensim/kjv50.txt").toString(),
            "--dictionary",
            dictionary.toString());

    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("bad.tsv line 2");
  }
}
