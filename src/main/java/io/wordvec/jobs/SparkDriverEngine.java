package io.wordvec.jobs;

import io.wordvec.cli.SparkJvmFlags;
import io.wordvec.io.ModelFiles;
import io.wordvec.train.Architecture;
import io.wordvec.train.CancellationToken;
import io.wordvec.train.FineTuneRequest;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingCancelledException;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingEngine;
import io.wordvec.train.TrainingRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one job's model on Apache Spark by running {@code wordvec-spark.jar}'s driver as a child
 * process: {@code java <Spark's module flags> -jar wordvec-spark.jar train --master ... --corpus
 * ... --output <work>/spark-<nonce>.wvm ...}. A process rather than Spark in this JVM: Spark brings
 * 140 jars whose Jackson, Netty and logging versions are not the service's, holds one context per
 * JVM, and its driver must be stoppable as a whole, executors and all, without stopping the
 * service.
 *
 * <p>The driver's JSON progress lines reach the request's listener ({@link DriverOutput}). It
 * writes its model into the job's work directory; the model is read back and returned only when the
 * driver exits 0 with a valid full model, and the job then evaluates and publishes it like any
 * other. A cancelled token stops the driver and every process it started ({@link ProcessTree});
 * whatever the outcome, the files of the run (the model, temporary files, Spark's scratch
 * directories of a local master) are deleted before this returns.
 */
final class SparkDriverEngine implements TrainingEngine {

  private static final Logger log = LoggerFactory.getLogger(SparkDriverEngine.class);

  /** The flags of Spark's own launcher and the vector module wordvec's kernels use. */
  static final List<String> JVM_FLAGS = SparkJvmFlags.FLAGS;

  /**
   * Exit code of the driver's command line after a cancellation (see {@code ExitCodes}); above 128
   * a signal ended it.
   */
  private static final int EXIT_CANCELLED = 130;

  /** How often the token is looked at while the driver runs. */
  private static final long POLL_MILLIS = 100;

  /** How long the output readers get to pass on the last lines of a driver that has exited. */
  private static final long DRAIN_MILLIS = 10_000;

  private final SparkProperties properties;
  private final String jobId;
  private final int partitions;
  private final long wordsPerSync;
  private final String merge;

  /**
   * @param jobId names the job in log lines and thread names
   * @param partitions the driver's {@code --partitions}
   * @param wordsPerSync the driver's {@code --words-per-sync}
   * @param merge the driver's {@code --merge} (null: the driver's default)
   */
  SparkDriverEngine(
      SparkProperties properties, String jobId, int partitions, long wordsPerSync, String merge) {
    this.properties = properties;
    this.jobId = jobId;
    this.partitions = partitions;
    this.wordsPerSync = wordsPerSync;
    this.merge = merge;
  }

  /** A failed driver, with a reason fit for the job record. */
  static final class DriverFailedException extends RuntimeException {
    DriverFailedException(String reason) {
      super(reason);
    }
  }

  @Override
  public TrainedModel train(TrainingRequest request) throws IOException {
    String unavailable = properties.unavailableReason();
    if (unavailable != null) {
      throw new DriverFailedException(unavailable);
    }
    boolean ownWork = request.workDirectory() == null;
    Path work =
        ownWork
            ? Files.createTempDirectory("wordvec-spark-job")
            : Files.createDirectories(request.workDirectory());
    String run = "spark-" + HexFormat.of().formatHex(nonce());
    if (!ownWork) {
      // a run of this job in a service that was killed: its driver stopped by itself, its files
      // stay
      deleteRun(work, "spark-", false);
    }
    try {
      return run(request, work, run);
    } finally {
      deleteRun(work, run, ownWork);
    }
  }

  private TrainedModel run(TrainingRequest request, Path work, String run) throws IOException {
    Path output = work.resolve(run + ".wvm").toAbsolutePath();
    Path scratch = work.resolve(run + "-tmp").toAbsolutePath();
    Files.createDirectories(scratch);
    List<String> command = command(request, output, scratch);
    log.info(
        "Job {}: starting the Spark driver on master {} ({} partition(s), {} words per sync, {}"
            + " merge)",
        jobId,
        properties.master(),
        partitions,
        wordsPerSync,
        merge == null ? "default" : merge);
    Process process;
    try {
      // its standard input stays open, and empty, while this JVM lives (--exit-when-stdin-closes)
      process = new ProcessBuilder(command).directory(work.toFile()).start();
    } catch (IOException e) {
      log.warn("Job {}: cannot start the Spark driver", jobId, e);
      throw new DriverFailedException(
          "cannot start the Spark driver (wordvec.spark.java): "
              + DriverOutput.withoutPaths(String.valueOf(e.getMessage())));
    }
    DriverOutput driverOutput = new DriverOutput(jobId, request.listener(), properties.logLines());
    Thread stdout = driverOutput.follow(process.getInputStream(), "out", true);
    Thread stderr = driverOutput.follow(process.getErrorStream(), "err", false);
    try {
      int exit = awaitExit(process, request.cancellation());
      drain(stdout, DRAIN_MILLIS);
      drain(stderr, DRAIN_MILLIS);
      if (request.cancellation().isCancelled()) {
        throw new TrainingCancelledException();
      }
      if (exit != 0) {
        String reason =
            exit == EXIT_CANCELLED || exit > 128
                ? "the Spark driver was stopped before it finished (exit code "
                    + exit
                    + ": a signal from outside the service, e.g. an operator or the system's"
                    + " out-of-memory killer)"
                : driverOutput.failureReason(exit);
        log.warn("Job {}: the Spark driver exited with code {}: {}", jobId, exit, reason);
        throw new DriverFailedException(reason);
      }
      return readModel(output);
    } finally {
      if (process.isAlive()) {
        ProcessTree.stop(process, java.time.Duration.ZERO);
      }
      driverOutput.finish();
    }
  }

