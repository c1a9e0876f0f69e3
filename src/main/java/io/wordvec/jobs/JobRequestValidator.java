package io.wordvec.jobs;

import io.wordvec.corpora.CorpusStore;
import io.wordvec.index.HnswParameters;
import io.wordvec.jobs.JobsProblem.FieldProblem;
import io.wordvec.models.IndexProperties;
import io.wordvec.models.ModelStore;
import io.wordvec.models.TrainParams;
import io.wordvec.system.validation.IntRangeValidator;
import io.wordvec.train.Architecture;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.MethodDefaults;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.CharNgrams;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link JobRequest} completely before anything runs, collecting every bad field (a client
 * fixes them all at once), and turns it into a {@link JobSpec} with the defaults filled in. The
 * parameters are typed records ({@link TrainParams}, {@link FineTuneParams}) validated with Bean
 * Validation; only the checks that depend on configuration or on other fields are written here.
 */
@Component
class JobRequestValidator {

  private final CorpusStore corpora;
  private final ModelCatalog models;
  private final JobsProperties properties;
  private final IndexProperties index;
  private final ParamsBinder binder;
  private final SparkProperties spark;

  /**
   * A validator whose index jobs take the engine's default graph settings, without Spark (for
   * tests).
   */
  JobRequestValidator(
      CorpusStore corpora, ModelCatalog models, JobsProperties properties, Validator validator) {
    this(corpora, models, properties, SparkProperties.disabled(), validator);
  }

  /** A validator whose index jobs take the engine's default graph settings (for tests). */
  JobRequestValidator(
      CorpusStore corpora,
      ModelCatalog models,
      JobsProperties properties,
      SparkProperties spark,
      Validator validator) {
    this(corpora, models, properties, IndexProperties.defaults(), spark, validator);
  }

  @org.springframework.beans.factory.annotation.Autowired
  JobRequestValidator(
      CorpusStore corpora,
      ModelCatalog models,
      JobsProperties properties,
      IndexProperties index,
      SparkProperties spark,
      Validator validator) {
    this.corpora = corpora;
    this.models = models;
    this.properties = properties;
    this.index = index;
    this.spark = spark;
    this.binder = new ParamsBinder(validator);
  }

  /**
   * @throws JobsProblem 400 listing every bad field
   */
  JobSpec validate(JobRequest request) {
    if (request == null) {
      throw JobsProblem.invalidJob(List.of(new FieldProblem("body", "a JSON object is required")));
    }
    List<FieldProblem> errors = new ArrayList<>();
    JobType type = type(request.type(), errors);
    JobEngine engine = EngineChecks.engine(request, type, spark, errors);
    if (type == JobType.INDEX) {
      JobSpec spec = indexSpec(request, errors);
      if (!errors.isEmpty()) {
        throw JobsProblem.invalidJob(errors);
      }
      return spec;
    }
    if (request.corpus() == null || request.corpus().isBlank()) {
      errors.add(new FieldProblem("corpus", "is required: the id of an uploaded corpus"));
    } else if (!corpora.exists(request.corpus())) {
      errors.add(new FieldProblem("corpus", "no corpus '" + shorten(request.corpus()) + "'"));
    }
    checkModelName("outputModel", request.outputModel(), errors);
    String baseModel = null;
    if (type == JobType.FINE_TUNE) {
      baseModel = baseModel(request.baseModel(), errors);
    } else if (type == JobType.TRAIN && request.baseModel() != null) {
      errors.add(new FieldProblem("baseModel", "applies to fine-tune jobs only"));
    }
    Map<String, Object> params = request.params() == null ? Map.of() : request.params();
    JobSpec spec = null;
    if (type == JobType.TRAIN) {
      spec = trainSpec(request, params, errors);
      if (spec != null && engine == JobEngine.SPARK) {
        spec = EngineChecks.sparkSpec(spec, request, errors);
      }
    } else if (type == JobType.FINE_TUNE) {
      spec = fineTuneSpec(request, baseModel, params, errors);
    }
    if (!errors.isEmpty()) {
      throw JobsProblem.invalidJob(errors);
    }
    return spec;
  }

  private static JobType type(String name, List<FieldProblem> errors) {
    if (name == null) {
      errors.add(new FieldProblem("type", "is required: train, fine-tune or index"));
      return null;
    }
    JobType type = JobType.fromApiName(name);
    if (type == null) {
      errors.add(
          new FieldProblem(
              "type", "must be train, fine-tune or index, was '" + shorten(name) + "'"));
    }
    return type;
  }

  /** The parameters an index job accepts, each an integer. */
  private static final List<String> INDEX_PARAMS = List.of("degree", "beamWidth", "threads");

