package io.wordvec.jobs;

import io.wordvec.corpora.CorpusStore;
import io.wordvec.eval.Drift;
import io.wordvec.index.IndexBuildListener;
import io.wordvec.train.FineTuneRequest;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingCancelledException;
import io.wordvec.train.TrainingEngine;
import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingPhase;
import io.wordvec.train.TrainingProgress;
import io.wordvec.train.TrainingRequest;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job through its phases: (loading the base model,) training, evaluating, saving and
 * publishing its model. Every phase change is announced through {@code changed}, which records the
 * job and tells its event streams; the job ends in exactly one final state.
 */
final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final CorpusStore corpora;
  private final ModelCatalog models;
  private final ModelEvaluator evaluator;
  private final TrainingEngine engine;
  private final SparkProperties spark;
  private final Function<String, Path> workDirectories;
  private final ExecutorService evaluation =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "job-evaluation");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param engine trains the jobs of the local engine
   * @param spark how jobs of the Spark engine start their driver
   * @param workDirectories where the training of a job (by id) keeps its encoded corpus and its
   *     epoch checkpoints, so that it can resume after a restart (a Spark job: its driver's output)
   */
  JobRunner(
      CorpusStore corpora,
      ModelCatalog models,
      ModelEvaluator evaluator,
      TrainingEngine engine,
      SparkProperties spark,
      Function<String, Path> workDirectories) {
    this.corpora = corpora;
    this.models = models;
    this.evaluator = evaluator;
    this.engine = engine;
    this.spark = spark;
    this.workDirectories = workDirectories;
  }

  /** The engine that trains {@code job}: the local one, or a Spark driver of its own. */
  private TrainingEngine engineOf(Job job) {
    JobSpec spec = job.spec();
    if (!spec.onSpark()) {
      return engine;
    }
    return new SparkDriverEngine(
        spark, job.id(), spec.partitions(), spec.wordsPerSync(), spec.merge());
  }

  /**
   * Runs {@code job}, which has just started, to a final state; or, when the service stops under
   * it, leaves it RUNNING (its record says so) for the next start to resume.
   *
   * @param changed records and announces the job after each change
   * @param progress announces a progress figure (not recorded: the next phase or epoch is)
   * @param shuttingDown whether a cancellation means the service is stopping
   */
  void run(
      Job job,
      Consumer<Job> changed,
      Consumer<Job> progress,
      java.util.function.BooleanSupplier shuttingDown) {
    JobSpec spec = job.spec();
    if (spec.type() == JobType.INDEX) {
      index(job, changed, progress, shuttingDown);
      return;
    }
    try {
      Path corpus = corpora.path(spec.corpus());
      if (!Files.exists(corpus)) {
        throw new NoSuchFileException("corpus " + spec.corpus());
      }
      TrainingListener listener = new JobListener(job, changed, progress);
      Path work = workDirectories.apply(job.id());
      TrainedModel base = null;
      TrainedModel model;
      if (spec.type() == JobType.TRAIN) {
        enter(job, JobPhase.VOCABULARY, changed);
        model =
            engineOf(job)
                .train(
                    new TrainingRequest(corpus, spec.trainingConfig(), listener, job.cancellation())
                        .withWorkDirectory(work));
      } else {
        enter(job, JobPhase.LOADING, changed);
        base = models.load(spec.baseModel());
        checkCancelled(job);
        enter(job, JobPhase.VOCABULARY, changed);
        model =
            engine.fineTune(
                new FineTuneRequest(
                        base, corpus, spec.fineTuneOptions(), listener, job.cancellation())
                    .withWorkDirectory(work));
      }
      checkCancelled(job);

      enter(job, JobPhase.EVALUATING, changed);
      WordVectors vectors = model.wordVectors();
      Map<String, Double> scores = evaluate(job, vectors);
      Map<String, Double> baseScores = null;
      JobView.DriftView drift = null;
      if (base != null) {
        WordVectors before = base.wordVectors();
        baseScores = evaluate(job, before);
        drift = driftView(Drift.measure(before, vectors));
      }
      model = model.withEvaluation(scores);

      // past this point a cancel is refused (409): the model is written and published as a whole
      if (!job.startSaving()) {
        throw new TrainingCancelledException();
      }
      changed.accept(job);
      models.publish(spec.outputModel(), model, vectors, spec.activate());
      job.succeed(
          spec.outputModel(),
          new JobView.JobResult(
              model.vocabulary().size(), scores, baseScores, drift, model.corpus()),
          Instant.now());
      log.info("Job {} succeeded: model '{}'", job.id(), spec.outputModel());
    } catch (TrainingCancelledException e) {
      cancelled(job, shuttingDown);
    } catch (Exception | OutOfMemoryError e) {
      failed(job, e, shuttingDown);
    }
  }

  /**
   * An index job: builds the model's graph (cancellable between insertions, with progress as rows
   * inserted of all rows), writes it beside the model and makes the model answer from it.
   */
  private void index(
      Job job,
      Consumer<Job> changed,
      Consumer<Job> progress,
      java.util.function.BooleanSupplier shuttingDown) {
    JobSpec spec = job.spec();
    try {
      enter(job, JobPhase.INDEXING, changed);
      long start = System.nanoTime();
      models.buildIndex(
          spec.baseModel(),
          spec.indexParameters(),
          new IndexBuildListener() {
            @Override
            public void onProgress(int inserted, int total) {
              double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
              job.progress(
                  new TrainingProgress(
                      TrainingPhase.TRAINING, 1, 1, inserted, total, inserted / seconds, 0));
              progress.accept(job);
            }

            @Override
            public boolean isCancelled() {
              return job.cancellation().isCancelled();
            }
          });
      job.succeed(spec.baseModel(), null, Instant.now());
      log.info("Job {} succeeded: model '{}' is indexed", job.id(), spec.baseModel());
    } catch (CancellationException e) {
      cancelled(job, shuttingDown);
    } catch (Exception | OutOfMemoryError e) {
      failed(job, e, shuttingDown);
    }
  }

  /**
   * A cancelled job: CANCELLED, unless the shutdown stopped it (then it resumes at the next start).
   */
  private static void cancelled(Job job, java.util.function.BooleanSupplier shuttingDown) {
    if (shuttingDown.getAsBoolean()) {
      stoppedByShutdown(job);
    } else {
      job.cancelled(Instant.now());
      log.info("Job {} cancelled", job.id());
    }
  }

  /** A job that threw: FAILED with a readable reason, unless the error is the shutdown's own. */
  private static void failed(
      Job job, Throwable e, java.util.function.BooleanSupplier shuttingDown) {
    if (shuttingDown.getAsBoolean() && job.cancellation().isCancelled()) {
      // an error of the stop itself (an interrupted read, a closed pool), not of the job
      stoppedByShutdown(job);
      return;
    }
    log.warn("Job {} failed", job.id(), e);
    job.fail(readable(e), Instant.now());
  }

  /** A job the shutdown stopped stays RUNNING in its record: the next start takes it up again. */
  private static void stoppedByShutdown(Job job) {
    log.info("Job {} stopped by the shutdown: it continues at the next start", job.id());
  }

  private static void enter(Job job, JobPhase phase, Consumer<Job> changed) {
    job.phase(phase);
    changed.accept(job);
  }

  private static JobView.DriftView driftView(Drift.Report d) {
    return new JobView.DriftView(
        d.meanCosineShift(), d.sharedWords(), d.neighborOverlap(), d.sampledWords(), d.newWords());
  }

  /**
   * Scores vectors on a helper thread so that a cancel is honoured within a fraction of a second
   * even though scoring a large model takes tens of seconds and cannot itself be interrupted; an
   * abandoned scoring finishes in the background and is discarded.
   */
  private Map<String, Double> evaluate(Job job, WordVectors vectors) throws InterruptedException {
    CompletableFuture<Map<String, Double>> scores =
        CompletableFuture.supplyAsync(() -> evaluator.evaluate(vectors), evaluation);
    while (true) {
      checkCancelled(job);
      try {
        return scores.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // still scoring: look at the cancellation token again
      } catch (ExecutionException e) {
        log.warn("Job {}: evaluation failed", job.id(), e.getCause());
        return Map.of();
      }
    }
  }

  private static void checkCancelled(Job job) {
    if (job.cancellation().isCancelled()) {
      throw new TrainingCancelledException();
    }
  }

  /** A message for the job record: no class names, no stack traces, no absolute paths. */
  static String readable(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return "not enough memory for this job; use a smaller dim or maxVocab, or give the service"
          + " more heap";
    }
    if (e instanceof UncheckedIOException u) {
      e = u.getCause();
    }
    if (e instanceof NoSuchFileException f) {
      return "file not found: " + Path.of(f.getFile()).getFileName();
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "internal error while running the job (details are in the service log)";
    }
    if (e instanceof IOException) {
      return "I/O error: " + message;
    }
    return message;
  }

  /** Stops scoring threads; a scoring in progress is abandoned. */
  void shutdown() {
    evaluation.shutdownNow();
  }

  /** Forwards training progress into the job and out to its subscribers. */
  private static final class JobListener implements TrainingListener {
    private final Job job;
    private final Consumer<Job> changed;
    private final Consumer<Job> progress;

    JobListener(Job job, Consumer<Job> changed, Consumer<Job> progress) {
      this.job = job;
      this.changed = changed;
      this.progress = progress;
    }

    @Override
    public void onProgress(TrainingProgress p) {
      job.phase(p.phase() == TrainingPhase.VOCABULARY ? JobPhase.VOCABULARY : JobPhase.TRAINING);
      job.progress(p);
      progress.accept(job);
    }

    @Override
    public void onEpochEnd(int epoch, double loss, long examples) {
      job.epochEnd(epoch, loss, examples);
      changed.accept(job);
    }

    @Override
    public void onCheckpointFailed(int epoch, IOException error) {
      log.warn(
          "Job {}: the checkpoint of epoch {} could not be written ({}); the training goes on",
          job.id(),
          epoch,
          error.getMessage());
    }

    @Override
    public void onResumed(int epochsDone) {
      job.resumedAfter(epochsDone);
      log.info(
          "Job {} resumes its training after epoch {}, from its checkpoint", job.id(), epochsDone);
      changed.accept(job);
    }
  }
}