  /**
   * Waits for the driver to exit; a cancelled token stops it and its children (bounded by {@code
   * wordvec.spark.stop-timeout}) and ends in {@link TrainingCancelledException}.
   */
  private int awaitExit(Process process, CancellationToken cancellation) throws IOException {
    try {
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (cancellation.isCancelled()) {
          log.info("Job {}: stopping the Spark driver (pid {})", jobId, process.pid());
          ProcessTree.stop(process, properties.stopTimeout());
          throw new TrainingCancelledException();
        }
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      ProcessTree.stop(process, java.time.Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the Spark driver ran; it was stopped");
    }
  }

  private static void drain(Thread reader, long millis) {
    try {
      reader.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The model the driver wrote, read whole: it must be a full native model. */
  private TrainedModel readModel(Path output) {
    if (!Files.isRegularFile(output)) {
      throw new DriverFailedException("the Spark driver exited without writing its model");
    }
    try {
      return ModelFiles.load(output)
          .trained()
          .orElseThrow(
              () ->
                  new DriverFailedException(
                      "the Spark driver wrote vectors without their training state"));
    } catch (IOException e) {
      throw new DriverFailedException(
          "the Spark driver's model is not valid: " + DriverOutput.withoutPaths(e.getMessage()));
    }
  }

  /** The driver's command line. */
  List<String> command(TrainingRequest request, Path output, Path scratch) {
    List<String> command = new ArrayList<>();
    command.add(properties.javaExecutable());
    command.addAll(properties.jvmOptions());
    command.addAll(JVM_FLAGS);
    // Spark's and the JVM's scratch files stay inside the job's work directory, which goes away
    // with the job even when the driver was killed before it could clean up.
    command.add("-Djava.io.tmpdir=" + scratch);
    command.add("-jar");
    command.add(properties.jar().toAbsolutePath().toString());
    command.add("train");
    command.add("--quiet");
    // the driver stops by itself if this service dies without stopping it (kill -9)
    command.add("--exit-when-stdin-closes");
    add(command, "--master", properties.master());
    add(command, "--corpus", request.corpus().toAbsolutePath().toString());
    add(command, "--output", output.toString());
    add(command, "--partitions", Integer.toString(partitions));
    add(command, "--words-per-sync", Long.toString(wordsPerSync));
    if (merge != null) {
      add(command, "--merge", merge);
    }
    add(command, "--tokenizer", "whitespace");
    if (properties.master().startsWith("local")) {
      add(command, "--conf", "spark.local.dir=" + scratch);
    }
    for (Map.Entry<String, String> conf : properties.conf().entrySet()) {
      add(command, "--conf", conf.getKey() + "=" + conf.getValue());
    }
    TrainingConfig config = request.config();
    command.add(config.architecture() == Architecture.CBOW ? "--cbow" : "--sg");
    add(command, "--dim", Integer.toString(config.dimension()));
    add(command, "--window", Integer.toString(config.window()));
    add(command, "--negative", Integer.toString(config.negative()));
    add(command, "--sample", Double.toString(config.sample()));
    add(command, "--min-count", Integer.toString(config.minCount()));
    add(command, "--max-vocab", Integer.toString(config.maxVocab()));
    add(command, "--alpha", Double.toString(config.alpha()));
    add(command, "--min-alpha", Double.toString(config.minAlpha()));
    add(command, "--epochs", Integer.toString(config.epochs()));
    add(command, "--schedule", config.schedule().id());
    // no --kernel: the driver trains per pair whatever it is given (the job validation refuses
    // the batched kernel for Spark jobs)
    add(command, "--seed", Long.toString(config.seed()));
    add(command, "--noise-exponent", Double.toString(config.noiseExponent()));
    add(command, "--max-word-bytes", Integer.toString(config.maxWordBytes()));
    return command;
  }

  private static void add(List<String> command, String option, String value) {
    command.add(option);
    command.add(value);
  }

  @Override
  public TrainedModel fineTune(FineTuneRequest request) {
    throw new UnsupportedOperationException(
        "fine-tuning runs on the local engine only; the Spark engine trains from scratch");
  }

  /** Deletes every file of the run (and the work directory when this engine made it). */
  private void deleteRun(Path work, String run, boolean ownWork) {
    try {
      List<Path> files = new ArrayList<>();
      // the model, its temporary file (.spark-....tmp) and the scratch directory
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(work, "*" + run + "*")) {
        entries.forEach(files::add);
      }
      if (ownWork) {
        files = List.of(work);
      }
      for (Path file : files) {
        deleteTree(file);
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("Job {}: could not delete the files of its Spark run: {}", jobId, e.getMessage());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static byte[] nonce() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
