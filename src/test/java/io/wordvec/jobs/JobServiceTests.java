package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.corpora.CorporaProperties;
import io.wordvec.corpora.CorpusStore;
import io.wordvec.system.DataProperties;
import io.wordvec.train.TrainedModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class JobServiceTests {

  @TempDir Path dataDir;

  private final FakeTrainingEngine engine = new FakeTrainingEngine();
  private final FakeModelCatalog catalog = new FakeModelCatalog();
  private final CountDownLatch evaluating = new CountDownLatch(1);
  private volatile CountDownLatch evaluationGate = new CountDownLatch(0);
  private JobService service;
  private CorpusStore corpora;

  /** Every JobEvents a test creates: each runs a heartbeat thread until it is destroyed. */
  private final List<JobEvents> events = new ArrayList<>();

  private static JobsProperties properties(int maxRunning, int maxQueued, int maxFinished) {
    return new JobsProperties(
        maxRunning,
        maxQueued,
        1,
        2,
        Duration.ofMinutes(1),
        Duration.ofSeconds(15),
        Duration.ofSeconds(42),
        maxFinished);
  }

  private JobService start(int maxRunning, int maxQueued) throws IOException {
    return start(properties(maxRunning, maxQueued, 200));
  }

  private JobService start(JobsProperties props) throws IOException {
    DataProperties data = new DataProperties(dataDir);
    corpora = new CorpusStore(data, new CorporaProperties(DataSize.ofMegabytes(10)));
    service =
        new JobService(
            props,
            new JobRequestValidator(corpora, catalog, props, TestValidation.validator()),
            corpora,
            catalog,
            vectors -> {
              evaluating.countDown();
              try {
                evaluationGate.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Map.of("size", (double) vectors.size());
            },
            engine,
            new JobStore(data),
            events(props));
    return service;
  }

  private JobEvents events(JobsProperties props) {
    JobEvents created = new JobEvents(props);
    events.add(created);
    return created;
  }

  @AfterEach
  void stop() throws InterruptedException {
    engine.release();
    evaluationGate.countDown();
    if (service != null) {
      service.destroy();
    }
    for (JobEvents created : events) {
      created.destroy();
      assertThat(created.isRunning()).isFalse();
    }
  }

  private String hamlet() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/corpora/hamlet.txt")) {
      return corpora.store(in, "hamlet.txt").id();
    }
  }

  private static JobRequest train(String corpus, String output) {
    return new JobRequest("train", corpus, null, output, Map.of("dim", 8), null, null);
  }

  private static JobView await(Job job) throws Exception {
    return job.completion().get(20, TimeUnit.SECONDS);
  }

  @Test
  void anIndexJobBuildsTheServedModelsIndexWithItsParameters() throws Exception {
    start(1, 10);
    catalog.models.put("served", TestModels.random(List.of("a", "b", "c"), 4, 1));

    JobView submitted =
        service.submit(
            new JobRequest(
                "index", null, "served", null, Map.of("degree", 16, "threads", 1), null, null));
    JobView done = await(service.find(submitted.id()).orElseThrow());

    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.type()).isEqualTo(JobType.INDEX);
    assertThat(done.model()).isEqualTo("served");
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.params()).containsEntry("degree", 16).containsEntry("beamWidth", 100);
    assertThat(catalog.indexed.get("served").degree()).isEqualTo(16);
    assertThat(catalog.indexed.get("served").threads()).isEqualTo(1);
  }

  @Test
  void aRunningIndexJobCanBeCancelled() throws Exception {
    start(1, 10);
    catalog.models.put("served", TestModels.random(List.of("a", "b", "c"), 4, 1));
    catalog.indexUntilCancelled = true;
    JobView submitted =
        service.submit(new JobRequest("index", null, "served", null, null, null, null));
    assertThat(catalog.indexing.await(20, TimeUnit.SECONDS)).isTrue();

    service.cancel(submitted.id());
    JobView done = await(service.find(submitted.id()).orElseThrow());

    assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    assertThat(catalog.indexed).isEmpty();
  }

  @Test
  void trainJobSucceedsAndPublishesTheModel() throws Exception {
    start(1, 10);
    JobView submitted = service.submit(train(hamlet(), "hamlet-8"));
    assertThat(submitted.state()).isIn(JobState.QUEUED, JobState.RUNNING);

    JobView done = await(service.find(submitted.id()).orElseThrow());

    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.model()).isEqualTo("hamlet-8");
    // the fake trainer's only progress event said 10 of 50 words: success completes the figures
    assertThat(done.wordsExpected()).isEqualTo(50);
    assertThat(done.wordsProcessed()).isEqualTo(done.wordsExpected());
    assertThat(done.epoch()).isEqualTo(done.epochs());
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.etaSeconds()).isNull();
    assertThat(service.get(submitted.id()).wordsProcessed()).isEqualTo(50);
    assertThat(done.losses()).extracting(JobView.EpochLoss::epoch).containsExactly(1);
    assertThat(done.losses().get(0).meanLoss()).isEqualTo(2.5);
    assertThat(done.result().evaluation()).containsKey("size");
    assertThat(done.startedAt()).isNotNull();
    assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
    assertThat(catalog.models.get("hamlet-8").dimension()).isEqualTo(8);
    assertThat(catalog.activated).isEmpty();
  }

  @Test
  void activateMakesTheNewModelTheDefault() throws Exception {
    start(1, 10);
    JobRequest request =
        new JobRequest("train", hamlet(), null, "fresh", Map.of("dim", 4), true, null);
    JobView done = await(service.find(service.submit(request).id()).orElseThrow());
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(catalog.activated).containsExactly("fresh");
  }

  @Test
  void fineTuneReportsDriftAndBothEvaluations() throws Exception {
    start(1, 10);
    catalog.models.put("base", TestModels.random(List.of("king", "queen", "lord", "hamlet"), 8, 1));
    JobRequest request =
        new JobRequest(
            "fine-tune", hamlet(), "base", "tuned", Map.of("lockFactor", 0.5), false, null);

    JobView done = await(service.find(service.submit(request).id()).orElseThrow());

    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.params()).containsEntry("lockFactor", 0.5);
    assertThat(done.result().baseEvaluation()).containsEntry("size", 4.0);
    TrainedModel tuned = catalog.models.get("tuned");
    assertThat(done.result().evaluation())
        .containsEntry("size", (double) tuned.vocabulary().size());
    assertThat(done.result().drift().sharedWords()).isEqualTo(4);
    assertThat(done.result().drift().newWords()).isEqualTo(tuned.vocabulary().size() - 4);
    assertThat(done.result().drift().meanCosineShift()).isGreaterThan(0);
  }

  @Test
  void aFullQueueRefusesWith429() throws Exception {
    start(1, 1);
    String corpus = hamlet();
    // 40 of 50 words left at 0.5 words/s: the running job ends in about 80 s
    engine.wordsPerSecond(0.5);
    engine.hold();
    service.submit(train(corpus, "a"));
    assertThat(engine.awaitRunning()).isTrue();
    service.submit(train(corpus, "b"));

    assertThatThrownBy(() -> service.submit(train(corpus, "c")))
        .isInstanceOfSatisfying(
            JobsProblem.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(e.getBody().getProperties()).containsEntry("limit", 1);
              assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("80");
              assertThat(e.getBody().getProperties()).containsEntry("retryAfterSeconds", 80L);
            });
    assertThat(service.list()).hasSize(2);
  }

  @Test
  void aFullQueueSaysToRetryAfterTheConfiguredDelayWhileNoJobHasAnEstimate() throws Exception {
    start(1, 0);
    String corpus = hamlet();
    engine.wordsPerSecond(0);
    engine.hold();
    service.submit(train(corpus, "a"));
    assertThat(engine.awaitRunning()).isTrue();

    assertThatThrownBy(() -> service.submit(train(corpus, "b")))
        .isInstanceOfSatisfying(
            JobsProblem.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("42");
            });
  }

  @Test
  void cancellingARunningJobLeavesNoModel() throws Exception {
    start(1, 10);
    engine.hold();
    JobView job = service.submit(train(hamlet(), "never"));
    assertThat(engine.awaitRunning()).isTrue();

    service.cancel(job.id());
    JobView done = await(service.find(job.id()).orElseThrow());

    assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    assertThat(done.model()).isNull();
    assertThat(catalog.models).doesNotContainKey("never");
  }

  @Test
  void aCancelDuringTheLongEvaluationIsHonouredAtOnce() throws Exception {
    start(1, 10);
    evaluationGate = new CountDownLatch(1);
    JobView job = service.submit(train(hamlet(), "scored"));
    assertThat(evaluating.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(service.get(job.id()).phase()).isEqualTo(JobPhase.EVALUATING);

    service.cancel(job.id());
    JobView done = await(service.find(job.id()).orElseThrow());

    assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    assertThat(catalog.models).isEmpty();
  }

  @Test
  void aCancelWhileTheModelIsBeingSavedIsRefusedAndTheJobSucceeds() throws Exception {
    start(1, 10);
    catalog.publishGate = new CountDownLatch(1);
    JobView job = service.submit(train(hamlet(), "saved"));
    assertThat(catalog.publishing.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(service.get(job.id()).phase()).isEqualTo(JobPhase.SAVING);

    assertThatThrownBy(() -> service.cancel(job.id()))
        .isInstanceOfSatisfying(
            JobsProblem.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getBody().getType().toString()).isEqualTo("/problems/job-saving");
              assertThat(e.getBody().getDetail()).contains("can no longer be cancelled");
              assertThat(e.getBody().getProperties()).containsEntry("model", "saved");
            });
    catalog.publishGate.countDown();
    JobView done = await(service.find(job.id()).orElseThrow());

    // the refused cancel left no trace: the model is saved and the job says so
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.model()).isEqualTo("saved");
    assertThat(catalog.models).containsKey("saved");
  }

  @Test
  void onlyTheNewestFinishedJobsAreKeptAndUnfinishedOnesNeverGo() throws Exception {
    start(properties(1, 10, 2));
    String corpus = hamlet();
    JobView one = await(service.find(service.submit(train(corpus, "one")).id()).orElseThrow());
    JobView two = await(service.find(service.submit(train(corpus, "two")).id()).orElseThrow());
    engine.hold();
    JobView three = service.submit(train(corpus, "three"));
    assertThat(engine.awaitRunning()).isTrue();
    JobView four = service.submit(train(corpus, "four"));
    JobView five = service.submit(train(corpus, "five"));
    service.cancel(five.id());
    // five finished (cancelled): with one and two that makes three, one over the limit
    assertThat(service.list())
        .extracting(JobView::id)
        .containsExactly(five.id(), four.id(), three.id(), two.id());
    assertThat(record(one.id())).doesNotExist();
    assertThat(record(two.id())).exists();

    engine.release();
    await(service.find(three.id()).orElseThrow());
    await(service.find(four.id()).orElseThrow());

    assertThat(service.list()).extracting(JobView::id).containsExactly(four.id(), three.id());
    assertThat(record(two.id())).doesNotExist();
    assertThat(record(five.id())).doesNotExist();
    assertThat(record(four.id())).exists();
    assertThatThrownBy(() -> service.get(one.id()))
        .isInstanceOfSatisfying(
            JobsProblem.class, e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
  }

  @Test
  void aRestartDeletesTheRecordsBeyondTheLimit() throws Exception {
    start(1, 10);
    String corpus = hamlet();
    await(service.find(service.submit(train(corpus, "one")).id()).orElseThrow());
    await(service.find(service.submit(train(corpus, "two")).id()).orElseThrow());
    JobView three = await(service.find(service.submit(train(corpus, "three")).id()).orElseThrow());
    service.destroy();

    JobsProperties props = properties(1, 10, 1);
    service = restarted(props, engine);

    assertThat(service.list()).extracting(JobView::id).containsExactly(three.id());
    try (var files = Files.list(dataDir.resolve("jobs"))) {
      assertThat(files).containsExactly(record(three.id()));
    }
  }

  /** A service over the same data directory, as after a restart, with no evaluation. */
  private JobService restarted(JobsProperties props, FakeTrainingEngine trainer)
      throws IOException {
    return new JobService(
        props,
        new JobRequestValidator(corpora, catalog, props, TestValidation.validator()),
        corpora,
        catalog,
        v -> Map.of(),
        trainer,
        new JobStore(new DataProperties(dataDir)),
        events(props));
  }

  /** Reads the state field of a record file. */
  private static final class JsonRecordsReader {
    static String state(Path file) throws IOException {
      return io.wordvec.system.JsonRecords.read(file, JobRecord.class).state().name();
    }
  }

  private Path record(String id) {
    return dataDir.resolve("jobs").resolve(id + ".json");
  }

  @Test
  void cancellingAQueuedJobIsImmediateAndItNeverRuns() throws Exception {
    start(1, 10);
    String corpus = hamlet();
    engine.hold();
    service.submit(train(corpus, "first"));
    assertThat(engine.awaitRunning()).isTrue();
    JobView queued = service.submit(train(corpus, "second"));

    JobView cancelled = service.cancel(queued.id());
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);

    engine.release();
    for (JobView v : service.list()) {
      await(service.find(v.id()).orElseThrow());
    }
    assertThat(catalog.models).containsOnlyKeys("first");
    assertThatThrownBy(() -> service.cancel(queued.id()))
        .isInstanceOfSatisfying(
            JobsProblem.class, e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
  }

  @Test
  void anExistingOutputModelConflictsUnlessOverwrite() throws Exception {
    start(1, 10);
    catalog.models.put("taken", TestModels.random(List.of("a", "b"), 4, 1));
    String corpus = hamlet();

    assertThatThrownBy(() -> service.submit(train(corpus, "taken")))
        .isInstanceOfSatisfying(
            JobsProblem.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getBody().getProperties()).containsEntry("model", "taken");
            });
    JobRequest overwrite =
        new JobRequest("train", corpus, null, "taken", Map.of("dim", 4), false, true);
    JobView done = await(service.find(service.submit(overwrite).id()).orElseThrow());
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void twoUnfinishedJobsCannotProduceTheSameModel() throws Exception {
    start(1, 10);
    String corpus = hamlet();
    engine.hold();
    service.submit(train(corpus, "same"));
    assertThatThrownBy(() -> service.submit(train(corpus, "same")))
        .isInstanceOfSatisfying(
            JobsProblem.class, e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
  }

  @Test
  void aTrainingErrorFailsTheJobWithAReadableMessage() throws Exception {
    start(1, 10);
    engine.failWith(new IllegalArgumentException("no word reaches minCount 5"));
    JobView done = await(service.find(service.submit(train(hamlet(), "x")).id()).orElseThrow());
    assertThat(done.state()).isEqualTo(JobState.FAILED);
    assertThat(done.error()).isEqualTo("no word reaches minCount 5");
    assertThat(catalog.models).isEmpty();
  }

  @Test
  void anErrorWithoutMessageSaysSoWithoutAClassName() {
    assertThat(JobService.readable(new NullPointerException()))
        .doesNotContain("Exception")
        .contains("service log");
    assertThat(JobService.readable(new java.nio.file.NoSuchFileException("/secret/dir/c.txt")))
        .isEqualTo("file not found: c.txt");
  }

  @Test
  void aRestartQueuesTheUnfinishedJobsAgainOldestFirstAndTheyRunToTheEnd() throws Exception {
    start(1, 10);
    String corpus = hamlet();
    JobView finished = await(service.find(service.submit(train(corpus, "one")).id()).orElseThrow());
    engine.hold();
    JobView running = service.submit(train(corpus, "two"));
    assertThat(engine.awaitRunning()).isTrue();
    JobView queued = service.submit(train(corpus, "three"));
    // a crash: the records stay as they are, nothing is shut down
    assertThat(service.get(running.id()).state()).isEqualTo(JobState.RUNNING);

    JobsProperties props = properties(1, 10, 200);
    FakeTrainingEngine trainer = new FakeTrainingEngine();
    JobService restarted = restarted(props, trainer);
    try {
      // before recovery, the unfinished jobs show what their records say
      assertThat(restarted.get(running.id()).state()).isEqualTo(JobState.RUNNING);
      assertThat(restarted.get(queued.id()).state()).isEqualTo(JobState.QUEUED);

      restarted.recover();

      JobView two =
          restarted.find(running.id()).orElseThrow().completion().get(20, TimeUnit.SECONDS);
      JobView three =
          restarted.find(queued.id()).orElseThrow().completion().get(20, TimeUnit.SECONDS);
      assertThat(two.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(two.restarts()).isEqualTo(1);
      assertThat(two.losses()).extracting(JobView.EpochLoss::epoch).containsExactly(1);
      assertThat(three.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(three.restarts()).isEqualTo(1);
      assertThat(two.finishedAt()).isBeforeOrEqualTo(three.finishedAt());
      assertThat(restarted.get(finished.id()).restarts()).isNull();
      assertThat(catalog.models).containsKeys("one", "two", "three");
    } finally {
      restarted.destroy();
    }
  }

  @Test
  void aJobWhoseModelWasPublishedBeforeTheStopSucceedsAndIsActivatedAtTheRestart()
      throws Exception {
    start(1, 10);
    String corpus = hamlet();
    engine.hold();
    JobView running =
        service.submit(
            new JobRequest("train", corpus, null, "published", Map.of("dim", 4), true, null));
    assertThat(engine.awaitRunning()).isTrue();
    // the model reached the models directory, the record did not hear of it
    catalog.models.put("published", TestModels.random(List.of("a", "b", "c"), 4, 3));

    JobService restarted = restarted(properties(1, 10, 200), new FakeTrainingEngine());
    try {
      restarted.recover();

      JobView job = restarted.get(running.id());
      assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.model()).isEqualTo("published");
      assertThat(job.result().vocabularySize()).isEqualTo(3);
      assertThat(catalog.activated).containsExactly("published");
      assertThat(JsonRecordsReader.state(record(running.id()))).isEqualTo("SUCCEEDED");
    } finally {
      restarted.destroy();
    }
  }

  @Test
  void aModelOfTheSameNameFromBeforeTheJobDoesNotCountAsItsResult() throws Exception {
    catalog.models.put(
        "old",
        TestModels.random(List.of("a", "b"), 4, 1, java.time.Instant.now().minusSeconds(3600)));
    start(1, 10);
    String corpus = hamlet();
    engine.hold();
    JobView running =
        service.submit(new JobRequest("train", corpus, null, "old", Map.of("dim", 4), null, true));
    assertThat(engine.awaitRunning()).isTrue();

    FakeTrainingEngine trainer = new FakeTrainingEngine();
    JobService restarted = restarted(properties(1, 10, 200), trainer);
    try {
      restarted.recover();
      JobView done =
          restarted.find(running.id()).orElseThrow().completion().get(20, TimeUnit.SECONDS);
      assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(done.restarts()).isEqualTo(1);
    } finally {
      restarted.destroy();
    }
  }

  @Test
  void anUnfinishedJobWhoseCorpusIsGoneFailsWithTheReasonAtTheRestart() throws Exception {
    start(1, 10);
    String corpus = hamlet();
    engine.hold();
    service.submit(train(corpus, "first"));
    assertThat(engine.awaitRunning()).isTrue();
    JobView queued = service.submit(train(corpus, "second"));
    // the corpus vanished while the service was down
    Files.delete(dataDir.resolve("corpora").resolve(corpus + ".json"));

    JobService restarted = restarted(properties(1, 10, 200), new FakeTrainingEngine());
    try {
      restarted.recover();
      JobView failed = restarted.get(queued.id());
      assertThat(failed.state()).isEqualTo(JobState.FAILED);
      assertThat(failed.error()).contains("cannot run again").contains("corpus");
    } finally {
      restarted.destroy();
    }
  }

  @Test
  void aShutdownLeavesQueuedAndRunningJobsRecordedForTheNextStart() throws Exception {
    start(1, 10);
    String corpus = hamlet();
    engine.hold();
    JobView running = service.submit(train(corpus, "first"));
    assertThat(engine.awaitRunning()).isTrue();
    JobView queued = service.submit(train(corpus, "second"));

    service.destroy();

    assertThat(JsonRecordsReader.state(record(running.id()))).isEqualTo("RUNNING");
    assertThat(JsonRecordsReader.state(record(queued.id()))).isEqualTo("QUEUED");
    assertThat(catalog.models).isEmpty();
  }

  @Test
  void aJobWhoseRecordCannotBeWrittenIsRefusedWith507AndHoldsNothing() throws Exception {
    JobsProperties props = properties(1, 10, 200);
    DataProperties data = new DataProperties(dataDir);
    corpora = new CorpusStore(data, new CorporaProperties(DataSize.ofMegabytes(10)));
    JobStore full =
        new JobStore(
            data.jobs(),
            (file, record) -> {
              throw new java.nio.file.FileSystemException(
                  file.toString(), null, "No space left on device");
            });
    service =
        new JobService(
            props,
            new JobRequestValidator(corpora, catalog, props, TestValidation.validator()),
            corpora,
            catalog,
            v -> Map.of(),
            engine,
            full,
            events(props));
    String corpus = hamlet();

    assertThatThrownBy(() -> service.submit(train(corpus, "never")))
        .isInstanceOfSatisfying(
            io.wordvec.system.ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
              assertThat(e.getBody().getType().toString()).endsWith("/insufficient-storage");
              assertThat(e.getBody().toString()).doesNotContain(dataDir.toString());
            });
    assertThat(service.list()).isEmpty();
    // no lease is left on the corpus
    assertThat(io.wordvec.corpora.CorpusStoreAccess.delete(corpora, corpus)).isTrue();
  }

  @Test
  void aFinishedJobLeavesNoWorkDirectoryAndARestartRemovesStaleOnes() throws Exception {
    start(1, 10);
    String corpus = hamlet();
    Path stale = dataDir.resolve("jobs").resolve("0123456789abcdef");
    Files.createDirectories(stale);
    Files.writeString(stale.resolve("checkpoint.bin"), "old");
    JobView done = await(service.find(service.submit(train(corpus, "one")).id()).orElseThrow());
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(dataDir.resolve("jobs").resolve(done.id())).doesNotExist();

    JobService restarted = restarted(properties(1, 10, 200), new FakeTrainingEngine());
    try {
      restarted.recover();
      assertThat(stale).doesNotExist();
    } finally {
      restarted.destroy();
    }
  }

  /**
   * Deleting a corpus races a job submitted on it: either the job is accepted and the delete is
   * refused (409, the job's lease holds the corpus), or the corpus is deleted and the submission
   * refused; never an accepted job whose corpus is gone.
   */
  @Test
  void aCorpusDeleteRacingASubmissionNeverLeavesAJobWithoutItsCorpus() throws Exception {
    start(1, 100);
    engine.hold();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 30; i++) {
        String corpus = hamlet();
        String output = "race" + i;
        CountDownLatch go = new CountDownLatch(1);
        var submitted =
            pool.submit(
                () -> {
                  go.await();
                  try {
                    return service.submit(train(corpus, output)) != null;
                  } catch (io.wordvec.system.ApiException refused) {
                    return false;
                  }
                });
        var deleted =
            pool.submit(
                () -> {
                  go.await();
                  try {
                    return io.wordvec.corpora.CorpusStoreAccess.delete(corpora, corpus);
                  } catch (io.wordvec.system.ApiException inUse) {
                    assertThat(inUse.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    return false;
                  }
                });
        go.countDown();
        boolean accepted = submitted.get(10, TimeUnit.SECONDS);
        boolean gone = deleted.get(10, TimeUnit.SECONDS);
        assertThat(accepted && gone)
            .as("round %d: accepted a job whose corpus was deleted", i)
            .isFalse();
        assertThat(accepted || gone).as("round %d: one of the two must win", i).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
