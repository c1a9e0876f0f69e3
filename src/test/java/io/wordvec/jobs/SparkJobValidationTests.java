package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wordvec.corpora.CorporaProperties;
import io.wordvec.corpora.CorpusStore;
import io.wordvec.jobs.JobsProblem.FieldProblem;
import io.wordvec.system.DataProperties;
import io.wordvec.train.Kernel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** What a job with an {@code engine} is checked for before it is queued. */
class SparkJobValidationTests {

  @TempDir Path dir;

  private final FakeModelCatalog catalog = new FakeModelCatalog();
  private CorpusStore store;
  private String corpus;

  @BeforeEach
  void setUp() throws Exception {
    store =
        new CorpusStore(
            new DataProperties(dir.resolve("data")),
            new CorporaProperties(DataSize.ofMegabytes(1)));
    corpus =
        store
            .store(new ByteArrayInputStream("a b c\n".getBytes(StandardCharsets.UTF_8)), null)
            .id();
    catalog.models.put("base", TestModels.random(List.of("a", "b"), 4, 1));
  }

  private JobRequestValidator validator(SparkProperties spark) {
    return new JobRequestValidator(
        store,
        catalog,
        new JobsProperties(
            1, 10, 1, 4, Duration.ZERO, Duration.ofSeconds(15), Duration.ofSeconds(30), 200),
        spark,
        TestValidation.validator());
  }

  private JobRequestValidator withJar() throws Exception {
    Path jar = Files.writeString(dir.resolve("wordvec-spark.jar"), "a jar");
    return validator(SparkDriverEngineTests.properties(jar));
  }

  private static JobRequest spark(
      String type, Map<String, Object> params, Integer partitions, Long wordsPerSync, String c) {
    return new JobRequest(
        type,
        c,
        type.equals("fine-tune") ? "base" : null,
        "m",
        params,
        null,
        null,
        "spark",
        partitions,
        wordsPerSync,
        null);
  }

