package io.wordvec.cli;

import io.wordvec.io.VectorFormat;
import io.wordvec.phrases.PhraseOptions;
import io.wordvec.train.Architecture;
import io.wordvec.train.Kernel;
import io.wordvec.train.LearningRateSchedule;
import io.wordvec.train.LocalTrainingEngine;
import io.wordvec.train.MethodDefaults;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingEngine;
import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingRequest;
import io.wordvec.vocab.CharNgrams;
import io.wordvec.vocab.Tokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wordvec train}: trains a model on a corpus file and saves it, printing a progress line
 * (percentage, words/s, ETA, loss) on standard error.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains word2vec vectors (skip-gram or CBOW, negative sampling) on a corpus file: "
            + "one sentence per line, whitespace-separated tokens (or raw text with --tokenizer"
            + " normalizing), plain or gzip.",
    defaultValueProvider = TrainingDefaults.Train.class,
    sortOptions = false)
public final class TrainCommand implements Callable<Integer> {

  private final Supplier<TrainingEngine> engines;
  private final TrainingListener listener;

  @Spec CommandSpec spec;

  /** Trains in this JVM ({@link LocalTrainingEngine}). */
  public TrainCommand() {
    this(LocalTrainingEngine::new, null);
  }

  /**
   * The same command on another engine: what launchers of other engines (the Spark artifact) reuse,
   * so that their options, defaults and checks are this command's.
   *
   * @param engines makes the engine once the options are parsed (it may read options of its own
   *     that the launcher added to this command)
   * @param listener also receives the training's progress (besides the progress line); null for
   *     none
   */
  public TrainCommand(Supplier<TrainingEngine> engines, TrainingListener listener) {
    this.engines = engines;
    this.listener = listener;
  }

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "FILE",
      description = "Corpus file, plain text or gzip.")
  Path corpus;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "PATH",
      description =
          "Where to save the model; the extension picks the format: .wvm (native, full model: "
              + "can be fine-tuned; the default), .bin (word2vec binary), .txt or .vec (text).")
  Path output;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format, overriding the extension: wvm, bin, txt or vec.")
  String format;

  @ArgGroup(exclusive = true)
  ArchitectureChoice architecture = new ArchitectureChoice();

  static final class ArchitectureChoice {
    @Option(names = "--sg", description = "Skip-gram (the default).")
    boolean skipGram;

    @Option(names = "--cbow", description = "CBOW, mean of the context vectors.")
    boolean cbow;
  }

  @Option(names = "--dim", description = "Vector size (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--window", description = "Maximum context distance (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--negative",
      description = "Noise words per example (default: ${DEFAULT-VALUE}).")
  int negative;

  @Option(
      names = "--sample",
      description = "Frequent-word subsampling threshold, 0 = off (default: ${DEFAULT-VALUE}).")
  double sample;

  @Option(
      names = "--min-count",
      description = "Drop words seen fewer times (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(
      names = "--max-vocab",
      description =
          "Keep at most this many most frequent words, 0 = no limit (default: ${DEFAULT-VALUE}).")
  int maxVocab;

  @Option(
      names = "--alpha",
      description =
          "Initial learning rate (default: "
              + MethodDefaults.SKIP_GRAM_ALPHA
              + " for skip-gram, "
              + MethodDefaults.CBOW_ALPHA
              + " for CBOW).")
  Double alpha;

  @Option(
      names = "--min-alpha",
      description =
          "Final learning rate (default: alpha/10 for skip-gram, alpha/5 for CBOW, or 0.0001"
              + " for a subword model or the per-worker-sawtooth schedule).")
  Double minAlpha;

  @Option(names = "--epochs", description = "Passes (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--schedule",
      paramLabel = "SCHEDULE",
      description =
          "How the learning rate falls from --alpha to --min-alpha: linear (word2vec.c's, over the"
              + " words of all threads and epochs) or per-worker-sawtooth (gensim's corpus_file"
              + " mode: within an epoch alpha falls only 1/threads of the way, then jumps back)."
              + " A word model's linear schedule ends at alpha/10 (skip-gram) or alpha/5 (CBOW) unless"
              + " --min-alpha says otherwise"
              + " (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(names = "--threads", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--noise-exponent",
      description =
          "Exponent of the unigram noise distribution (default: "
              + MethodDefaults.NOISE_EXPONENT
              + ", word2vec's; "
              + MethodDefaults.SUBWORD_NOISE_EXPONENT
              + ", fastText's, for subword models).")
  Double noiseExponent;

  @Option(
      names = "--max-word-bytes",
      description =
          "Longer tokens are cut to this many UTF-8 bytes, as word2vec.c does (default:"
              + " ${DEFAULT-VALUE}).")
  int maxWordBytes;

  @Option(
      names = "--minn",
      paramLabel = "N",
      description =
          "Subwords (fastText's character n-grams): the shortest n-gram. Giving --minn, --maxn or"
              + " --bucket turns subwords on, with 3, 6 and 2000000 for the ones not given;"
              + " words the model never saw then get vectors from their n-grams.")
  Integer minn;

  @Option(
      names = "--maxn",
      paramLabel = "N",
      description = "Subwords: the longest n-gram (0 turns subwords off).")
  Integer maxn;

  @Option(
      names = "--bucket",
      paramLabel = "N",
      description = "Subwords: n-gram hash buckets, the rows of the n-gram matrix.")
  Integer bucket;

  @Option(
      names = "--phrases",
      paramLabel = "PASSES",
      description =
          "Phrase detection before training (word2phrase, gensim's Phrases): PASSES passes, 1 to"
              + " 4; 1 joins pairs such as new_york, 2 also longer phrases (default: none).")
  Integer phrases;

  @Mixin PhraseCommandOptions phraseSettings = new PhraseCommandOptions();

  @Option(
      names = "--kernel",
      paramLabel = "KERNEL",
      description =
          "The update of one window: pair (word2vec.c's: each example draws its own noise words)"
              + " or batched (HogBatch: a skip-gram centre word's context words share one set of"
              + " noise words and update as small matrix products; CBOW centre words train one"
              + " after another against noise words shared by "
              + Kernel.CBOW_BATCH
              + " of them; not for subword models) (default: batched, pair for subword"
              + " models).")
  String kernel;

  @Option(
      names = "--tokenizer",
      defaultValue = "whitespace",
      description =
          "whitespace (pre-tokenised corpus) or normalizing (raw text: lowercase, split on"
              + " non-letters) (default: ${DEFAULT-VALUE}).")
  String tokenizer;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TrainingConfig config;
    Tokenizer tok;
    VectorFormat outputFormat;
    try {
      config = config();
      tok = tokenizer(tokenizer);
      outputFormat = outputFormat();
    } catch (IllegalArgumentException e) {
      err.println("wordvec train: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    TrainingEngine engine;
    try {
      engine = engines.get();
    } catch (IllegalArgumentException e) {
      err.println("wordvec train: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return TrainingSession.run(
        spec,
        "train",
        quiet,
        output,
        outputFormat,
        engine,
        (trainer, progress, cancellation) -> {
          long start = System.nanoTime();
          TrainedModel model =
              trainer.train(
                  new TrainingRequest(
                      corpus, config, tok, TrainingSession.both(progress, listener), cancellation));
          double seconds = (System.nanoTime() - start) / 1e9;
          return new TrainingSession.Outcome(
              model,
              String.format(
                  Locale.ROOT,
                  "trained %d words x %d dims on %,d tokens in %.1f s (%,.0f words/s)%s",
                  model.vocabulary().size(),
                  model.dimension(),
                  model.corpus().tokens(),
                  seconds,
                  model.corpus().tokens() * (double) config.epochs() / seconds,
                  truncatedNote(model.corpus().truncatedTokens(), config.maxWordBytes())));
        });
  }

  /** Says how many tokens were cut, when any were. */
  static String truncatedNote(long truncated, int maxWordBytes) {
    return truncated == 0
        ? ""
        : String.format(
            Locale.ROOT, "; %,d tokens longer than %d bytes were cut", truncated, maxWordBytes);
  }

  /**
   * The config of the options; an unset alpha follows the architecture, an unset minAlpha the
   * engine's default, and a set minAlpha is capped at alpha.
   *
   * @throws IllegalArgumentException naming the first bad option value
   */
  TrainingConfig config() {
    Architecture arch = architecture.cbow ? Architecture.CBOW : Architecture.SKIP_GRAM;
    double a = alpha != null ? alpha : MethodDefaults.alpha(arch);
    TrainingConfig.Builder builder =
        TrainingConfig.builder()
            .architecture(arch)
            .dimension(dimension)
            .window(window)
            .negative(negative)
            .sample(sample)
            .minCount(minCount)
            .maxVocab(maxVocab)
            .alpha(a)
            .epochs(epochs)
            .schedule(schedule(schedule))
            .seed(seed)
            .maxWordBytes(maxWordBytes);
    if (minAlpha != null) {
      builder.minAlpha(Math.min(minAlpha, a));
    }
    if (noiseExponent != null) {
      builder.noiseExponent(noiseExponent);
    }
    if (threads != null) {
      builder.threads(threads);
    }
    try {
      builder.subwords(CharNgrams.fromOptions(minn, maxn, bucket));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--minn, --maxn, --bucket: " + e.getMessage(), e);
    }
    PhraseOptions phraseOptions = phraseSettings.toOptions(phrases);
    if (phraseOptions != null) {
      builder
          .phrases(phraseOptions.passes())
          .phraseMinCount(phraseOptions.minCount())
          .phraseThreshold(phraseOptions.threshold())
          .phraseScoring(phraseOptions.scoring());
    }
    if (kernel != null) {
      builder.kernel(Kernel.of(kernel));
    }
    return builder.build();
  }

  /**
   * The schedule named by {@code --schedule}.
   *
   * @throws IllegalArgumentException listing the allowed names
   */
  static LearningRateSchedule schedule(String name) {
    try {
      return LearningRateSchedule.of(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--schedule: " + e.getMessage(), e);
    }
  }

  static Tokenizer tokenizer(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "whitespace" -> Tokenizer.whitespace();
      case "normalizing", "normalising" -> Tokenizer.normalizing();
      default ->
          throw new IllegalArgumentException(
              "unknown tokenizer '" + name + "': use whitespace or normalizing");
    };
  }

  private VectorFormat outputFormat() {
    if (format != null) {
      for (VectorFormat f : VectorFormat.values()) {
        if (f.extension().equalsIgnoreCase(format) || f.name().equalsIgnoreCase(format)) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "unknown format '" + format + "': use wvm, bin, txt or vec");
    }
    return VectorFormat.fromExtension(output).orElse(VectorFormat.NATIVE);
  }
}
