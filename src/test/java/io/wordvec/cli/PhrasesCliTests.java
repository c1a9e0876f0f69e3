package io.wordvec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.models.TrainParams;
import io.wordvec.phrases.PhraseScoring;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Training with phrases from the command line, the model that records them, and bad options. */
class PhrasesCliTests {

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WordvecCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String kjv() throws Exception {
    return Path.of(PhrasesCliTests.class.getResource("/corpora/kjv-pentateuch.txt").toURI())
        .toString();
  }

  @Test
  void aModelTrainedWithPhrasesHasPhraseTokensRecordsThemAndJoinsThemInQueries() throws Exception {
    Path output = tmp.resolve("kjv.wvm");

    int code =
        run(
            "train",
            "--corpus",
            kjv(),
            "--output",
            output.toString(),
            "--dim",
            "8",
            "--epochs",
            "1",
            "--threads",
            "1",
            "--phrases",
            "2",
            "--quiet");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    LoadedModel model = ModelFiles.load(output);
    assertThat(model.vectors().vocabulary().id("burnt_offering")).isNotNegative();
    assertThat(model.vectors().vocabulary().id("burnt")).isNotNegative();
    assertThat(model.phrasePasses()).isEqualTo(2);
    TrainParams summary = TrainParams.of(model.training().orElseThrow().config());
    assertThat(summary.phrases()).isEqualTo(2);
    assertThat(summary.phraseMinCount()).isEqualTo(5);
    assertThat(summary.phraseThreshold()).isEqualTo(10.0);
    assertThat(summary.phraseScoring()).isEqualTo("default");
    assertThat(model.joinPhrases(List.of("a", "burnt", "offering", "unto", "the", "lord")))
        .startsWith("a_burnt_offering")
        .doesNotContain("burnt", "offering");
  }

  @Test
  void aModelTrainedWithoutPhrasesLeavesQueryTokensAlone() throws Exception {
    Path output = tmp.resolve("plain.wvm");
    assertThat(
            run(
                "train",
                "--corpus",
                kjv(),
                "--output",
                output.toString(),
                "--dim",
                "8",
                "--epochs",
                "1",
                "--quiet"))
        .as(err.toString())
        .isEqualTo(ExitCodes.OK);

    LoadedModel model = ModelFiles.load(output);

    assertThat(model.phrasePasses()).isZero();
    assertThat(model.joinPhrases(List.of("burnt", "offering")))
        .containsExactly("burnt", "offering");
    assertThat(TrainParams.of(model.training().orElseThrow().config()).phrases()).isNull();
  }

  @Test
  void thePhrasesCommandPrintsPhrasesAndWritesTheJoinedCorpus() throws Exception {
    Path joined = tmp.resolve("joined.txt");

    int code =
        run(
            "phrases",
            "--corpus",
            kjv(),
            "--output",
            joined.toString(),
            "--scoring",
            "npmi",
            "--top",
            "5");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("npmi score").contains("threshold 0.5");
    assertThat(out.toString().lines().filter(l -> l.startsWith("1\t"))).hasSize(5);
    assertThat(Files.readString(joined)).contains("burnt_offering");
  }

  @Test
  void badPhraseOptionsAreUsageErrorsThatNameTheOption() throws Exception {
    Path output = tmp.resolve("x.wvm");
    String[][] cases = {
      {"--phrases", "5"},
      {"--phrase-threshold", "3"},
      {"--phrases", "1", "--phrase-scoring", "pmi"},
      {"--phrases", "1", "--phrase-scoring", "npmi", "--phrase-threshold", "2"},
      {"--phrases", "1", "--phrase-min-count", "0"}
    };
    for (String[] options : cases) {
      List<String> args =
          new java.util.ArrayList<>(
              List.of("train", "--corpus", kjv(), "--output", output.toString(), "--quiet"));
      args.addAll(List.of(options));
      err.getBuffer().setLength(0);

      int code = run(args.toArray(String[]::new));

      assertThat(code).as(String.join(" ", options)).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString()).as(String.join(" ", options)).contains("phrase");
      assertThat(output).doesNotExist();
    }
    assertThat(PhraseScoring.of("NPMI")).isEqualTo(PhraseScoring.NPMI);
  }
}
