package io.wordvec.train;

import static io.wordvec.train.LocalTrainingEngineTests.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vocab.CharNgrams;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after a checkpoint and continued by a new run object ends with exactly the model of
 * a run that never stopped (one thread, a seed).
 */
class CheckpointResumeTests {

  private static final LocalTrainingEngine ENGINE = new LocalTrainingEngine();

  @TempDir Path work;

  private static TrainingConfig config() {
    return config(LearningRateSchedule.LINEAR);
  }

  private static TrainingConfig config(LearningRateSchedule schedule) {
    return LocalTrainingEngineTests.small().epochs(5).threads(1).seed(7).schedule(schedule).build();
  }

  /** Cancels its run as soon as the checkpoint of {@code epoch} is on disk. */
  private static final class StopAfter implements TrainingListener {
    final CancellationToken token = new CancellationToken();
    final int epoch;
    final List<Integer> checkpoints = new ArrayList<>();
    final List<Integer> epochsEnded = new ArrayList<>();
    int resumedAfter = -1;

    StopAfter(int epoch) {
      this.epoch = epoch;
    }

    @Override
    public void onCheckpoint(int e) {
      checkpoints.add(e);
      if (e == epoch) {
        token.cancel();
      }
    }

    @Override
    public void onEpochEnd(int e, double loss, long examples) {
      epochsEnded.add(e);
    }

    @Override
    public void onResumed(int epochsDone) {
      resumedAfter = epochsDone;
    }
  }

  private TrainedModel train(Path dir, TrainingListener listener, CancellationToken token)
      throws IOException {
    return train(dir, config(), listener, token);
  }

  private TrainedModel train(
      Path dir, TrainingConfig config, TrainingListener listener, CancellationToken token)
      throws IOException {
    return ENGINE.train(
        new TrainingRequest(resource("hamlet.txt"), config, listener, token)
            .withWorkDirectory(dir));
  }

