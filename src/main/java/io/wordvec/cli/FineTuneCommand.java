package io.wordvec.cli;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.FineTuneRequest;
import io.wordvec.train.TrainedModel;
import io.wordvec.vocab.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wordvec fine-tune}: continues training a native ({@code .wvm}) model on a new corpus,
 * adding the corpus' new frequent words, and saves the result.
 */
@Command(
    name = "fine-tune",
    mixinStandardHelpOptions = true,
    description =
        "Continues training a full model (.wvm, as saved by train) on a new corpus, adding its new "
            + "words that reach --min-count. Architecture, dimension, window, negative and sample come"
            + " from the model.",
    defaultValueProvider = TrainingDefaults.FineTune.class,
    sortOptions = false)
public final class FineTuneCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "Base model, native format (.wvm) with its training state.")
  Path model;

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "FILE",
      description = "New corpus, plain text or gzip.")
  Path corpus;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "PATH",
      description = "Where to save the result; the extension picks the format (default .wvm).")
  Path output;

  @Option(
      names = "--epochs",
      description = "Passes over the new corpus (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--alpha", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--min-alpha", description = "Final learning rate (default: ${DEFAULT-VALUE}).")
  double minAlpha;

  @Option(
      names = "--schedule",
      paramLabel = "SCHEDULE",
      description =
          "How the learning rate falls: linear or per-worker-sawtooth, as on train (default: as"
              + " the base model was trained).")
  String schedule;

  @Option(
      names = "--min-count",
      description = "New words need this many occurrences (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(
      names = "--lock-factor",
      description =
          "Scale of updates to the existing word vectors: 0 frozen, 1 free (default:"
              + " ${DEFAULT-VALUE}).")
  double lockFactor;

  @Option(names = "--threads", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--tokenizer",
      defaultValue = "whitespace",
      description = "whitespace or normalizing (default: ${DEFAULT-VALUE}).")
  String tokenizer;

  @Option(
      names = "--phrases",
      paramLabel = "PASSES",
      description =
          "Phrase detection on the new corpus (word2phrase, gensim's Phrases): PASSES passes, 1 to"
              + " 4; 1 joins pairs such as new_york, 2 also longer phrases (default: none, or as the base model was trained).")
  Integer phrases;

  @Mixin PhraseCommandOptions phraseSettings = new PhraseCommandOptions();

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    FineTuneOptions options;
    Tokenizer tok;
    VectorFormat format = VectorFormat.fromExtension(output).orElse(VectorFormat.NATIVE);
    try {
      options = options();
      tok = TrainCommand.tokenizer(tokenizer);
    } catch (IllegalArgumentException e) {
      err.println("wordvec fine-tune: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return TrainingSession.run(
        spec,
        "fine-tune",
        quiet,
        output,
        format,
        (engine, progress, cancellation) -> {
          TrainedModel base = loadBase();
          long start = System.nanoTime();
          TrainedModel tuned =
              engine.fineTune(
                  new FineTuneRequest(base, corpus, options, tok, progress, cancellation));
          double seconds = (System.nanoTime() - start) / 1e9;
          return new TrainingSession.Outcome(
              tuned,
              String.format(
                  Locale.ROOT,
                  "fine-tuned %s on %,d tokens in %.1f s: %d words (%d new)",
                  model.getFileName(),
                  tuned.corpus().tokens(),
                  seconds,
                  tuned.vocabulary().size(),
                  tuned.vocabulary().size() - base.vocabulary().size()));
        });
  }

  /**
   * The options of the command line.
   *
   * @throws IllegalArgumentException naming the first bad option value
   */
  FineTuneOptions options() {
    FineTuneOptions.Builder builder =
        FineTuneOptions.builder()
            .epochs(epochs)
            .alpha(alpha)
            .minAlpha(minAlpha)
            .minCount(minCount)
            .lockFactor(lockFactor)
            .seed(seed);
    if (threads != null) {
      builder.threads(threads);
    }
    builder.phrases(phraseSettings.toOptions(phrases));
    if (schedule != null) {
      builder.schedule(TrainCommand.schedule(schedule));
    }
    return builder.build();
  }

  private TrainedModel loadBase() throws IOException {
    LoadedModel loaded = ModelFiles.load(model);
    return loaded
        .trained()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model "
                        + model
                        + " holds vectors only; fine-tuning needs a full model saved by"
                        + " 'wordvec train' in the .wvm format"));
  }
}