  /**
   * An index job: the served model named by {@code baseModel} ({@code default} allowed), no corpus
   * and no output model (the index is written beside the model), and the graph's degree, beam width
   * and threads (the service's settings, and its default threads, when absent).
   */
  private JobSpec indexSpec(JobRequest request, List<FieldProblem> errors) {
    if (request.corpus() != null) {
      errors.add(new FieldProblem("corpus", "does not apply to index jobs"));
    }
    if (request.outputModel() != null) {
      errors.add(
          new FieldProblem(
              "outputModel",
              "does not apply to index jobs: the index is written beside its model"));
    }
    String model = indexedModel(request.baseModel(), errors);
    Map<String, Object> values = request.params() == null ? Map.of() : request.params();
    Map<String, Integer> ints = new java.util.LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (!INDEX_PARAMS.contains(key)) {
            errors.add(
                new FieldProblem(
                    "params." + key, "is not an index parameter (" + INDEX_PARAMS + ")"));
          } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            ints.put(key, ((Number) value).intValue());
          } else {
            errors.add(new FieldProblem("params." + key, "must be an integer"));
          }
        });
    int threads = ints.getOrDefault("threads", properties.effectiveDefaultThreads());
    checkThreads(threads, errors);
    HnswParameters parameters = null;
    try {
      HnswParameters defaults = index.parameters(threads);
      parameters =
          new HnswParameters(
              ints.getOrDefault("degree", defaults.degree()),
              ints.getOrDefault("beamWidth", defaults.beamWidth()),
              defaults.alpha(),
              defaults.overflow(),
              threads);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldProblem("params", e.getMessage()));
    }
    if (!errors.isEmpty()) {
      return null;
    }
    Map<String, Object> shown = new java.util.LinkedHashMap<>();
    shown.put("degree", parameters.degree());
    shown.put("beamWidth", parameters.beamWidth());
    shown.put("threads", parameters.threads());
    return new JobSpec(
        JobType.INDEX, null, model, model, false, true, null, null, Map.copyOf(shown), parameters);
  }

  /** The real name of the served model to index, or null (with a problem) when there is none. */
  private String indexedModel(String requested, List<FieldProblem> errors) {
    String name = requested == null ? ModelStore.DEFAULT : requested;
    if (ModelStore.DEFAULT.equals(name)) {
      name = models.defaultName().orElse(null);
      if (name == null) {
        errors.add(new FieldProblem("baseModel", "there is no default model"));
      }
      return name;
    }
    if (!checkModelName("baseModel", name, errors)) {
      return null;
    }
    if (!models.isServed(name)) {
      errors.add(new FieldProblem("baseModel", "no model '" + name + "' is served"));
      return null;
    }
    return name;
  }

  /** The real name of the model to fine-tune, or null (with a problem) when it cannot be. */
  private String baseModel(String requested, List<FieldProblem> errors) {
    String name = requested;
    if (ModelStore.DEFAULT.equals(name)) {
      name = models.defaultName().orElse(null);
      if (name == null) {
        errors.add(new FieldProblem("baseModel", "there is no default model"));
        return null;
      }
    } else if (!checkModelName("baseModel", name, errors)) {
      return null;
    } else if (!models.exists(name)) {
      errors.add(new FieldProblem("baseModel", "no model '" + name + "'"));
      return null;
    }
    if (!models.canFineTune(name)) {
      errors.add(
          new FieldProblem(
              "baseModel",
              "model '"
                  + name
                  + "' holds word vectors only (read from a word2vec or fastText file);"
                  + " fine-tuning needs a model trained by this service (native .wvm format)"));
    }
    return name;
  }

  private JobSpec trainSpec(
      JobRequest request, Map<String, Object> values, List<FieldProblem> errors) {
    TrainParams params = binder.bind(values, TrainParams.class, "train", errors);
    checkThreads(params.threads(), errors);
    Architecture architecture =
        Boolean.FALSE.equals(params.sg()) ? Architecture.CBOW : Architecture.SKIP_GRAM;
    checkAlphas(params.alpha(), MethodDefaults.alpha(architecture), params.minAlpha(), errors);
    checkSubwords(params, errors);
    if ("npmi".equals(params.phraseScoring())
        && params.phraseThreshold() != null
        && !(params.phraseThreshold() >= -1 && params.phraseThreshold() <= 1)) {
      errors.add(
          ParamsBinder.problem(
              "phraseThreshold",
              "must be between -1 and 1 with npmi scoring (its scores' range), was "
                  + params.phraseThreshold()));
    }
    if (!errors.isEmpty()) {
      return null;
    }
    TrainingConfig config;
    try {
      config = params.toConfig(properties.effectiveDefaultThreads());
    } catch (IllegalArgumentException e) {
      // every single value was checked above: what is left is a combination the engine refuses
      errors.add(new FieldProblem("params", e.getMessage()));
      return null;
    }
    return new JobSpec(
        JobType.TRAIN,
        request.corpus(),
        null,
        request.outputModel(),
        Boolean.TRUE.equals(request.activate()),
        Boolean.TRUE.equals(request.overwrite()),
        config,
        null,
        ParamsBinder.toMap(TrainParams.of(config)),
        null);
  }

  private JobSpec fineTuneSpec(
      JobRequest request, String baseModel, Map<String, Object> values, List<FieldProblem> errors) {
    FineTuneParams params = binder.bind(values, FineTuneParams.class, "fine-tune", errors);
    checkThreads(params.threads(), errors);
    checkAlphas(params.alpha(), FineTuneOptions.DEFAULT_ALPHA, params.minAlpha(), errors);
    if (!errors.isEmpty()) {
      return null;
    }
    FineTuneOptions options;
    try {
      options = params.toOptions(properties.effectiveDefaultThreads());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldProblem("params", e.getMessage()));
      return null;
    }
    return new JobSpec(
        JobType.FINE_TUNE,
        request.corpus(),
        baseModel,
        request.outputModel(),
        Boolean.TRUE.equals(request.activate()),
        Boolean.TRUE.equals(request.overwrite()),
        null,
        options,
        ParamsBinder.toMap(FineTuneParams.of(options)),
        null);
  }

  /** The configured most threads a job may ask for. */
  private void checkThreads(Integer threads, List<FieldProblem> errors) {
    int max = properties.effectiveMaxThreads();
    if (threads != null && threads > max) {
      errors.add(
          ParamsBinder.problem(
              "threads",
              IntRangeValidator.requirement(TrainingConfig.MIN_THREADS, max)
                  + " (the configured limit), was "
                  + threads));
    }
  }

  /**
   * The subword settings together (each alone was range-checked by its annotation): minn at most
   * maxn, no minn or bucket when maxn 0 turns n-grams off, and an n-gram matrix (bucket x dim
   * floats, which training holds in the heap) of at most half the heap, so that a job fails here
   * rather than running the server out of memory.
   */
  private static void checkSubwords(TrainParams params, List<FieldProblem> errors) {
    if (errors.stream().anyMatch(e -> e.field().matches("params\\.(minn|maxn|bucket)"))) {
      return; // a value out of range or of the wrong type is reported once, as such
    }
    Integer minn = params.minn();
    Integer maxn = params.maxn();
    Integer bucket = params.bucket();
    if (maxn != null && maxn == 0) {
      if (minn != null) {
        errors.add(
            ParamsBinder.problem(
                "minn", "applies only with n-grams, and maxn=0 turns them off; was " + minn));
      }
      if (bucket != null) {
        errors.add(
            ParamsBinder.problem(
                "bucket",
                "applies only with n-grams, and maxn=0 turns them off (no n-grams, no buckets);"
                    + " was "
                    + bucket));
      }
      return;
    }
    if (minn != null && maxn != null && minn > maxn) {
      errors.add(
          ParamsBinder.problem(
              "minn", "must not exceed maxn=" + maxn + " (the longest n-gram), was " + minn));
    }
    CharNgrams ngrams;
    try {
      ngrams = CharNgrams.fromOptions(minn, maxn, bucket);
    } catch (IllegalArgumentException e) {
      return; // reported above, field by field
    }
    if (ngrams == null || errors.stream().anyMatch(e -> e.field().equals("params.dim"))) {
      return;
    }
    int dim = params.dim() != null ? params.dim() : TrainingConfig.builder().build().dimension();
    long cells = (long) ngrams.bucket() * dim;
    if (cells > Integer.MAX_VALUE - 8) {
      errors.add(
          ParamsBinder.problem(
              "bucket",
              ngrams.bucket()
                  + " buckets x "
                  + dim
                  + " dimensions is more than one matrix holds ("
                  + (Integer.MAX_VALUE - 8)
                  + " floats): use fewer buckets or a lower dim"));
      return;
    }
    long bytes = Float.BYTES * cells;
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > heap / 2) {
      errors.add(
          ParamsBinder.problem(
              "bucket",
              String.format(
                  java.util.Locale.ROOT,
                  "%d buckets x %d dimensions need about %.1f GB for the n-gram rows, more than"
                      + " half the server's heap (%.1f GB): use fewer buckets",
                  ngrams.bucket(),
                  dim,
                  bytes / 1e9,
                  heap / 1e9)));
    }
  }

  /**
   * minAlpha may not exceed alpha (given, or its default); an absent minAlpha follows a low alpha
   * down instead.
   */
  private static void checkAlphas(
      Double alpha, double defaultAlpha, Double minAlpha, List<FieldProblem> errors) {
    double effective = alpha != null ? alpha : defaultAlpha;
    if (minAlpha != null && minAlpha > effective) {
      errors.add(
          ParamsBinder.problem(
              "minAlpha", "must not exceed alpha=" + effective + ", was " + minAlpha));
    }
  }

  private static boolean checkModelName(String field, String name, List<FieldProblem> errors) {
    if (name == null || name.isEmpty()) {
      errors.add(new FieldProblem(field, "is required"));
      return false;
    }
    if (ModelStore.DEFAULT.equals(name)) {
      errors.add(
          new FieldProblem(field, "'default' stands for the default model; use a real name"));
      return false;
    }
    if (!ModelStore.isValidName(name)) {
      errors.add(
          new FieldProblem(
              field, "must be " + ModelStore.NAME_RULE + ", was '" + shorten(name) + "'"));
      return false;
    }
    return true;
  }

  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