  @SuppressWarnings("unchecked")
  private static List<FieldProblem> errors(JobRequestValidator validator, JobRequest request) {
    try {
      validator.validate(request);
    } catch (JobsProblem e) {
      assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.getBody().getType().toString()).isEqualTo("/problems/invalid-job-request");
      return (List<FieldProblem>) e.getBody().getProperties().get("errors");
    }
    throw new AssertionError("request was accepted: " + request);
  }

  @Test
  void aSparkTrainJobKeepsItsPartitionsAndSyncIntervalAndTheDefaults() throws Exception {
    JobSpec spec = withJar().validate(spark("train", Map.of("dim", 8), 4, 20_000L, corpus));

    assertThat(spec.engine()).isEqualTo(JobEngine.SPARK);
    assertThat(spec.partitions()).isEqualTo(4);
    assertThat(spec.wordsPerSync()).isEqualTo(20_000L);
    assertThat(spec.trainingConfig().dimension()).isEqualTo(8);

    JobSpec defaults = withJar().validate(spark("train", null, null, null, corpus));
    assertThat(defaults.partitions()).isEqualTo(1);
    assertThat(defaults.wordsPerSync()).isEqualTo(EngineChecks.DEFAULT_WORDS_PER_SYNC);
    assertThat(defaults.merge()).isEqualTo("adasum");
  }

  @Test
  void aSparkJobChoosesItsMergeRuleAmongTheDriversOnes() throws Exception {
    JobRequest mean =
        new JobRequest("train", corpus, null, "m", null, null, null, "spark", null, null, "mean");
    assertThat(withJar().validate(mean).merge()).isEqualTo("mean");

    JobRequest sum =
        new JobRequest("train", corpus, null, "m", null, null, null, "spark", null, null, "sum");
    assertThat(errors(withJar(), sum))
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(tuple("merge", "must be one of adasum, mean, was 'sum'"));
  }

  @Test
  void withoutTheSparkJarASparkJobIsRefusedSayingHowToEnableIt() {
    List<FieldProblem> errors =
        errors(validator(SparkProperties.disabled()), spark("train", null, null, null, corpus));

    assertThat(errors).extracting(FieldProblem::field).containsExactly("engine");
    assertThat(errors.get(0).message())
        .contains("not enabled")
        .contains("wordvec.spark.jar")
        .contains("WORDVEC_SPARK_JAR");
  }

  @Test
  void aJarPathThatNamesNoFileIsRefusedWithoutShowingThePath() {
    Path missing = dir.resolve("nowhere").resolve("wordvec-spark.jar");
    List<FieldProblem> errors =
        errors(
            validator(SparkDriverEngineTests.properties(missing)),
            spark("train", null, null, null, corpus));

    assertThat(errors).extracting(FieldProblem::field).containsExactly("engine");
    assertThat(errors.get(0).message())
        .contains("wordvec.spark.jar names no readable file")
        .doesNotContain(dir.toString());
  }

  @Test
  void anUnknownEngineIsRefusedListingTheEngines() {
    List<FieldProblem> errors =
        errors(
            validator(SparkProperties.disabled()),
            new JobRequest(
                "train", corpus, null, "m", null, null, null, "hadoop", null, null, null));

    assertThat(errors)
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(tuple("engine", "must be one of local, spark, was 'hadoop'"));
  }

  @Test
  void fineTuningStaysLocalAndSaysWhy() throws Exception {
    List<FieldProblem> errors =
        errors(withJar(), spark("fine-tune", Map.of("epochs", 1), null, null, corpus));

    assertThat(errors).extracting(FieldProblem::field).containsExactly("engine");
    assertThat(errors.get(0).message()).contains("fine-tune jobs run on the local engine only");
  }

  @Test
  void partitionsAndSyncIntervalBelongToSparkJobsAndAreRangeChecked() throws Exception {
    List<FieldProblem> local =
        errors(
            withJar(),
            new JobRequest(
                "train", corpus, null, "m", null, null, null, "local", 2, 5000L, "mean"));
    assertThat(local)
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("partitions", "wordsPerSync", "merge");

    List<FieldProblem> range = errors(withJar(), spark("train", null, 0, 10L, corpus));
    assertThat(range)
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactlyInAnyOrder(
            tuple("partitions", "must be an integer between 1 and 4096, was 0"),
            tuple("wordsPerSync", "must be at least 1000, was 10"));
  }

  @Test
  void settingsTheSparkEngineDoesNotTrainAreRefusedUpFront() throws Exception {
    List<FieldProblem> errors =
        errors(
            withJar(),
            spark(
                "train",
                Map.of("minn", 3, "phrases", 1, "schedule", "per-worker-sawtooth"),
                null,
                null,
                corpus));

    assertThat(errors)
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("params.minn", "params.phrases", "params.schedule");
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("Spark engine"));
  }

  @Test
  void aSparkJobTrainsPerPairAndRefusesTheBatchedKernel() throws Exception {
    List<FieldProblem> errors =
        errors(withJar(), spark("train", Map.of("kernel", "batched"), null, null, corpus));
    assertThat(errors).extracting(FieldProblem::field).containsExactly("params.kernel");
    assertThat(errors.get(0).message()).contains("the Spark engine trains per pair");

    // skip-gram's local default is batched: unset, a Spark job records what its driver runs
    JobSpec unset = withJar().validate(spark("train", Map.of("sg", true), null, null, corpus));
    assertThat(unset.trainingConfig().kernel()).isEqualTo(Kernel.PAIR);
    assertThat(unset.params()).containsEntry("kernel", "pair");

    JobSpec pair = withJar().validate(spark("train", Map.of("kernel", "pair"), null, null, corpus));
    assertThat(pair.trainingConfig().kernel()).isEqualTo(Kernel.PAIR);
    assertThat(pair.params()).containsEntry("kernel", "pair");
  }

  @Test
  void aLocalJobKeepsItsKernel() throws Exception {
    JobSpec local =
        withJar()
            .validate(
                new JobRequest(
                    "train",
                    corpus,
                    null,
                    "m",
                    Map.of("kernel", "batched"),
                    null,
                    null,
                    "local",
                    null,
                    null,
                    null));
    assertThat(local.trainingConfig().kernel()).isEqualTo(Kernel.BATCHED);
    assertThat(local.params()).containsEntry("kernel", "batched");
  }
}
