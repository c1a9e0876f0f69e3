package io.wordvec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import io.wordvec.testing.Matrices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VectorCommandsTests {

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WordvecCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String fixture(String name) {
    try {
      return Path.of(VectorCommandsTests.class.getResource("/gensim/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void evaluatePrintsGensimsFiguresAsATable() {
    int code =
        run(
            "evaluate",
            "--model",
            fixture("kjv50.txt"),
            "--analogies",
            fixture("kjv-analogies.txt"),
            "--pairs",
            fixture("kjv-pairs.txt"),
            "--sections");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    // gensim: 51 of 320 questions right (0.159375) of 396; Spearman 0.0197, 2.0% OOV
    assertThat(out.toString())
        .contains("2449 words x 50")
        .containsPattern("total\\s+51\\s+320\\s+396\\s+15\\.94%\\s+80\\.8%")
        .containsPattern("gram-past\\s+33\\s+110")
        .containsPattern("kjv-pairs.txt\\s+0\\.0197\\s+0\\.0391\\s+150\\s+2\\.0%");
  }

  @Test
  void evaluateWritesJsonWithBothMethods() {
    int code =
        run(
            "evaluate",
            "--model",
            fixture("kjv50.bin"),
            "--analogies",
            fixture("kjv-analogies.txt"),
            "--method",
            "both",
            "--json");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .startsWith("{\"model\":")
        .contains("\"method\":\"cosadd\"")
        .contains("\"method\":\"cosmul\"")
        .contains("\"accuracy\":0.159375")
        .contains("\"pairs\":[]");
  }

  @Test
  void evaluateWithoutSetsUsesTheBundledOnes() {
    assertThat(run("evaluate", "--model", fixture("kjv50.txt"))).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("questions-words.txt (bundled)")
        .containsPattern("total\\s+13\\s+190\\s+19544")
        .contains("wordsim353.txt (bundled)");
  }

  @Test
  void convertGoesThroughEveryFormatLosslessly() throws Exception {
    Path wvm = tmp.resolve("kjv.wvm");
    Path bin = tmp.resolve("kjv.bin");
    Path vec = tmp.resolve("kjv.vec");
    Path direct = tmp.resolve("kjv-direct.bin");
    assertThat(run("convert", "--input", fixture("kjv50.txt"), "--output", wvm.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(run("convert", "--input", wvm.toString(), "--output", bin.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(run("convert", "--input", bin.toString(), "--output", vec.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(run("convert", "--input", fixture("kjv50.txt"), "--output", direct.toString()))
        .isEqualTo(ExitCodes.OK);
    LoadedModel original = ModelFiles.load(Path.of(fixture("kjv50.txt")));
    LoadedModel last = ModelFiles.load(vec);
    assertThat(last.format()).isEqualTo(VectorFormat.FASTTEXT_VEC);
    assertThat(last.vectors().vocabulary().words())
        .isEqualTo(original.vectors().vocabulary().words());
    // A .wvm stores unit rows and their norms: the vectors come back to float rounding through
    // it, and exactly between the word2vec formats.
    Matrices.assertWithinRounding(
        Matrices.raw(last.vectors()), Matrices.raw(original.vectors()), 50);
    assertThat(Matrices.raw(ModelFiles.load(direct).vectors()))
        .isEqualTo(Matrices.raw(original.vectors()));
    // gensim's own binary is byte-identical to ours apart from the newline after each vector
    assertThat(Files.size(bin))
        .isEqualTo(Files.size(Path.of(fixture("kjv50.bin"))) + original.vectors().size());
    assertThat(out.toString()).contains("converted").contains("(wvm)");
  }

  @Test
  void convertRejectsAnUnknownOutputExtension() {
    assertThat(
            run(
                "convert",
                "--input",
                fixture("kjv50.txt"),
                "--output",
                tmp.resolve("x.model").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("cannot tell the output format from 'x.model'");
  }

  @Test
  void neighborsPrintsGensimsRanking() {
    int code = run("neighbors", "--model", fixture("kjv50.txt"), "god", "--topn", "3");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString().lines().map(l -> l.trim().split("\\s+")[1]))
        .containsExactly("almighty", "promised", "merciful");
  }

  @Test
  void neighborsReportsUnknownWordsAndBadFiles() throws Exception {
    assertThat(run("neighbors", "--model", fixture("kjv50.txt"), "god", "zeus", "thor"))
        .isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("unknown words: zeus, thor");
    Path broken = Files.writeString(tmp.resolve("broken.txt"), "5 3\na 1 2 3\n");
    assertThat(run("neighbors", "--model", broken.toString(), "a")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("broken.txt: truncated");
  }
}
