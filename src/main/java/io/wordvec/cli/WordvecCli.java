package io.wordvec.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face of the engine: {@code java -jar wordvec.jar <command> [options]}. Each
 * subcommand is its own class in this package; exit codes are documented on {@link ExitCodes}.
 */
@Command(
    name = "wordvec",
    mixinStandardHelpOptions = true,
    versionProvider = WordvecCli.Version.class,
    description = "Train, fine-tune, evaluate, convert, index and align word2vec models.",
    subcommands = {
      CommandLine.HelpCommand.class,
      TrainCommand.class,
      FineTuneCommand.class,
      EvaluateCommand.class,
      ConvertCommand.class,
      NeighborsCommand.class,
      IndexCommand.class,
      AlignCommand.class
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
          "align");

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new WordvecCli()).execute(args);
  }

  /** Whether {@code args} ask for a CLI command rather than the HTTP service. */
  public static boolean isCliInvocation(String... args) {
    return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].equals("--help"));
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
