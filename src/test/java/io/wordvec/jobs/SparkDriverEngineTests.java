package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.train.CancellationToken;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingCancelledException;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingPhase;
import io.wordvec.train.TrainingProgress;
import io.wordvec.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine's child-process driver, with {@link FakeSparkDriver} in place of Spark. */
@Timeout(60)
class SparkDriverEngineTests {

  @TempDir Path dir;

  private final TrainingConfig config = TrainingConfig.builder().dimension(8).epochs(2).build();

  private final List<TrainingProgress> progress = new CopyOnWriteArrayList<>();
  private final List<Integer> epochs = new CopyOnWriteArrayList<>();
  private final CountDownLatch training = new CountDownLatch(1);

  private final TrainingListener listener =
      new TrainingListener() {
        @Override
        public void onProgress(TrainingProgress p) {
          progress.add(p);
          if (p.phase() == TrainingPhase.TRAINING) {
            training.countDown();
          }
        }

        @Override
        public void onEpochEnd(int epoch, double loss, long examples) {
          epochs.add(epoch);
        }
      };

  static SparkProperties properties(Path jar) {
    return new SparkProperties(
        jar, "local[2]", null, List.of("-Xmx96m"), Map.of(), Duration.ofSeconds(5), 50);
  }

  private SparkDriverEngine engine() {
    return new SparkDriverEngine(properties(FakeSparkDriver.jar(dir)), "job-1", 2, 5000, null);
  }

  private Path corpus(String... lines) throws IOException {
    Path corpus = dir.resolve("corpus.txt");
    Files.write(corpus, List.of(lines));
    return corpus;
  }

  private Path work() throws IOException {
    return Files.createDirectories(dir.resolve("work"));
  }

  private TrainingRequest request(Path corpus, CancellationToken token) throws IOException {
    return new TrainingRequest(corpus, config, listener, token).withWorkDirectory(work());
  }

  private List<Path> leftInWork() throws IOException {
    try (Stream<Path> files = Files.list(work())) {
      return files.toList();
    }
  }

  @Test
  void progressAndEpochLossesReachTheListenerAndTheDriversModelComesBack() throws Exception {
    Path corpus = corpus("succeed", "", "the cat sat on the mat", "a dog sat on a log");
    // what a run in a service that was killed left
    Files.writeString(work().resolve(".spark-0123.wvm.42.tmp"), "partial");
    Files.createDirectories(work().resolve("spark-0123-tmp").resolve("blockmgr-1"));

    TrainedModel model = engine().train(request(corpus, new CancellationToken()));

    assertThat(model.dimension()).isEqualTo(8);
    assertThat(model.vocabulary().contains("cat")).isTrue();
    assertThat(progress).extracting(TrainingProgress::phase).contains(TrainingPhase.VOCABULARY);
    TrainingProgress last = progress.get(progress.size() - 1);
    assertThat(last.phase()).isEqualTo(TrainingPhase.TRAINING);
    assertThat(last.wordsPerSecond()).isEqualTo(12345.0);
    assertThat(last.wordsProcessed()).isEqualTo(last.wordsExpected()).isEqualTo(2000);
    assertThat(epochs).containsExactly(1, 2);
    assertThat(leftInWork())
        .as("the driver's model and scratch files, and an earlier run's, are deleted")
        .isEmpty();
  }

  @Test
  void aFailedDriverEndsWithItsErrorLineWithoutPathsAndLeavesNoFile() throws Exception {
    Path corpus = corpus("fail");

    assertThatThrownBy(() -> engine().train(request(corpus, new CancellationToken())))
        .isInstanceOf(SparkDriverEngine.DriverFailedException.class)
        .hasMessage("Spark training failed: Input path does not exist: corpus.txt");
    assertThat(leftInWork()).isEmpty();
  }

  @Test
  void aDriverThatExitsWithoutAModelFails() throws Exception {
    Path corpus = corpus("no-model");

    assertThatThrownBy(() -> engine().train(request(corpus, new CancellationToken())))
        .isInstanceOf(SparkDriverEngine.DriverFailedException.class)
        .hasMessage("the Spark driver exited without writing its model");
    assertThat(leftInWork()).isEmpty();
  }

