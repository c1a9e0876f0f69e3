package io.wordvec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndexCommandTests {

  @TempDir Path tmp;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = new CommandLine(new WordvecCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path kjv50() throws Exception {
    Path model = tmp.resolve("kjv50.txt");
    try {
      Files.copy(Path.of(getClass().getResource("/gensim/kjv50.txt").toURI()), model);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return model;
  }

  @Test
  void indexWritesTheIndexBesideTheModelAndReportsItsRecall() throws Exception {
    Path model = kjv50();

    int code = run("index", "--model", model.toString(), "--threads", "2", "--check", "50");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(tmp.resolve("kjv50.hnsw")).isNotEmptyFile();
    assertThat(out.toString())
        .contains("2449 words x 50")
        .contains("kjv50.hnsw")
        .containsPattern("recall@10 at ef 100 over 50 sampled words .*: (0\\.9[5-9]|1\\.0)");
    assertThat(err.toString()).contains("100.0%").contains("2,449 of 2,449 words");
    assertThat(WordvecCli.serverArguments("index", "--model", "x.wvm")).isEmpty();
  }

  @Test
  void neighborsSearchesThroughTheIndexBesideTheModelUnlessExact() throws Exception {
    Path model = kjv50();
    assertThat(run("index", "--model", model.toString(), "--quiet", "--check", "0"))
        .isEqualTo(ExitCodes.OK);
    assertThat(run("neighbors", "--model", model.toString(), "god", "--topn", "3", "--exact"))
        .isEqualTo(ExitCodes.OK);
    String exact = out.toString();

    int code = run("neighbors", "--model", model.toString(), "god", "--topn", "3", "--ef", "10");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(err.toString()).contains("searched with the index kjv50.hnsw");
    assertThat(out.toString()).isEqualTo(exact);
    assertThat(exact).contains("almighty").contains("merciful");
  }

  @Test
  void badOptionsAndUnreadableModelsAreReported() throws Exception {
    Path model = kjv50();

    assertThat(run("index", "--model", model.toString(), "--degree", "1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("degree must be between 2 and 512");
    assertThat(run("index", "--model", model.toString(), "--check", "-1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("index", "--model", model.toString(), "--alpha", "0.9"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("alpha must be between 1 and 4, was 0.9");
    assertThat(run("index", "--model", tmp.resolve("absent.wvm").toString()))
        .isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).startsWith("wordvec index: ");
    assertThat(tmp.resolve("absent.hnsw")).doesNotExist();
  }
}
