package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wordvec.corpora.CorporaProperties;
import io.wordvec.corpora.CorpusStore;
import io.wordvec.jobs.JobsProblem.FieldProblem;
import io.wordvec.phrases.PhraseScoring;
import io.wordvec.system.DataProperties;
import io.wordvec.train.Architecture;
import io.wordvec.train.Kernel;
import io.wordvec.train.LearningRateSchedule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class JobRequestValidatorTests {

  @TempDir Path dataDir;

  private final FakeModelCatalog catalog = new FakeModelCatalog();
  private JobRequestValidator validator;
  private String corpus;

  @BeforeEach
  void setUp() throws Exception {
    CorpusStore store =
        new CorpusStore(
            new DataProperties(dataDir), new CorporaProperties(DataSize.ofMegabytes(1)));
    corpus =
        store
            .store(new ByteArrayInputStream("a b c\n".getBytes(StandardCharsets.UTF_8)), null)
            .id();
    catalog.models.put("base", TestModels.random(List.of("a", "b"), 4, 1));
    validator =
        new JobRequestValidator(
            store,
            catalog,
            new JobsProperties(
                1, 10, 1, 4, Duration.ZERO, Duration.ofSeconds(15), Duration.ofSeconds(30), 200),
            TestValidation.validator());
  }

  @SuppressWarnings("unchecked")
  private List<FieldProblem> errors(JobRequest request) {
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
  void everyBadFieldIsListed() {
    Map<String, Object> params =
        Map.of(
            "dim", 0,
            "window", "five",
            "negative", 2.5,
            "sample", -1,
            "epochs", 100000,
            "alpha", 0,
            "threads", 64,
            "colour", "blue");
    List<FieldProblem> errors =
        errors(new JobRequest("train", "nope", null, "bad name!", params, null, null));

    assertThat(errors)
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "corpus",
            "outputModel",
            "params.dim",
            "params.window",
            "params.negative",
            "params.sample",
            "params.epochs",
            "params.alpha",
            "params.threads",
            "params.colour");
    assertThat(errors)
        .filteredOn(e -> e.field().equals("params.threads"))
        .first()
        .extracting(FieldProblem::message)
        .asString()
        .contains("between 1 and 4")
        .contains("64");
    assertThat(errors)
        .filteredOn(e -> e.field().equals("params.window"))
        .first()
        .extracting(FieldProblem::message)
        .asString()
        .contains("'five'");
  }

  @Test
  void missingTypeCorpusAndModelAreListed() {
    assertThat(errors(new JobRequest(null, null, null, null, null, null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("type", "corpus", "outputModel");
  }

  @Test
  void anIndexJobTakesAServedModelAndGraphParametersOnly() {
    JobSpec spec =
        validator.validate(
            new JobRequest("index", null, "base", null, Map.of("beamWidth", 60), null, null));
    assertThat(spec.type()).isEqualTo(JobType.INDEX);
    assertThat(spec.baseModel()).isEqualTo("base");
    assertThat(spec.corpus()).isNull();
    assertThat(spec.indexParameters().beamWidth()).isEqualTo(60);
    assertThat(spec.indexParameters().degree()).isEqualTo(32);
    assertThat(spec.indexParameters().threads()).isEqualTo(1);

    assertThat(
            errors(new JobRequest("index", corpus, "missing", "out", Map.of("dim", 5), null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("corpus", "outputModel", "baseModel", "params.dim");
    assertThat(
            errors(
                new JobRequest(
                    "index", null, "base", null, Map.of("degree", 1, "threads", 9), null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("params.threads", "params");
    assertThat(
            errors(new JobRequest("index", null, "base", null, Map.of("degree", "x"), null, null)))
        .extracting(FieldProblem::message)
        .containsExactly("must be an integer");
    assertThat(errors(new JobRequest("index", null, null, null, null, null, null)))
        .extracting(FieldProblem::message)
        .containsExactly("there is no default model");
  }

  @Test
  void fineTuneNeedsAnExistingBaseAndRejectsArchitectureParams() {
    assertThat(
            errors(
                new JobRequest(
                    "fine-tune", corpus, "missing", "out", Map.of("dim", 50), null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("baseModel", "params.dim");
    assertThat(
            errors(
                new JobRequest(
                    "fine-tune", corpus, "base", "out", Map.of("lockFactor", 1.5), null, null)))
        .extracting(FieldProblem::message)
        .containsExactly("must be a number in [0, 1], was 1.5");
  }

  @Test
  void defaultsAreFilledInAndCbowGetsItsLearningRate() {
    JobSpec spec =
        validator.validate(
            new JobRequest("train", corpus, null, "m", Map.of("sg", false, "dim", 20), true, null));
    assertThat(spec.trainingConfig().architecture()).isEqualTo(Architecture.CBOW);
    assertThat(spec.trainingConfig().alpha()).isEqualTo(0.05);
    assertThat(spec.trainingConfig().dimension()).isEqualTo(20);
    assertThat(spec.trainingConfig().threads()).isEqualTo(1);
    assertThat(spec.activate()).isTrue();
    assertThat(spec.params()).containsEntry("sg", false).containsEntry("window", 5);
  }

  @Test
  void theScheduleIsCheckedAndReachesTheConfigOfTrainAndFineTuneJobs() {
    JobSpec train =
        validator.validate(
            new JobRequest(
                "train", corpus, null, "m", Map.of("schedule", "per-worker-sawtooth"), null, null));
    assertThat(train.trainingConfig().schedule())
        .isEqualTo(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    assertThat(train.params()).containsEntry("schedule", "per-worker-sawtooth");
    JobSpec fineTune =
        validator.validate(
            new JobRequest(
                "fine-tune", corpus, "base", "out", Map.of("schedule", "linear"), null, null));
    assertThat(fineTune.fineTuneOptions().schedule()).isEqualTo(LearningRateSchedule.LINEAR);

    for (String type : List.of("train", "fine-tune")) {
      assertThat(
              errors(
                  new JobRequest(
                      type, corpus, "base", "out", Map.of("schedule", "cosine"), null, null)))
          .as(type)
          .filteredOn(e -> e.field().equals("params.schedule"))
          .extracting(FieldProblem::message)
          .singleElement()
          .asString()
          .contains("linear or per-worker-sawtooth");
    }
  }

  @Test
  void phraseParametersAreTypedAndCheckedAndReachTheConfig() {
    JobSpec spec =
        validator.validate(
            new JobRequest(
                "train",
                corpus,
                null,
                "m",
                Map.of("phrases", 2, "phraseScoring", "npmi", "phraseMinCount", 3),
                null,
                null));
    assertThat(spec.trainingConfig().phrases()).isEqualTo(2);
    assertThat(spec.trainingConfig().phraseScoring()).isEqualTo(PhraseScoring.NPMI);
    assertThat(spec.trainingConfig().phraseThreshold()).isEqualTo(0.5);
    assertThat(spec.params())
        .containsEntry("phrases", 2)
        .containsEntry("phraseMinCount", 3)
        .containsEntry("phraseScoring", "npmi");

    assertThat(
            errors(
                new JobRequest(
                    "train",
                    corpus,
                    null,
                    "m",
                    Map.of("phrases", 9, "phraseScoring", "pmi", "phraseMinCount", 0),
                    null,
                    null)))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "params.phrases", "params.phraseScoring", "params.phraseMinCount");
    assertThat(
            errors(
                new JobRequest("train", corpus, null, "m", Map.of("phraseScoring", 3), null, null)))
        .extracting(FieldProblem::message)
        .containsExactly("must be a string, was 3");
    assertThat(
            errors(
                new JobRequest(
                    "train",
                    corpus,
                    null,
                    "m",
                    Map.of("phrases", 1, "phraseScoring", "npmi", "phraseThreshold", 2),
                    null,
                    null)))
        .extracting(FieldProblem::field)
        .containsExactly("params.phraseThreshold");
    assertThat(
            errors(
                new JobRequest(
                    "fine-tune", corpus, "base", "out", Map.of("phraseThreshold", 2), null, null)))
        .extracting(FieldProblem::message)
        .singleElement()
        .asString()
        .contains("need phrases");
  }

  /** The fields named by the 400 a train job with these parameters gets. */
  private List<String> badFields(Map<String, Object> params) {
    return errors(new JobRequest("train", corpus, null, "m", params, null, null)).stream()
        .map(FieldProblem::field)
        .toList();
  }

  @Test
  void subwordParametersOutOfRangeOrAtOddsAreNamedFieldProblems() {
    assertThat(badFields(Map.of("minn", 0, "maxn", 33, "bucket", 0)))
        .containsExactlyInAnyOrder("params.minn", "params.maxn", "params.bucket");
    assertThat(badFields(Map.of("minn", "three", "bucket", 2.5)))
        .containsExactlyInAnyOrder("params.minn", "params.bucket");
    assertThat(badFields(Map.of("bucket", 20_000_001))).containsExactly("params.bucket");
    assertThat(
            errors(
                new JobRequest(
                    "train", corpus, null, "m", Map.of("minn", 5, "maxn", 4), null, null)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("params.minn");
              assertThat(e.message()).contains("maxn=4").contains("5");
            });
    // maxn 0 turns n-grams off: minn and bucket then have nothing to apply to
    assertThat(badFields(Map.of("maxn", 0, "bucket", 1000))).containsExactly("params.bucket");
    assertThat(badFields(Map.of("maxn", 0, "minn", 3))).containsExactly("params.minn");
    // a matrix beyond one array, and one beyond the heap
    assertThat(
            errors(
                new JobRequest(
                    "train",
                    corpus,
                    null,
                    "m",
                    Map.of("bucket", 20_000_000, "dim", 300),
                    null,
                    null)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("params.bucket");
              assertThat(e.message()).contains("fewer buckets");
            });
    long heapFloats = Runtime.getRuntime().maxMemory() / Float.BYTES;
    int dim = 1000;
    long tooMany = heapFloats / dim;
    if (tooMany <= 20_000_000 && tooMany * dim < Integer.MAX_VALUE - 8) {
      assertThat(badFields(Map.of("bucket", (int) tooMany, "dim", dim)))
          .containsExactly("params.bucket");
    }
    // within range and consistent: accepted, with fastText's defaults for what is not given
    JobSpec spec =
        validator.validate(
            new JobRequest(
                "train", corpus, null, "m", Map.of("maxn", 4, "bucket", 1000), null, null));
    assertThat(spec.trainingConfig().ngrams())
        .isEqualTo(new io.wordvec.vocab.CharNgrams(3, 4, 1000));
    assertThat(spec.params()).containsEntry("minn", 3).containsEntry("maxn", 4);
  }

  @Test
  void fineTuneTakesTheBaseModelsNgramsAndRefusesSubwordParameters() {
    assertThat(
            errors(
                new JobRequest(
                    "fine-tune",
                    corpus,
                    "base",
                    "out",
                    Map.of("minn", 3, "bucket", 10),
                    null,
                    null)))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("params.minn", "params.bucket");
  }

  @Test
  void minAlphaAboveAlphaIsRejected() {
    assertThat(
            errors(
                new JobRequest(
                    "train",
                    corpus,
                    null,
                    "m",
                    Map.of("alpha", 0.01, "minAlpha", 0.1),
                    null,
                    null)))
        .extracting(FieldProblem::field)
        .containsExactly("params.minAlpha");
  }

  @Test
  void trainRejectsABaseModel() {
    assertThatThrownBy(
            () ->
                validator.validate(new JobRequest("train", corpus, "base", "m", null, null, null)))
        .isInstanceOf(JobsProblem.class)
        .hasMessageContaining("baseModel: applies to fine-tune jobs only");
  }

  @Test
  void combinationsAndCapsAreFieldProblemsNotFailures() {
    // minAlpha above CBOW's default alpha, a noise exponent and a sentence buffer beyond reason
    assertThat(
            errors(
                new JobRequest(
                    "train",
                    corpus,
                    null,
                    "m",
                    Map.of(
                        "sg",
                        false,
                        "minAlpha",
                        0.06,
                        "noiseExponent",
                        1e9,
                        "maxSentenceLength",
                        2_000_000_000),
                    null,
                    null)))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "params.minAlpha", "params.noiseExponent", "params.maxSentenceLength");
  }

  @Test
  void theEffectiveParametersUseTheApiNamesWithEveryDefault() {
    JobSpec spec =
        validator.validate(
            new JobRequest("train", corpus, null, "m", Map.of("dim", 8), null, null));
    assertThat(spec.params().keySet())
        .containsExactly(
            "sg",
            "dim",
            "window",
            "negative",
            "sample",
            "minCount",
            "maxVocab",
            "epochs",
            "alpha",
            "minAlpha",
            "threads",
            "seed",
            "noiseExponent",
            "maxSentenceLength",
            "maxWordBytes",
            "schedule",
            "kernel");
    assertThat(spec.params())
        .containsEntry("dim", 8)
        .containsEntry("sg", true)
        .containsEntry("kernel", "batched");
  }

  @Test
  void theKernelIsPairOrBatchedAndBatchedTrainsNoSubwords() {
    JobSpec spec =
        validator.validate(
            new JobRequest("train", corpus, null, "m", Map.of("kernel", "batched"), null, null));
    assertThat(spec.trainingConfig().kernel()).isEqualTo(Kernel.BATCHED);
    assertThat(spec.params()).containsEntry("kernel", "batched");

    assertThat(
            errors(
                new JobRequest("train", corpus, null, "m", Map.of("kernel", "fast"), null, null)))
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(tuple("params.kernel", "must be pair or batched, was 'fast'"));
    assertThat(
            errors(
                new JobRequest(
                    "train",
                    corpus,
                    null,
                    "m",
                    Map.of("kernel", "batched", "minn", 3),
                    null,
                    null)))
        .extracting(FieldProblem::message)
        .singleElement()
        .asString()
        .contains("batched kernel does not train subword models");
  }
}
