package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTrainingEngineTests {

  private static final TrainingEngine ENGINE = new LocalTrainingEngine();

  private static final String[][] RELATED_KJV = {
    {"sons", "daughters"},
    {"gold", "silver"},
    {"ox", "ass"},
    {"brother", "sister"},
    {"father", "mother"},
    {"bullock", "ram"},
    {"lord", "god"},
    {"egypt", "canaan"},
  };

  @TempDir Path tmp;

  static Path resource(String name) {
    try {
      return Path.of(LocalTrainingEngineTests.class.getResource("/corpora/" + name).toURI());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static TrainingConfig.Builder small() {
    return TrainingConfig.builder()
        .dimension(40)
        .sample(1e-3)
        .minCount(3)
        .epochs(5)
        .threads(2)
        .seed(42);
  }

  static TrainingConfig smallConfig() {
    return small().build();
  }

  static TrainedModel train(
      Path corpus, TrainingConfig config, TrainingListener listener, CancellationToken token)
      throws IOException {
    return ENGINE.train(new TrainingRequest(corpus, config, listener, token));
  }

  static TrainedModel train(
      Path corpus,
      TrainingConfig config,
      Tokenizer tokenizer,
      TrainingListener listener,
      CancellationToken token)
      throws IOException {
    return ENGINE.train(new TrainingRequest(corpus, config, tokenizer, listener, token));
  }

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static float cosine(TrainedModel model, String a, String b) {
    Vocabulary v = model.vocabulary();
    int d = model.dimension();
    int ra = v.id(a) * d;
    int rb = v.id(b) * d;
    float[] m = model.inputVectors();
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < d; i++) {
      dot += m[ra + i] * m[rb + i];
      na += m[ra + i] * m[ra + i];
      nb += m[rb + i] * m[rb + i];
    }
    return (float) (dot / Math.sqrt(na * nb));
  }

  static double meanRelated(TrainedModel model) {
    double sum = 0;
    for (String[] pair : RELATED_KJV) {
      sum += cosine(model, pair[0], pair[1]);
    }
    return sum / RELATED_KJV.length;
  }

  static double meanRandom(TrainedModel model) {
    SplittableRandom random = new SplittableRandom(3);
    int n = Math.min(1000, model.vocabulary().size());
    double sum = 0;
    int pairs = 200;
    for (int i = 0; i < pairs; i++) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      sum +=
          cosine(
              model, model.vocabulary().word(a), model.vocabulary().word(b == a ? (b + 1) % n : b));
    }
    return sum / pairs;
  }

  /** Records per-example epoch losses. */
  static final class LossRecorder implements TrainingListener {
    final List<Double> losses = new ArrayList<>();
    final List<TrainingProgress> progress = new ArrayList<>();

    @Override
    public synchronized void onProgress(TrainingProgress p) {
      progress.add(p);
    }

    @Override
    public synchronized void onEpochEnd(int epoch, double loss, long examples) {
      losses.add(loss / examples);
    }
  }

  private void assertLearns(TrainingConfig config) throws IOException {
    LossRecorder recorder = new LossRecorder();
    TrainedModel model =
        train(resource("kjv-pentateuch.txt"), config, recorder, new CancellationToken());

    assertThat(recorder.losses).hasSize(5);
    for (int e = 1; e < recorder.losses.size(); e++) {
      assertThat(recorder.losses.get(e))
          .as("loss of epoch %d", e + 1)
          .isLessThan(recorder.losses.get(e - 1));
    }
    assertThat(meanRelated(model)).isGreaterThan(meanRandom(model) + 0.15);
    assertThat(model.corpus().tokens()).isEqualTo(157_249);
    assertThat(model.config()).isEqualTo(config);
    assertThat(recorder.progress).isNotEmpty();
    TrainingProgress last = recorder.progress.get(recorder.progress.size() - 1);
    assertThat(last.phase()).isEqualTo(TrainingPhase.TRAINING);
    // the last event is the exact end of the run, not the last periodic tick before it
    assertThat(last.epoch()).isEqualTo(config.epochs());
    assertThat(last.wordsProcessed()).isEqualTo(last.wordsExpected());
    assertThat(last.wordsExpected()).isEqualTo(model.corpus().retainedTokens() * config.epochs());
    assertThat(last.fraction()).isEqualTo(1.0);
  }

  @Test
  void skipGramLearnsWordsSharingContexts() throws IOException {
    // The loss is measured online, before each update: it keeps falling while the learning rate
    // stays high, and can rise again in the last epochs of a decay to nearly zero.
    assertLearns(small().minAlpha(0.0125).build());
  }

  @Test
  void cbowLearnsWordsSharingContexts() throws IOException {
    assertLearns(small().architecture(Architecture.CBOW).alpha(0.05).minAlpha(0.025).build());
  }

  @Test
  void oneThreadWithASeedIsBitIdentical() throws IOException {
    TrainingConfig config = small().threads(1).epochs(2).build();
    Path corpus = resource("hamlet.txt");
    TrainedModel first = train(corpus, config, null, null);
    TrainedModel second = train(corpus, config, null, null);
    TrainedModel otherSeed = train(corpus, config.toBuilder().seed(43).build(), null, null);

    assertThat(second.inputVectors()).isEqualTo(first.inputVectors());
    assertThat(second.outputVectors()).isEqualTo(first.outputVectors());
    assertThat(otherSeed.inputVectors()).isNotEqualTo(first.inputVectors());
  }

  @Test
  void cbowWithOneThreadIsBitIdentical() throws IOException {
    TrainingConfig config = small().threads(1).epochs(1).architecture(Architecture.CBOW).build();
    Path corpus = resource("hamlet.txt");

    assertThat(train(corpus, config, null, null).inputVectors())
        .isEqualTo(train(corpus, config, null, null).inputVectors());
  }

  @Test
  void resultCarriesVocabularyCountsAndCorpusStatistics() throws IOException {
    Path corpus = write("c.txt", "the cat sat\n\nthe dog sat on the mat\nthe end\n");
    TrainedModel model = train(corpus, small().minCount(2).dimension(8).build(), null, null);

    assertThat(model.vocabulary().words()).containsExactly("the", "sat");
    assertThat(model.vocabulary().counts()).containsExactly(4, 2);
    assertThat(model.corpus()).isEqualTo(new CorpusStats("c.txt", 3, 11, 6, 7));
    assertThat(model.inputVectors()).hasSize(16);
    assertThat(model.outputVectors()).hasSize(16);
  }

  @Test
  void readsGzipCorpora() throws IOException {
    Path plain = write("c.txt", "a b c a b a\nb a\n");
    Path gz = tmp.resolve("c.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(plain));
    }
    TrainingConfig config = small().minCount(1).dimension(4).threads(1).build();

    TrainedModel fromGzip = train(gz, config, null, null);
    TrainedModel fromPlain = train(plain, config, null, null);
    assertThat(fromGzip.vocabulary().words()).containsExactly("a", "b", "c");
    assertThat(fromGzip.inputVectors()).isEqualTo(fromPlain.inputVectors());
  }

  @Test
  void normalizingTokenizerTrainsOnRawText() throws IOException {
    Path corpus = write("raw.txt", "The Cat sat. THE cat, again!\nÉté: the CAT.\n");
    TrainedModel model =
        train(
            corpus, small().minCount(1).dimension(4).build(), Tokenizer.normalizing(), null, null);

    assertThat(model.vocabulary().words()).containsExactly("cat", "the", "again", "sat", "été");
    assertThat(model.vocabulary().counts()).containsExactly(3, 3, 1, 1, 1);
  }

  @Test
  void splitsSentencesLongerThanTheLimit() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      line.append("w").append(i % 5).append(' ');
    }
    Path corpus = write("long.txt", line + "\n");
    TrainedModel model =
        train(corpus, small().minCount(1).dimension(4).maxSentenceLength(10).build(), null, null);

    assertThat(model.corpus().sentences()).isEqualTo(3);
    assertThat(model.corpus().tokens()).isEqualTo(25);
  }

  @Test
  void cancellingFromAnEpochCallbackStopsTheRunWithoutAModel() {
    CancellationToken token = new CancellationToken();
    List<Integer> epochs = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpochEnd(int epoch, double loss, long examples) {
            epochs.add(epoch);
            token.cancel();
          }
        };

    assertThatThrownBy(() -> train(resource("hamlet.txt"), smallConfig(), listener, token))
        .isInstanceOf(TrainingCancelledException.class);
    assertThat(epochs).containsExactly(1);
  }

  @Test
  void cancellingDuringTheVocabularyPassStopsTheRun() {
    CancellationToken token = new CancellationToken();
    List<TrainingPhase> phases = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onProgress(TrainingProgress progress) {
            phases.add(progress.phase());
            token.cancel();
          }
        };

    assertThatThrownBy(() -> train(resource("hamlet.txt"), smallConfig(), listener, token))
        .isInstanceOf(TrainingCancelledException.class);
    assertThat(phases).containsExactly(TrainingPhase.VOCABULARY);
  }

  @Test
  void cancellingFromAProgressCallbackStopsWorkersMidEpoch() {
    CancellationToken token = new CancellationToken();
    List<Integer> epochs = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onProgress(TrainingProgress progress) {
            if (progress.phase() == TrainingPhase.TRAINING) {
              token.cancel();
            }
          }

          @Override
          public void onEpochEnd(int epoch, double loss, long examples) {
            epochs.add(epoch);
          }
        };

    assertThatThrownBy(() -> train(resource("kjv-pentateuch.txt"), smallConfig(), listener, token))
        .isInstanceOf(TrainingCancelledException.class);
    assertThat(epochs).isEmpty();
  }

  @Test
  void rejectsAnEmptyCorpus() throws IOException {
    Path empty = write("empty.txt", "");
    Path blank = write("blank.txt", " \n\t\n\n");

    assertThatThrownBy(() -> train(empty, smallConfig(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty.txt is empty");
    assertThatThrownBy(() -> train(blank, smallConfig(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank.txt is empty");
  }

  @Test
  void rejectsACorpusWithoutAWordReachingMinCount() throws IOException {
    Path corpus = write("rare.txt", "every word here is rare\n");

    assertThatThrownBy(() -> train(corpus, small().minCount(2).build(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minCount=2")
        .hasMessageContaining("rare.txt");
  }

  @Test
  void rejectsACorpusOfOneWord() throws IOException {
    Path corpus = write("one.txt", "same same same\nsame\n");

    assertThatThrownBy(() -> train(corpus, small().minCount(1).build(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only 1 word of corpus one.txt reaches minCount=1")
        .hasMessageContaining("a model needs at least 2");
  }

  @Test
  void cutsWordsLongerThanTheLimitAndCountsThem() throws IOException {
    String longWord = "x".repeat(250);
    Path corpus = write("long.txt", ("a b " + longWord + "\n").repeat(20) + "a " + longWord);

    TrainedModel model =
        train(corpus, small().minCount(1).dimension(4).maxWordBytes(100).build(), null, null);

    assertThat(model.vocabulary().contains("x".repeat(100))).isTrue();
    assertThat(model.vocabulary().contains(longWord)).isFalse();
    assertThat(model.corpus().truncatedTokens()).isEqualTo(21);
    assertThat(model.info().config().maxWordBytes()).isEqualTo(100);
  }

  @Test
  void rejectsInvalidUtf8WithTheLine() throws IOException {
    Path corpus = tmp.resolve("latin1.txt");
    Files.write(corpus, "fine line\ncaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> train(corpus, smallConfig(), null, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("UTF-8")
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> train(corpus, smallConfig(), Tokenizer.normalizing(), null, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void rejectsBadDimensionAndWindow() {
    Path corpus = resource("hamlet.txt");

    assertThatThrownBy(() -> train(corpus, small().dimension(0).build(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension must be > 0, was 0");
    assertThatThrownBy(() -> train(corpus, small().window(-1).build(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window must be > 0, was -1");
  }

  @Test
  void rejectsAMissingOrUnreadableCorpus() throws IOException {
    Path missing = tmp.resolve("missing.txt");
    Path directory = Files.createDirectory(tmp.resolve("dir"));

    assertThatThrownBy(() -> train(missing, smallConfig(), null, null))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing.txt");
    assertThatThrownBy(() -> train(directory, smallConfig(), null, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("dir");
  }

  @Test
  void aFailingListenerStopsTheRun() {
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpochEnd(int epoch, double loss, long examples) {
            throw new UncheckedIOException(new IOException("disk full"));
          }
        };

    assertThatThrownBy(() -> train(resource("hamlet.txt"), smallConfig(), listener, null))
        .hasMessageContaining("disk full");
  }
}