  @Test
  void aSawtoothRunStoppedAfterEpochTwoAndResumedEqualsAnUninterruptedRun() throws IOException {
    TrainingConfig sawtooth = config(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    TrainedModel straight =
        ENGINE.train(new TrainingRequest(resource("hamlet.txt"), sawtooth, null, null));
    StopAfter first = new StopAfter(2);
    assertThatThrownBy(() -> train(work, sawtooth, first, first.token))
        .isInstanceOf(TrainingCancelledException.class);

    StopAfter second = new StopAfter(-1);
    TrainedModel resumed = train(work, sawtooth, second, null);

    assertThat(second.resumedAfter).isEqualTo(2);
    assertThat(resumed.config().schedule()).isEqualTo(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    assertThat(resumed.inputVectors()).containsExactly(straight.inputVectors());
    assertThat(resumed.outputVectors()).containsExactly(straight.outputVectors());
  }

  @Test
  void aLinearConfigIsFingerprintedAsBeforeTheScheduleExisted() {
    // a per-pair run, as every run was before the kernel component
    TrainingConfig linear = config().toBuilder().kernel(Kernel.PAIR).build();
    String text = TrainingCheckpoint.configText(linear);

    // what TrainingConfig.toString() said before the schedule component: its last component was
    // phraseScoring
    assertThat(text).doesNotContain("schedule").endsWith("phraseScoring=DEFAULT]");
    TrainingConfig sawtooth =
        config(LearningRateSchedule.PER_WORKER_SAWTOOTH).toBuilder().kernel(Kernel.PAIR).build();
    assertThat(TrainingCheckpoint.configText(sawtooth))
        .endsWith("phraseScoring=DEFAULT, schedule=PER_WORKER_SAWTOOTH]");
    assertThat(TrainingCheckpoint.configText(linear.toBuilder().kernel(Kernel.BATCHED).build()))
        .endsWith("phraseScoring=DEFAULT, kernel=BATCHED]");
  }

  @Test
  void aCheckpointOfTheOtherScheduleIsIgnored() throws IOException {
    StopAfter first = new StopAfter(2);
    assertThatThrownBy(() -> train(work, first, first.token))
        .isInstanceOf(TrainingCancelledException.class);

    StopAfter other = new StopAfter(-1);
    train(work, config(LearningRateSchedule.PER_WORKER_SAWTOOTH), other, null);

    assertThat(other.resumedAfter).isEqualTo(-1);
  }

  @Test
  void aRunStoppedAfterEpochTwoAndResumedEqualsAnUninterruptedRun() throws IOException {
    TrainedModel straight =
        ENGINE.train(new TrainingRequest(resource("hamlet.txt"), config(), null, null));

    StopAfter first = new StopAfter(2);
    assertThatThrownBy(() -> train(work, first, first.token))
        .isInstanceOf(TrainingCancelledException.class);
    assertThat(first.checkpoints).containsExactly(1, 2);
    assertThat(work.resolve(TrainingCheckpoint.FILE)).isRegularFile();

    StopAfter second = new StopAfter(-1);
    TrainedModel resumed = train(work, second, null);

    assertThat(second.resumedAfter).isEqualTo(2);
    // epochs 1 and 2 are reported from the checkpoint, then 3 to 5 are trained
    assertThat(second.epochsEnded).containsExactly(1, 2, 3, 4, 5);
    assertThat(second.checkpoints).containsExactly(3, 4, 5);
    assertThat(resumed.vocabulary().size()).isEqualTo(straight.vocabulary().size());
    assertThat(resumed.inputVectors()).containsExactly(straight.inputVectors());
    assertThat(resumed.outputVectors()).containsExactly(straight.outputVectors());
  }

  @Test
  void aRunWithCheckpointsEqualsOneWithout() throws IOException {
    TrainedModel straight =
        ENGINE.train(new TrainingRequest(resource("hamlet.txt"), config(), null, null));
    StopAfter listener = new StopAfter(-1);

    TrainedModel checkpointed = train(work, listener, null);

    assertThat(listener.checkpoints).containsExactly(1, 2, 3, 4, 5);
    assertThat(listener.resumedAfter).isEqualTo(-1);
    assertThat(checkpointed.inputVectors()).containsExactly(straight.inputVectors());
  }

  @Test
  void aCheckpointOfAnotherConfigIsIgnored() throws IOException {
    StopAfter first = new StopAfter(2);
    assertThatThrownBy(() -> train(work, first, first.token))
        .isInstanceOf(TrainingCancelledException.class);

    StopAfter other = new StopAfter(-1);
    TrainingConfig otherConfig =
        LocalTrainingEngineTests.small().epochs(5).threads(1).seed(8).build();
    ENGINE.train(
        new TrainingRequest(resource("hamlet.txt"), otherConfig, other, null)
            .withWorkDirectory(work));

    assertThat(other.resumedAfter).isEqualTo(-1);
    assertThat(other.epochsEnded).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aDamagedCheckpointMeansStartingOver() throws IOException {
    StopAfter first = new StopAfter(2);
    assertThatThrownBy(() -> train(work, first, first.token))
        .isInstanceOf(TrainingCancelledException.class);
    try (RandomAccessFile file =
        new RandomAccessFile(work.resolve(TrainingCheckpoint.FILE).toFile(), "rw")) {
      file.seek(file.length() / 2);
      int b = file.read();
      file.seek(file.length() / 2);
      file.write(b ^ 0x55);
    }

    StopAfter second = new StopAfter(-1);
    train(work, second, null);

    assertThat(second.resumedAfter).isEqualTo(-1);
    assertThat(second.epochsEnded).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void leftoversOfADeadRunAreClearedAndOnlyTheCheckpointStays() throws IOException {
    Files.createDirectories(work);
    Files.writeString(work.resolve(".checkpoint.bin.123.tmp"), "half");
    Files.writeString(work.resolve("corpus-9.ids"), "old");
    List<Path> during = new ArrayList<>();
    TrainingListener peek =
        new TrainingListener() {
          @Override
          public void onCheckpoint(int epoch) {
            try (Stream<Path> files = Files.list(work)) {
              during.addAll(files.toList());
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };

    train(work, peek, null);

    // the encoded corpus is unlinked as soon as it is open (where the platform allows), so that
    // a killed run leaves no copy of it; whatever else is there, never a temporary file
    assertThat(during).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    try (Stream<Path> files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(TrainingCheckpoint.FILE);
    }
  }

  @Test
  void aCheckpointThatCannotBeWrittenDoesNotStopTheTraining() throws IOException {
    // a non-empty directory where the checkpoint goes: every rename onto it fails
    Files.createDirectories(work.resolve(TrainingCheckpoint.FILE).resolve("blocker"));
    List<Integer> failed = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onCheckpointFailed(int epoch, IOException error) {
            failed.add(epoch);
          }
        };
    TrainedModel straight =
        ENGINE.train(new TrainingRequest(resource("hamlet.txt"), config(), null, null));

    TrainedModel model = train(work, listener, null);

    assertThat(failed).containsExactly(1, 2, 3, 4, 5);
    assertThat(model.inputVectors()).containsExactly(straight.inputVectors());
    try (Stream<Path> files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(TrainingCheckpoint.FILE);
    }
  }

  @Test
  void aSubwordRunResumesWithItsNgramRowsBitForBit() throws IOException {
    TrainingConfig subwords =
        LocalTrainingEngineTests.small()
            .epochs(4)
            .threads(1)
            .seed(11)
            .subwords(new CharNgrams(3, 5, 2_000))
            .build();
    Path corpus = resource("hamlet.txt");
    TrainedModel straight = ENGINE.train(new TrainingRequest(corpus, subwords, null, null));

    StopAfter first = new StopAfter(1);
    assertThatThrownBy(
            () ->
                ENGINE.train(
                    new TrainingRequest(corpus, subwords, first, first.token)
                        .withWorkDirectory(work)))
        .isInstanceOf(TrainingCancelledException.class);
    StopAfter second = new StopAfter(-1);
    TrainedModel resumed =
        ENGINE.train(new TrainingRequest(corpus, subwords, second, null).withWorkDirectory(work));

    assertThat(second.resumedAfter).isEqualTo(1);
    assertThat(resumed.ngramVectors()).containsExactly(straight.ngramVectors());
    assertThat(resumed.inputVectors()).containsExactly(straight.inputVectors());
    assertThat(resumed.outputVectors()).containsExactly(straight.outputVectors());
  }
}
