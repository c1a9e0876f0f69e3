package io.wordvec.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face of the engine: {@code java -jar wordvec.jar <command> [options]}. Each
 * subcommand is its own class in this package; exit codes are documented on {@link ExitCodes}.
 *
 * <p>The same jar starts the HTTP service with no arguments, with only {@code --name=value} options
 * (Spring properties), or with an explicit {@code serve} first ({@link #serverArguments}). Anything
 * else is a command, or an error: a mistyped command must not start a server.
 */
@Command(
    name = "wordvec",
    mixinStandardHelpOptions = true,
    versionProvider = WordvecCli.Version.class,
    description = "Train, fine-tune, evaluate, convert, index and align word2vec models.",
    footer =
        "%nStart the HTTP service with no arguments, with only --name=value properties, or with"
            + " 'serve' followed by them.",
    subcommands = {
      CommandLine.HelpCommand.class,
      TrainCommand.class,
      FineTuneCommand.class,
      EvaluateCommand.class,
      ConvertCommand.class,
      NeighborsCommand.class,
      IndexCommand.class,
      AlignCommand.class,
      PhrasesCommand.class
    })
public final class WordvecCli {

  /** Names of the subcommands, so the launcher can tell a CLI call from a service start. */
  public static final Set<String> COMMANDS =
      Set.of(
          "help",
          "train",
          "fine-tune",
          "evaluate",
          "convert",
          "neighbors",
          "neighbours",
          "index",
          "align",
          "phrases");

  /** The word that starts the HTTP service explicitly. */
  public static final String SERVE = "serve";

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new WordvecCli());
    return run(cli, cli.getErr(), args);
  }

  /**
   * Runs the command line on {@code cli}, first refusing (exit 2) a first argument that is neither
   * a command nor an option, with the closest command as a suggestion.
   */
  static int run(CommandLine cli, PrintWriter err, String... args) {
    if (args.length > 0 && !args[0].startsWith("-") && !COMMANDS.contains(args[0])) {
      err.println("wordvec: " + unknownCommand(args[0]));
      err.flush();
      return ExitCodes.USAGE;
    }
    return cli.execute(args);
  }

  /** The message for an unknown command, with a suggestion when one is close. */
  static String unknownCommand(String given) {
    Optional<String> near = closest(given);
    return "unknown command '"
        + given
        + "'"
        + near.map(c -> "; did you mean " + c + "?").orElse("")
        + " Commands: "
        + String.join(", ", COMMANDS.stream().sorted().toList())
        + ", or "
        + SERVE
        + " to start the HTTP service.";
  }

  /** The command within 2 edits of {@code given} (the nearest), if any. */
  static Optional<String> closest(String given) {
    return java.util.stream.Stream.concat(COMMANDS.stream(), java.util.stream.Stream.of(SERVE))
        .filter(c -> editDistance(c, given) <= 2)
        .min(Comparator.comparingInt((String c) -> editDistance(c, given)).thenComparing(c -> c));
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitution, Math.min(previous[j], row[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }

  /**
   * The arguments to start the HTTP service with, or empty when {@code args} are a command-line
   * call: the service starts with no arguments, with only {@code --name=value} options, or with
   * {@code serve} followed by such options (which are then its arguments).
   */
  public static Optional<String[]> serverArguments(String... args) {
    if (args.length > 0 && SERVE.equals(args[0])) {
      return Optional.of(Arrays.copyOfRange(args, 1, args.length));
    }
    boolean properties = Arrays.stream(args).allMatch(a -> a.matches("--[^=\\s]+=.*"));
    return properties ? Optional.of(args) : Optional.empty();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Package pkg = WordvecCli.class.getPackage();
      String version = pkg == null ? null : pkg.getImplementationVersion();
      return new String[] {"wordvec " + (version == null ? "(development build)" : version)};
    }
  }
}
