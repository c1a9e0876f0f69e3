package io.wordvec.cli;

import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.TrainingConfig;
import java.math.BigDecimal;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the training options, taken from the engine's own defaults ({@link
 * TrainingConfig#builder()}, {@link FineTuneOptions#builder()}) so that the CLI, the service and
 * the engine cannot drift apart. picocli fills unset options from here and shows the values in
 * {@code --help} through {@code ${DEFAULT-VALUE}}.
 */
final class TrainingDefaults {

  private TrainingDefaults() {}

  /** For {@link TrainCommand}. */
  static final class Train implements IDefaultValueProvider {
    private static final Map<String, String> VALUES;

    static {
      TrainingConfig d = TrainingConfig.defaults();
      VALUES =
          Map.ofEntries(
              Map.entry("--dim", text(d.dimension())),
              Map.entry("--window", text(d.window())),
              Map.entry("--negative", text(d.negative())),
              Map.entry("--sample", text(d.sample())),
              Map.entry("--min-count", text(d.minCount())),
              Map.entry("--max-vocab", text(d.maxVocab())),
              Map.entry("--epochs", text(d.epochs())),
              Map.entry("--schedule", d.schedule().id()),
              Map.entry("--seed", text(d.seed())),
              Map.entry("--max-word-bytes", text(d.maxWordBytes())));
    }

    @Override
    public String defaultValue(ArgSpec arg) {
      return lookUp(VALUES, arg);
    }
  }

  /** For {@link FineTuneCommand}. */
  static final class FineTune implements IDefaultValueProvider {
    private static final Map<String, String> VALUES;

    static {
      FineTuneOptions d = FineTuneOptions.defaults();
      VALUES =
          Map.of(
              "--epochs", text(d.epochs()),
              "--alpha", text(d.alpha()),
              "--min-alpha", text(d.minAlpha()),
              "--min-count", text(d.minCount()),
              "--lock-factor", text(d.lockFactor()),
              "--seed", text(d.seed()));
    }

    @Override
    public String defaultValue(ArgSpec arg) {
      return lookUp(VALUES, arg);
    }
  }

  private static String lookUp(Map<String, String> values, ArgSpec arg) {
    return arg instanceof OptionSpec option ? values.get(option.longestName()) : null;
  }

  private static String text(long value) {
    return Long.toString(value);
  }

  /** As people write it in --help: 0.0001 rather than 1.0E-4, 1 rather than 1.0. */
  private static String text(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