  @Test
  void cancellingStopsTheDriverAndTheProcessItStartedAndLeavesNoFile() throws Exception {
    Path pids = dir.resolve("pids");
    Path corpus = corpus("hang", pids.toString());
    CancellationToken token = new CancellationToken();
    SparkDriverEngine engine = engine();
    TrainingRequest request = request(corpus, token);
    CompletableFuture<TrainedModel> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return engine.train(request);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    assertThat(training.await(30, TimeUnit.SECONDS)).as("training progress").isTrue();
    // the driver wrote the file before it reported training
    String[] both = Files.readString(pids).trim().split(" ");
    long driver = Long.parseLong(both[0]);
    long child = Long.parseLong(both[1]);
    assertThat(running(driver)).isTrue();
    assertThat(running(child)).isTrue();
    token.cancel();

    assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TrainingCancelledException.class);
    assertThat(running(driver)).as("the driver").isFalse();
    assertThat(running(child)).as("the process the driver started").isFalse();
    assertThat(leftInWork()).isEmpty();
  }

  @Test
  void theDriversCommandLineCarriesSparksFlagsTheMasterAndEveryTrainingSetting() throws Exception {
    SparkProperties properties =
        new SparkProperties(
            Path.of("wordvec-spark.jar"),
            "spark://127.0.0.1:7077",
            "/opt/java/bin/java",
            List.of("-Xmx2g"),
            Map.of("spark.driver.host", "wordvec"),
            Duration.ofSeconds(5),
            50);
    TrainingConfig cbow =
        TrainingConfig.builder()
            .architecture(io.wordvec.train.Architecture.CBOW)
            .dimension(50)
            .window(3)
            .minCount(2)
            .epochs(4)
            .seed(9)
            .build();
    List<String> command =
        new SparkDriverEngine(properties, "job-2", 4, 20_000, "mean")
            .command(new TrainingRequest(Path.of("corpus.txt"), cbow), Path.of("out.wvm"), dir);

    assertThat(command.get(0)).isEqualTo("/opt/java/bin/java");
    assertThat(command.get(1)).isEqualTo("-Xmx2g");
    assertThat(command).containsAll(SparkDriverEngine.JVM_FLAGS);
    assertThat(String.join(" ", command))
        .contains("-jar " + Path.of("wordvec-spark.jar").toAbsolutePath() + " train")
        .contains("train --quiet --exit-when-stdin-closes")
        .contains("--master spark://127.0.0.1:7077")
        .contains("--partitions 4")
        .contains("--words-per-sync 20000")
        .contains("--merge mean")
        .contains("--conf spark.driver.host=wordvec")
        .contains("--cbow")
        .contains("--dim 50")
        .contains("--window 3")
        .contains("--min-count 2")
        .contains("--epochs 4")
        .contains("--seed 9")
        .contains("--alpha 0.05")
        .doesNotContain("spark.local.dir")
        // the driver trains per pair whatever it is told
        .doesNotContain("--kernel");
  }

  @Test
  void pathsAreCutToTheirFileNamesButUrlsAndRatesStay() {
    assertThat(
            DriverOutput.withoutPaths(
                "Input path does not exist: file:/data/corpora/abc.txt; master"
                    + " spark://10.0.0.1:7077 at 300 words/s, /tmp/x/y.wvm"))
        .isEqualTo(
            "Input path does not exist: abc.txt; master spark://10.0.0.1:7077 at 300 words/s,"
                + " y.wvm");
  }

  /** Whether the process runs: a zombie that its new parent has not reaped yet does not. */
  private static boolean running(long pid) throws IOException {
    if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return true; // no procfs: trust isAlive
    }
    String text;
    try {
      text = Files.readString(stat);
    } catch (java.nio.file.NoSuchFileException gone) {
      return false;
    }
    // pid (comm) state ...: the state follows the last ')'
    return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
  }
}
