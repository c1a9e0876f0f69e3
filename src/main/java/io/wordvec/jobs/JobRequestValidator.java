package io.wordvec.jobs;

import io.wordvec.corpora.CorpusStore;
import io.wordvec.jobs.JobsProblem.FieldProblem;
import io.wordvec.models.ModelStore;
import io.wordvec.train.Architecture;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.TrainingConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link JobRequest} completely before anything runs, collecting every bad field (a client
 * fixes them all at once), and turns it into a {@link JobSpec} with the defaults filled in.
 */
@Component
class JobRequestValidator {

  private static final Set<String> TRAIN_PARAMS =
      Set.of(
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
          "seed");
  private static final Set<String> FINE_TUNE_PARAMS =
      Set.of("epochs", "alpha", "minAlpha", "minCount", "lockFactor", "threads", "seed");

  private final CorpusStore corpora;
  private final ModelCatalog models;
  private final JobsProperties properties;

  JobRequestValidator(CorpusStore corpora, ModelCatalog models, JobsProperties properties) {
    this.corpora = corpora;
    this.models = models;
    this.properties = properties;
  }

  /**
   * @throws JobsProblem 400 listing every bad field
   */
  JobSpec validate(JobRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    if (request == null) {
      throw JobsProblem.invalidJob(List.of(new FieldProblem("body", "a JSON object is required")));
    }
    JobType type = null;
    if (request.type() == null) {
      errors.add(new FieldProblem("type", "is required: train or fine-tune"));
    } else {
      type = JobType.fromApiName(request.type());
      if (type == null) {
        errors.add(
            new FieldProblem(
                "type", "must be train or fine-tune, was '" + shorten(request.type()) + "'"));
      }
    }
    if (request.corpus() == null || request.corpus().isBlank()) {
      errors.add(new FieldProblem("corpus", "is required: the id of an uploaded corpus"));
    } else if (!corpora.exists(request.corpus())) {
      errors.add(new FieldProblem("corpus", "no corpus '" + shorten(request.corpus()) + "'"));
    }
    checkModelName("outputModel", request.outputModel(), errors);
    String baseModel = request.baseModel();
    if (type == JobType.FINE_TUNE) {
      if ("default".equals(baseModel)) {
        baseModel = models.defaultName().orElse(null);
        if (baseModel == null) {
          errors.add(new FieldProblem("baseModel", "there is no default model"));
        }
      } else if (!checkModelName("baseModel", baseModel, errors)) {
        baseModel = null;
      } else if (!models.exists(baseModel)) {
        errors.add(new FieldProblem("baseModel", "no model '" + baseModel + "'"));
        baseModel = null;
      }
      if (baseModel != null && !models.canFineTune(baseModel)) {
        errors.add(
            new FieldProblem(
                "baseModel",
                "model '"
                    + baseModel
                    + "' holds word vectors only (read from a word2vec or fastText file);"
                    + " fine-tuning needs a model trained by this service (native .wvm format)"));
      }
    } else if (type == JobType.TRAIN && request.baseModel() != null) {
      errors.add(new FieldProblem("baseModel", "applies to fine-tune jobs only"));
    }

    Map<String, Object> params = request.params() == null ? Map.of() : request.params();
    Params p = new Params(params, errors);
    JobSpec spec = null;
    if (type == JobType.TRAIN) {
      spec = trainSpec(request, p, errors);
    } else if (type == JobType.FINE_TUNE) {
      spec = fineTuneSpec(request, baseModel, p, errors);
    }
    if (!errors.isEmpty()) {
      throw JobsProblem.invalidJob(errors);
    }
    return spec;
  }

