package io.wordvec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import io.wordvec.train.Architecture;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.LearningRateSchedule;
import io.wordvec.train.TrainingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTests {

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WordvecCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String hamlet() throws Exception {
    return Path.of(TrainCommandTests.class.getResource("/corpora/hamlet.txt").toURI()).toString();
  }

  @Test
  void trainsAndSavesInTheFormatOfTheExtension() throws Exception {
    Path output = tmp.resolve("hamlet.bin");

    int code =
        run(
            "train",
            "--corpus",
            hamlet(),
            "--output",
            output.toString(),
            "--cbow",
            "--dim",
            "16",
            "--epochs",
            "2",
            "--min-count",
            "3",
            "--threads",
            "2");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    LoadedModel model = ModelFiles.load(output);
    assertThat(model.format()).isEqualTo(VectorFormat.WORD2VEC_BINARY);
    assertThat(model.vectors().dimension()).isEqualTo(16);
    assertThat(model.vectors().vocabulary().word(0)).isEqualTo("the");
    assertThat(out.toString()).contains("trained").contains("hamlet.bin");
    assertThat(err.toString()).contains("epoch 2 done: mean loss");
  }

  @Test
  void savesTheFullModelInTheNativeFormat() throws Exception {
    Path output = tmp.resolve("hamlet.wvm");

    int code =
        run(
            "train",
            "--corpus",
            hamlet(),
            "--output",
            output.toString(),
            "--dim",
            "8",
            "--epochs",
            "1",
            "--seed",
            "7",
            "--quiet");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    LoadedModel model = ModelFiles.load(output);
    assertThat(model.trained()).isPresent();
    assertThat(model.trained().get().config().seed()).isEqualTo(7);
    assertThat(model.trained().get().corpus().tokens()).isEqualTo(32_838);
  }

  @Test
  void formatOptionOverridesTheExtension() throws Exception {
    Path output = tmp.resolve("vectors.out");

    int code =
        run(
            "train",
            "--corpus",
            hamlet(),
            "--output",
            output.toString(),
            "--format",
            "txt",
            "--dim",
            "8",
            "--epochs",
            "1",
            "--quiet");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(output).get(0)).endsWith(" 8");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void badSettingsAreUsageErrors() throws Exception {
    int code =
        run(
            "train",
            "--corpus",
            hamlet(),
            "--output",
            tmp.resolve("x.bin").toString(),
            "--dim",
            "0");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("dimension must be > 0, was 0");
    assertThat(tmp.resolve("x.bin")).doesNotExist();
  }

  @Test
  void anUnknownScheduleIsAUsageErrorListingTheSchedules() throws Exception {
    int code =
        run(
            "train",
            "--corpus",
            hamlet(),
            "--output",
            tmp.resolve("x.bin").toString(),
            "--schedule",
            "cosine");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("--schedule: schedule must be linear or per-worker-sawtooth, was cosine");
    assertThat(tmp.resolve("x.bin")).doesNotExist();

    err.getBuffer().setLength(0);
    code =
        run(
            "fine-tune",
            "--model",
            tmp.resolve("m.wvm").toString(),
            "--corpus",
            hamlet(),
            "--output",
            tmp.resolve("t.wvm").toString(),
            "--schedule",
            "step");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("linear or per-worker-sawtooth, was step");
  }

  @Test
  void theScheduleIsSavedWithTheModelAndKeptByFineTuningUnlessGiven() throws Exception {
    Path base = tmp.resolve("base.wvm");
    assertThat(
            run(
                "train",
                "--corpus",
                hamlet(),
                "--output",
                base.toString(),
                "--dim",
                "8",
                "--epochs",
                "1",
                "--threads",
                "2",
                "--schedule",
                "per-worker-sawtooth",
                "--quiet"))
        .as(err.toString())
        .isEqualTo(ExitCodes.OK);
    assertThat(ModelFiles.load(base).trained().orElseThrow().config().schedule())
        .isEqualTo(LearningRateSchedule.PER_WORKER_SAWTOOTH);

    FineTuneCommand kept = new FineTuneCommand();
    new CommandLine(kept).parseArgs("--model", "m.wvm", "--corpus", "c.txt", "--output", "t.wvm");
    assertThat(kept.options().schedule()).isNull();
    assertThat(
            kept.options()
                .applyTo(ModelFiles.load(base).trained().orElseThrow().config())
                .schedule())
        .isEqualTo(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    FineTuneCommand changed = new FineTuneCommand();
    new CommandLine(changed)
        .parseArgs(
            "--model", "m.wvm", "--corpus", "c.txt", "--output", "t.wvm", "--schedule", "linear");
    assertThat(changed.options().schedule()).isEqualTo(LearningRateSchedule.LINEAR);
  }

  @Test
  void aMissingCorpusFailsWithoutWritingAnything() {
    Path output = tmp.resolve("x.bin");

    int code =
        run("train", "--corpus", tmp.resolve("nope.txt").toString(), "--output", output.toString());

    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("nope.txt");
    assertThat(output).doesNotExist();
  }

  @Test
  void fineTunesANativeModelOnANewCorpus() throws Exception {
    Path base = tmp.resolve("base.wvm");
    Path tuned = tmp.resolve("tuned.wvm");
    String kjv =
        Path.of(TrainCommandTests.class.getResource("/corpora/kjv-pentateuch.txt").toURI())
            .toString();
    assertThat(
            run(
                "train",
                "--corpus",
                hamlet(),
                "--output",
                base.toString(),
                "--dim",
                "8",
                "--epochs",
                "1",
                "--quiet"))
        .isEqualTo(ExitCodes.OK);

    int code =
        run(
            "fine-tune",
            "--model",
            base.toString(),
            "--corpus",
            kjv,
            "--output",
            tuned.toString(),
            "--epochs",
            "1",
            "--min-count",
            "20",
            "--quiet");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    LoadedModel loaded = ModelFiles.load(tuned);
    assertThat(loaded.vectors().vocabulary().contains("moses")).isTrue();
    assertThat(ModelFiles.load(base).vectors().vocabulary().contains("moses")).isFalse();
    assertThat(out.toString()).contains("new");
  }

  @Test
  void fineTuningAVectorsOnlyFileFailsClearly() throws Exception {
    Path base = tmp.resolve("base.bin");
    assertThat(
            run(
                "train",
                "--corpus",
                hamlet(),
                "--output",
                base.toString(),
                "--dim",
                "8",
                "--epochs",
                "1",
                "--quiet"))
        .isEqualTo(ExitCodes.OK);

    int code =
        run(
            "fine-tune",
            "--model",
            base.toString(),
            "--corpus",
            hamlet(),
            "--output",
            tmp.resolve("t.wvm").toString());

    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("vectors only");
  }

  @Test
  void helpShowsTheEngineDefaults() {
    assertThat(run("train", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("Vector size (default: 100)")
        .contains("Final learning rate (default: alpha/10 for")
        .contains("skip-gram, alpha/5 for CBOW")
        .contains("(default: 0.75, word2vec's; 0.5, fastText's")
        .contains("(default: 0.025 for")
        .contains("(default: linear)");

    assertThat(run("fine-tune", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("Initial learning rate (default: 0.01)")
        .contains("1 free (default: 1)");
  }

  @Test
  void unsetOptionsGiveTheEngineDefaults() {
    TrainCommand train = new TrainCommand();
    new CommandLine(train).parseArgs("--corpus", "c.txt", "--output", "m.wvm");
    FineTuneCommand fineTune = new FineTuneCommand();
    new CommandLine(fineTune)
        .parseArgs("--model", "m.wvm", "--corpus", "c.txt", "--output", "t.wvm");

    assertThat(train.config()).isEqualTo(TrainingConfig.defaults());
    assertThat(fineTune.options()).isEqualTo(FineTuneOptions.defaults());
    train = new TrainCommand();
    new CommandLine(train).parseArgs("--corpus", "c.txt", "--output", "m.wvm", "--cbow");
    assertThat(train.config())
        .isEqualTo(TrainingConfig.builder().architecture(Architecture.CBOW).build());
  }

  @Test
  void trainIsACliCommand() {
    assertThat(WordvecCli.serverArguments("train", "--help")).isEmpty();
  }
}
