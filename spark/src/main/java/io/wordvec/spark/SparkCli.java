package io.wordvec.spark;

import io.wordvec.cli.ExitCodes;
import io.wordvec.cli.TrainCommand;
import io.wordvec.train.Kernel;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar wordvec-spark.jar train --master local[*] --corpus FILE --output MODEL.wvm
 * [wordvec train's options] [--partitions K] [--words-per-sync N] [--task-threads T] [--conf
 * KEY=VALUE]}: {@code wordvec train} on Spark. Progress goes to standard output as JSON lines
 * ({@link JsonProgress}); the human progress line and the closing summary go to standard error.
 * Also the main class for {@code spark-submit}.
 */
@Command(
    name = "wordvec-spark",
    mixinStandardHelpOptions = true,
    version = "wordvec-spark 0.1.0",
    description = "Trains wordvec models on Apache Spark.")
public final class SparkCli {

  private SparkCli() {}

  public static void main(String[] args) {
    // Netty reads it once, when Spark first loads it; Spark's own launcher passes it as -D.
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    System.exit(run(System.out, new PrintWriter(System.err, true), args));
  }

  /**
   * The program that started this driver has ended: exit, which runs the shutdown hooks (the
   * training is cancelled, Spark releases its executors) and writes nothing.
   */
  private static void parentGone() {
    System.err.println("wordvec train: the program that started this driver has ended; stopping");
    System.exit(ExitCodes.CANCELLED);
  }

  /**
   * The Spark engine trains per pair whatever the config says (its partition averaging was measured
   * with that kernel): asking for the batched kernel is an error rather than silently ignored.
   *
   * @throws IllegalArgumentException for {@code --kernel batched} (a usage error)
   */
  private static void refuseBatchedKernel(CommandLine.ParseResult options) {
    if (options != null
        && options.hasMatchedOption("--kernel")
        && !Kernel.PAIR.id().equalsIgnoreCase(options.matchedOptionValue("--kernel", ""))) {
      throw new IllegalArgumentException(
          "--kernel "
              + options.matchedOptionValue("--kernel", "")
              + ": the Spark engine trains per pair; use --kernel pair or leave it out");
    }
  }

  /** Runs the command line; returns the exit code. JSON lines go to {@code out}. */
  static int run(PrintStream out, PrintWriter err, String... args) {
    SparkOptions spark = new SparkOptions();
    JsonProgress json = new JsonProgress(out);
    CommandLine[] parsed = new CommandLine[1];
    TrainCommand train =
        new TrainCommand(
            () -> {
              // here, once the options are parsed and before Spark starts
              refuseBatchedKernel(parsed[0].getParseResult());
              if (spark.exitWhenStdinCloses) {
                StdinWatch.start(System.in, SparkCli::parentGone);
              }
              return new SparkTrainingEngine(spark.settings(), json);
            },
            json);
    CommandLine trainLine = new CommandLine(train).addMixin("spark", spark);
    parsed[0] = trainLine;
    trainLine.setOut(err).setErr(err);
    CommandLine cli = new CommandLine(new SparkCli()).addSubcommand("train", trainLine);
    cli.setOut(err).setErr(err);
    return cli.execute(args);
  }
}