  private JobSpec trainSpec(JobRequest request, Params p, List<FieldProblem> errors) {
    p.rejectUnknown(TRAIN_PARAMS, "train");
    TrainingConfig.Builder b =
        TrainingConfig.builder().threads(properties.effectiveDefaultThreads());
    Architecture architecture =
        Boolean.FALSE.equals(p.bool("sg")) ? Architecture.CBOW : Architecture.SKIP_GRAM;
    b.architecture(architecture);
    double alpha = TrainingConfig.defaultAlpha(architecture);
    Long v;
    if ((v = p.integer("dim", 1, 10_000)) != null) {
      b.dimension(v.intValue());
    }
    if ((v = p.integer("window", 1, 100)) != null) {
      b.window(v.intValue());
    }
    if ((v = p.integer("negative", 1, 100)) != null) {
      b.negative(v.intValue());
    }
    Double d;
    if ((d = p.decimal("sample", 0, 1, true)) != null) {
      b.sample(d);
    }
    if ((v = p.integer("minCount", 1, Integer.MAX_VALUE)) != null) {
      b.minCount(v.intValue());
    }
    if ((v = p.integer("maxVocab", 0, Integer.MAX_VALUE)) != null) {
      b.maxVocab(v.intValue());
    }
    if ((v = p.integer("epochs", 1, 1000)) != null) {
      b.epochs(v.intValue());
    }
    if ((d = p.decimal("alpha", 0, 1, false)) != null) {
      alpha = d;
    }
    b.alpha(alpha);
    Double minAlpha = p.decimal("minAlpha", 0, 1, true);
    if (minAlpha != null) {
      if (minAlpha > alpha) {
        p.error("minAlpha", "must not exceed alpha=" + alpha + ", was " + minAlpha);
      } else {
        b.minAlpha(minAlpha);
      }
    }
    if ((v = p.integer("threads", 1, properties.effectiveMaxThreads())) != null) {
      b.threads(v.intValue());
    }
    if ((v = p.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE)) != null) {
      b.seed(v);
    }
    if (!errors.isEmpty()) {
      return null;
    }
    TrainingConfig c;
    try {
      c = b.build();
    } catch (IllegalArgumentException e) {
      errors.add(new FieldProblem("params", e.getMessage()));
      return null;
    }
    Map<String, Object> effective = new LinkedHashMap<>();
    effective.put("sg", c.architecture() == Architecture.SKIP_GRAM);
    effective.put("dim", c.dimension());
    effective.put("window", c.window());
    effective.put("negative", c.negative());
    effective.put("sample", c.sample());
    effective.put("minCount", c.minCount());
    effective.put("maxVocab", c.maxVocab());
    effective.put("epochs", c.epochs());
    effective.put("alpha", c.alpha());
    effective.put("minAlpha", c.minAlpha());
    effective.put("threads", c.threads());
    effective.put("seed", c.seed());
    return new JobSpec(
        JobType.TRAIN,
        request.corpus(),
        null,
        request.outputModel(),
        Boolean.TRUE.equals(request.activate()),
        Boolean.TRUE.equals(request.overwrite()),
        c,
        null,
        effective);
  }

  private JobSpec fineTuneSpec(
      JobRequest request, String baseModel, Params p, List<FieldProblem> errors) {
    p.rejectUnknown(FINE_TUNE_PARAMS, "fine-tune");
    FineTuneOptions d = FineTuneOptions.defaults();
    int epochs = d.epochs();
    double alpha = d.alpha();
    double minAlpha = d.minAlpha();
    int minCount = d.minCount();
    double lockFactor = d.lockFactor();
    int threads = properties.effectiveDefaultThreads();
    long seed = d.seed();
    Long v;
    Double x;
    if ((v = p.integer("epochs", 1, 1000)) != null) {
      epochs = v.intValue();
    }
    if ((x = p.decimal("alpha", 0, 1, false)) != null) {
      alpha = x;
    }
    if ((x = p.decimal("minAlpha", 0, 1, true)) != null) {
      if (x > alpha) {
        p.error("minAlpha", "must not exceed alpha=" + alpha + ", was " + x);
      }
      minAlpha = x;
    } else {
      minAlpha = Math.min(minAlpha, alpha);
    }
    if ((v = p.integer("minCount", 1, Integer.MAX_VALUE)) != null) {
      minCount = v.intValue();
    }
    if ((x = p.decimal("lockFactor", 0, 1, true)) != null) {
      lockFactor = x;
    }
    if ((v = p.integer("threads", 1, properties.effectiveMaxThreads())) != null) {
      threads = v.intValue();
    }
    if ((v = p.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE)) != null) {
      seed = v;
    }
    if (!errors.isEmpty()) {
      return null;
    }
    FineTuneOptions options =
        new FineTuneOptions(epochs, alpha, minAlpha, minCount, lockFactor, threads, seed);
    Map<String, Object> effective = new LinkedHashMap<>();
    effective.put("epochs", epochs);
    effective.put("alpha", alpha);
    effective.put("minAlpha", minAlpha);
    effective.put("minCount", minCount);
    effective.put("lockFactor", lockFactor);
    effective.put("threads", threads);
    effective.put("seed", seed);
    return new JobSpec(
        JobType.FINE_TUNE,
        request.corpus(),
        baseModel,
        request.outputModel(),
        Boolean.TRUE.equals(request.activate()),
        Boolean.TRUE.equals(request.overwrite()),
        null,
        options,
        effective);
  }

  private static boolean checkModelName(String field, String name, List<FieldProblem> errors) {
    if (name == null || name.isEmpty()) {
      errors.add(new FieldProblem(field, "is required"));
      return false;
    }
    if ("default".equals(name)) {
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

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  /** Typed access to the params object, recording a problem for each bad value. */
  private static final class Params {
    private final Map<String, Object> values;
    private final List<FieldProblem> errors;

    Params(Map<String, Object> values, List<FieldProblem> errors) {
      this.values = values;
      this.errors = errors;
    }

    void error(String name, String message) {
      errors.add(new FieldProblem("params." + name, message));
    }

    void rejectUnknown(Set<String> known, String type) {
      for (String name : values.keySet()) {
        if (!known.contains(name)) {
          error(
              name,
              "is not a parameter of "
                  + type
                  + " jobs (known: "
                  + String.join(", ", known.stream().sorted().toList())
                  + ")");
        }
      }
    }

    Boolean bool(String name) {
      Object v = values.get(name);
      if (v == null) {
        return null;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      if (v instanceof Number n
          && (n.longValue() == 0 || n.longValue() == 1)
          && n.doubleValue() == n.longValue()) {
        return n.longValue() == 1;
      }
      error(name, "must be true/false (or 1/0), was " + describe(v));
      return null;
    }

    Long integer(String name, long min, long max) {
      Object v = values.get(name);
      if (v == null) {
        return null;
      }
      Long value = null;
      if (v instanceof Integer || v instanceof Long || v instanceof Short) {
        value = ((Number) v).longValue();
      } else if (v instanceof BigInteger big && big.bitLength() < 64) {
        value = big.longValue();
      } else if (v instanceof Number n
          && Double.isFinite(n.doubleValue())
          && n.doubleValue() == Math.rint(n.doubleValue())
          && Math.abs(n.doubleValue()) < 9e15) {
        value = (long) n.doubleValue();
      }
      if (value == null || value < min || value > max) {
        error(name, "must be an integer " + range(min, max) + ", was " + describe(v));
        return null;
      }
      return value;
    }

    Double decimal(String name, double min, double max, boolean minInclusive) {
      Object v = values.get(name);
      if (v == null) {
        return null;
      }
      Double value = null;
      if (v instanceof BigDecimal bd) {
        value = bd.doubleValue();
      } else if (v instanceof Number n) {
        value = n.doubleValue();
      }
      if (value == null
          || !Double.isFinite(value)
          || (minInclusive ? value < min : value <= min)
          || value > max) {
        error(
            name,
            "must be a number in "
                + (minInclusive ? "[" : "(")
                + fmt(min)
                + ", "
                + fmt(max)
                + "], was "
                + describe(v));
        return null;
      }
      return value;
    }

    private static String range(long min, long max) {
      if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
        return "(64-bit)";
      }
      if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
        return ">= " + min;
      }
      return "between " + min + " and " + max;
    }

    private static String fmt(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(Object v) {
      if (v instanceof String s) {
        return "'" + shorten(s) + "'";
      }
      if (v instanceof Map || v instanceof List) {
        return "a JSON " + (v instanceof Map ? "object" : "array");
      }
      return String.valueOf(v);
    }
  }
}
