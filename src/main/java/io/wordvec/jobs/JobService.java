package io.wordvec.jobs;

import io.wordvec.corpora.CorpusLease;
import io.wordvec.corpora.CorpusStore;
import io.wordvec.system.InsufficientStorageException;
import io.wordvec.train.TrainingEngine;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Accepts, queues, cancels and prunes training jobs. At most {@code maxRunning} jobs run at once on
 * their own runner threads (each trains with its own worker threads); at most {@code maxQueued}
 * wait. A {@link JobRunner} takes each through its phases; every job is recorded by {@link
 * JobStore} and streamed by {@link JobEvents}. An accepted job holds a lease on its corpus until it
 * ends, so the corpus cannot be deleted under it.
 *
 * <p>Jobs survive restarts: a job is accepted only once its record is on disk (507 otherwise); a
 * shutdown leaves queued and running jobs as they are recorded, and once the service is ready
 * ({@link #recover}) every job the last run left unfinished is reconciled with the models on disk
 * and either completed or queued again, a training continuing from its last epoch checkpoint.
 */
@Service
class JobService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(JobService.class);

  private final JobsProperties properties;
  private final JobRequestValidator validator;
  private final CorpusStore corpora;
  private final ModelCatalog models;
  private final JobRunner runner;
  private final JobStore store;
  private final JobEvents events;
  private final JobRecovery recovery;

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Map<String, CorpusLease> leases = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor runners;
  private volatile boolean shuttingDown;

  /** A service whose jobs train locally only (tests). */
  JobService(
      JobsProperties properties,
      JobRequestValidator validator,
      CorpusStore corpora,
      ModelCatalog models,
      ModelEvaluator evaluator,
      TrainingEngine engine,
      JobStore store,
      JobEvents events)
      throws IOException {
    this(
        properties,
        validator,
        corpora,
        models,
        evaluator,
        engine,
        SparkProperties.disabled(),
        store,
        events);
  }

  @org.springframework.beans.factory.annotation.Autowired
  JobService(
      JobsProperties properties,
      JobRequestValidator validator,
      CorpusStore corpora,
      ModelCatalog models,
      ModelEvaluator evaluator,
      TrainingEngine engine,
      SparkProperties spark,
      JobStore store,
      JobEvents events)
      throws IOException {
    this.properties = properties;
    this.validator = validator;
    this.corpora = corpora;
    this.models = models;
    this.runner = new JobRunner(corpora, models, evaluator, engine, spark, store::workDirectory);
    this.store = store;
    this.events = events;
    this.recovery = new JobRecovery(validator, models, store);
    // Unfinished jobs wait in their recorded state for recover(), which needs the models loaded.
    for (JobRecord past : store.loadAll()) {
      jobs.put(past.id(), new Job(past));
    }
    prune();
    AtomicInteger n = new AtomicInteger();
    this.runners =
        new ThreadPoolExecutor(
            properties.maxRunning(),
            properties.maxRunning(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "job-runner-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    log.info(
        "Jobs: {} past, at most {} running and {} waiting, {} training threads by default",
        jobs.size(),
        properties.maxRunning(),
        properties.maxQueued(),
        properties.effectiveDefaultThreads());
  }

  /**
   * Validates and queues a job.
   *
   * @throws JobsProblem 400 on bad fields, 409 if the output model exists, 429 if the queue is full
   */
  JobView submit(JobRequest request) {
    JobSpec spec = validator.validate(request);
    Job job;
    synchronized (this) {
      int active = 0;
      for (Job other : jobs.values()) {
        if (other.state().isFinal()) {
          continue;
        }
        active++;
        if (other.outputModel() != null && other.outputModel().equals(spec.outputModel())) {
          throw JobsProblem.modelExists(spec.outputModel());
        }
      }
      // An index job writes beside a model that exists by definition.
      if (spec.type() != JobType.INDEX && !spec.overwrite() && models.exists(spec.outputModel())) {
        throw JobsProblem.modelExists(spec.outputModel());
      }
      if (active >= properties.maxRunning() + properties.maxQueued()) {
        throw JobsProblem.queueFull(properties.maxQueued(), retryAfterSeconds());
      }
      job = new Job(newId(), spec, Instant.now());
      try {
        // Accepted only once recorded: a job a restart would forget must not run at all.
        store.create(job.record());
      } catch (IOException e) {
        store.delete(job.id());
        log.warn("Job refused: its record cannot be written: {}", e.getMessage());
        throw InsufficientStorageException.cannotStore("the job's record")
            .with("reason", InsufficientStorageException.reasonOf(e));
      }
      if (spec.corpus() != null) {
        try {
          leases.put(job.id(), corpora.acquire(spec.corpus(), job.id()));
        } catch (RuntimeException e) {
          store.delete(job.id());
          throw e;
        }
      }
      jobs.put(job.id(), job);
      runners.execute(() -> run(job));
    }
    log.info(
        "Job {} queued: {} -> model '{}'", job.id(), spec.type().apiName(), spec.outputModel());
    return job.view();
  }

  /**
   * When a refused client should try again: a place in the queue frees up when a running job ends,
   * so the soonest estimated end of a running job, or the configured default while none has an
   * estimate (it is still counting the vocabulary, or has not reported yet).
   */
  private long retryAfterSeconds() {
    long soonest = Long.MAX_VALUE;
    for (Job job : jobs.values()) {
      if (job.state() == JobState.RUNNING) {
        Long eta = job.view().etaSeconds();
        if (eta != null) {
          soonest = Math.min(soonest, eta);
        }
      }
    }
    // evaluating and saving follow the training the estimate covers: never say "now"
    return soonest == Long.MAX_VALUE ? properties.retryAfter().toSeconds() : Math.max(1, soonest);
  }

  /** Every job, newest first. */
  List<JobView> list() {
    return jobs.values().stream()
        .sorted(Comparator.comparing(Job::createdAt).thenComparing(Job::id).reversed())
        .map(Job::view)
        .toList();
  }

  Optional<Job> find(String id) {
    return Optional.ofNullable(id == null ? null : jobs.get(id));
  }

  JobView get(String id) {
    return find(id).orElseThrow(() -> JobsProblem.jobNotFound(id)).view();
  }

  /**
   * Cancels a job: a queued one at once, a running one as soon as its training notices.
   *
   * @throws JobsProblem 404 if unknown, 409 if it already finished or is saving its model
   */
  JobView cancel(String id) {
    Job job = find(id).orElseThrow(() -> JobsProblem.jobNotFound(id));
    switch (job.cancel(Instant.now())) {
      case FINISHED -> throw JobsProblem.jobFinished(id, job.state());
      case SAVING -> throw JobsProblem.jobSaving(id, job.outputModel());
      case CANCELLED, STOPPING -> {
        // accepted
      }
    }
    JobView view = job.view();
    log.info("Job {} cancellation requested ({})", id, view.state());
    if (view.state().isFinal()) {
      finished(job);
    }
    return view;
  }

  /**
   * Keeps at most {@code maxFinished} finished jobs, deleting the records of the oldest (by the
   * time they finished); queued and running jobs are neither removed nor counted.
   */
  private synchronized void prune() {
    List<Job> finished =
        jobs.values().stream()
            .filter(j -> j.state().isFinal())
            .sorted(
                Comparator.comparing(
                        (Job j) -> j.finishedAt() != null ? j.finishedAt() : j.createdAt())
                    .thenComparing(Job::createdAt)
                    .thenComparing(Job::id))
            .toList();
    int excess = finished.size() - properties.maxFinished();
    for (int i = 0; i < excess; i++) {
      remove(finished.get(i));
    }
    if (excess > 0) {
      log.info(
          "Deleted the records of {} old finished job(s), keeping {}",
          excess,
          properties.maxFinished());
    }
  }

  /** Callers hold the lock, so that {@link #finished} cannot write the record back. */
  private void remove(Job job) {
    jobs.remove(job.id(), job);
    store.delete(job.id());
  }

  /**
   * Reconciles every job the last run of the service left unfinished (see {@link JobRecovery}),
   * oldest first, once the models are loaded; jobs that can run again are queued in that order.
   * Work directories of jobs that will not run again are removed.
   */
  @EventListener(ApplicationReadyEvent.class)
  void recover() {
    List<Job> unfinished =
        jobs.values().stream()
            .filter(j -> !j.state().isFinal() && j.spec() == null)
            .sorted(Comparator.comparing(Job::createdAt).thenComparing(Job::id))
            .toList();
    Map<JobRecovery.Outcome, Integer> outcomes = new EnumMap<>(JobRecovery.Outcome.class);
    List<Job> resumed = new ArrayList<>();
    for (Job job : unfinished) {
      JobRecovery.Outcome outcome = recovery.recover(job);
      outcomes.merge(outcome, 1, Integer::sum);
      switch (outcome) {
        case REQUEUED -> resumed.add(job);
        case PUBLISHED, FAILED -> finished(job);
        case CANCELLED -> {
          // cancelled through the API meanwhile, and recorded then
        }
      }
    }
    // before the resumed jobs run: from then on their runs own their directories
    store.removeStaleWorkDirectories(
        jobs.values().stream()
            .filter(j -> !j.state().isFinal())
            .map(Job::id)
            .collect(Collectors.toSet()),
        resumed.stream().map(Job::id).collect(Collectors.toSet()));
    for (Job job : resumed) {
      requeue(job);
    }
    if (!unfinished.isEmpty()) {
      log.info("Jobs left unfinished by the last stop: {}", outcomes);
    }
  }

  /** Queues a job recovery resumed, with a lease on its corpus as at submission. */
  private void requeue(Job job) {
    synchronized (this) {
      JobSpec spec = job.spec();
      if (spec.corpus() != null) {
        try {
          leases.put(job.id(), corpora.acquire(spec.corpus(), job.id()));
        } catch (RuntimeException e) {
          job.fail(
              "the service stopped, and the job cannot run again: " + e.getMessage(),
              Instant.now());
          finished(job);
          return;
        }
      }
      store.save(job.record());
      runners.execute(() -> run(job));
    }
    events.publish(job);
  }

  private void run(Job job) {
    if (!job.start(Instant.now(), () -> shuttingDown)) {
      return;
    }
    log.info("Job {} started", job.id());
    changed(job);
    try {
      runner.run(job, this::changed, events::publish, () -> shuttingDown);
    } finally {
      finished(job);
    }
  }

  /** A message for the job record: no class names, no stack traces, no absolute paths. */
  static String readable(Throwable e) {
    return JobRunner.readable(e);
  }

  private void changed(Job job) {
    store.save(job.record());
    events.publish(job);
  }

  /**
   * Records and announces a job's final state, then drops the oldest finished records; a job that
   * has not finished (the service is stopping) is recorded as it is, to resume at the next start.
   */
  private void finished(Job job) {
    Job.Snapshot snapshot = job.snapshot();
    JobView view = snapshot.view();
    if (view.state().isFinal()) {
      CorpusLease lease = leases.remove(job.id());
      if (lease != null) {
        lease.close();
      }
      store.deleteWorkDirectory(job.id());
    }
    synchronized (this) {
      if (view.state().isFinal()) {
        // Prune first: with max-finished 0 this job goes at once, and its record is not written
        // only to be deleted, so that readers see it finished for as short a time as possible.
        prune();
      }
      // a finished job may be pruned or deleted already: its record must not come back
      if (jobs.get(job.id()) == job) {
        store.save(job.record());
      }
    }
    events.publish(snapshot);
    if (view.state().isFinal()) {
      job.completion().complete(view);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Stops running jobs, which stay RUNNING in their records (with their last epoch checkpoint), and
   * leaves queued ones QUEUED: the next start takes both up again. No job starts from here on
   * ({@link Job#start} checks the flag under the job's lock, as {@link Job#cancelIfRunning} runs).
   */
  @Override
  public void destroy() throws InterruptedException {
    shuttingDown = true;
    for (Job job : jobs.values()) {
      job.cancelIfRunning();
    }
    runners.shutdown();
    runner.shutdown();
    if (!runners.awaitTermination(10, TimeUnit.SECONDS)) {
      runners.shutdownNow();
    }
  }
}
