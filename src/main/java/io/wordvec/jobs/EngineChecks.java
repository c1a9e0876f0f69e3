package io.wordvec.jobs;

import io.wordvec.jobs.JobsProblem.FieldProblem;
import io.wordvec.models.TrainParams;
import io.wordvec.system.validation.IntRangeValidator;
import io.wordvec.train.Kernel;
import io.wordvec.train.LearningRateSchedule;
import io.wordvec.train.TrainingConfig;
import java.util.List;

/**
 * The checks of a job's {@code engine} and of the fields that go with it, for {@link
 * JobRequestValidator}: which engine, whether it can run the job here, and what a Spark job may ask
 * for. Problems are added to the caller's list, field by field.
 */
final class EngineChecks {

  private EngineChecks() {}

  /**
   * The engine a job asks for ({@code local} when it does not say), with the checks of the fields
   * that go with it: Spark runs train jobs only, when the service has its jar, and {@code
   * partitions}, {@code wordsPerSync} and {@code merge} are Spark's alone.
   */
  static JobEngine engine(
      JobRequest request, JobType type, SparkProperties spark, List<FieldProblem> errors) {
    String name = request.engine();
    JobEngine engine = name == null ? JobEngine.LOCAL : JobEngine.fromApiName(name);
    if (engine == null) {
      errors.add(
          new FieldProblem(
              "engine",
              "must be one of "
                  + String.join(", ", JobEngine.apiNames())
                  + ", was '"
                  + JobRequestValidator.shorten(name)
                  + "'"));
      return null;
    }
    if (type == JobType.INDEX && name != null) {
      errors.add(new FieldProblem("engine", "does not apply to index jobs, which run locally"));
    } else if (type == JobType.FINE_TUNE && engine == JobEngine.SPARK) {
      errors.add(
          new FieldProblem(
              "engine",
              "fine-tune jobs run on the local engine only: the Spark engine trains from scratch"
                  + " (it cannot start from a base model yet); use engine local"));
    } else if (type == JobType.TRAIN && engine == JobEngine.SPARK) {
      String unavailable = spark.unavailableReason();
      if (unavailable != null) {
        errors.add(new FieldProblem("engine", unavailable));
      }
    }
    if (engine != JobEngine.SPARK) {
      if (request.partitions() != null) {
        errors.add(new FieldProblem("partitions", "applies to spark jobs only"));
      }
      if (request.wordsPerSync() != null) {
        errors.add(new FieldProblem("wordsPerSync", "applies to spark jobs only"));
      }
      if (request.merge() != null) {
        errors.add(new FieldProblem("merge", "applies to spark jobs only"));
      }
    }
    return engine;
  }

  /** The most partitions a Spark job may ask for (the driver's own limit). */
  static final int MAX_PARTITIONS = 4096;

  /** The fewest words per sync a Spark job may ask for (the driver's own limit). */
  static final long MIN_WORDS_PER_SYNC = 1_000;

  /** A Spark job's default words per sync (the driver's default). */
  static final long DEFAULT_WORDS_PER_SYNC = 1_000_000;

  /** The driver's merge rules ({@code --merge}); the first is its default. */
  static final List<String> MERGE_RULES = List.of("adasum", "mean");

  /**
   * A train spec run on Spark: its partitions, sync interval and merge rule, and the settings the
   * Spark engine does not train yet refused here rather than by the driver minutes later. Its
   * kernel is always per pair, what the driver trains with (the partition averaging was measured
   * with it), so that the job record says what runs: a job that asks for the batched kernel is
   * refused, one that does not say gets pair whatever the local default.
   */
  static JobSpec sparkSpec(JobSpec spec, JobRequest request, List<FieldProblem> errors) {
    int partitions = request.partitions() == null ? 1 : request.partitions();
    long wordsPerSync =
        request.wordsPerSync() == null ? DEFAULT_WORDS_PER_SYNC : request.wordsPerSync();
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      errors.add(
          new FieldProblem(
              "partitions",
              IntRangeValidator.requirement(1, MAX_PARTITIONS) + ", was " + partitions));
    }
    if (wordsPerSync < MIN_WORDS_PER_SYNC) {
      errors.add(
          new FieldProblem(
              "wordsPerSync", "must be at least " + MIN_WORDS_PER_SYNC + ", was " + wordsPerSync));
    }
    String merge = request.merge() == null ? MERGE_RULES.get(0) : request.merge();
    if (!MERGE_RULES.contains(merge)) {
      errors.add(
          new FieldProblem(
              "merge",
              "must be one of "
                  + String.join(", ", MERGE_RULES)
                  + ", was '"
                  + JobRequestValidator.shorten(merge)
                  + "'"));
    }
    TrainingConfig config = spec.trainingConfig();
    String local = " on the Spark engine yet; train with engine local";
    boolean kernelGiven = request.params() != null && request.params().get("kernel") != null;
    if (kernelGiven && config.kernel() != Kernel.PAIR) {
      errors.add(
          ParamsBinder.problem(
              "kernel",
              "the Spark engine trains per pair: only "
                  + Kernel.PAIR.id()
                  + " applies (or leave kernel out)"));
    }
    config = config.toBuilder().kernel(Kernel.PAIR).build();
    if (config.ngrams() != null) {
      errors.add(
          ParamsBinder.problem(
              "minn", "subword models (minn, maxn, bucket) are not trained" + local));
    }
    if (config.phrases() > 0) {
      errors.add(ParamsBinder.problem("phrases", "phrases are not detected" + local));
    }
    if (config.schedule() != LearningRateSchedule.LINEAR) {
      errors.add(
          ParamsBinder.problem(
              "schedule",
              "the Spark engine's learning rate follows the words of all partitions: only "
                  + LearningRateSchedule.LINEAR.id()
                  + " applies"));
    }
    int defaultLength = TrainingConfig.builder().build().maxSentenceLength();
    if (config.maxSentenceLength() != defaultLength) {
      errors.add(
          ParamsBinder.problem(
              "maxSentenceLength",
              "only the default (" + defaultLength + ") applies on the Spark engine"));
    }
    return new JobSpec(
        spec.type(),
        spec.corpus(),
        spec.baseModel(),
        spec.outputModel(),
        spec.activate(),
        spec.overwrite(),
        config,
        null,
        ParamsBinder.toMap(TrainParams.of(config)),
        null,
        JobEngine.SPARK,
        partitions,
        wordsPerSync,
        merge);
  }
}
