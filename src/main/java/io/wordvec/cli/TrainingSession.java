package io.wordvec.cli;

import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import io.wordvec.train.CancellationToken;
import io.wordvec.train.LocalTrainingEngine;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingCancelledException;
import io.wordvec.train.TrainingEngine;
import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code train} and {@code fine-tune} share around the training itself: Ctrl-C cancels it
 * cooperatively, a progress line runs on stderr, the model is saved only when training ended, and
 * every outcome maps to an exit code with a one-line message.
 */
final class TrainingSession {

  /** The training itself, on the given engine. */
  interface Work {
    Outcome run(TrainingEngine engine, ProgressLine progress, CancellationToken cancellation)
        throws IOException;
  }

  /**
   * @param model the model to save
   * @param summary one line on what was trained; "; saved PATH" is appended
   */
  record Outcome(TrainedModel model, String summary) {}

  private TrainingSession() {}

  /** Both listeners, {@code first} first; {@code second} may be null. */
  static TrainingListener both(TrainingListener first, TrainingListener second) {
    if (second == null) {
      return first;
    }
    return new TrainingListener() {
      @Override
      public void onProgress(TrainingProgress progress) {
        first.onProgress(progress);
        second.onProgress(progress);
      }

      @Override
      public void onEpochEnd(int epoch, double loss, long examples) {
        first.onEpochEnd(epoch, loss, examples);
        second.onEpochEnd(epoch, loss, examples);
      }

      @Override
      public void onResumed(int epochsDone) {
        first.onResumed(epochsDone);
        second.onResumed(epochsDone);
      }

      @Override
      public void onCheckpoint(int epoch) {
        first.onCheckpoint(epoch);
        second.onCheckpoint(epoch);
      }

      @Override
      public void onCheckpointFailed(int epoch, IOException error) {
        first.onCheckpointFailed(epoch, error);
        second.onCheckpointFailed(epoch, error);
      }
    };
  }

  static int run(
      CommandSpec spec,
      String command,
      boolean quiet,
      Path output,
      VectorFormat format,
      Work work) {
    return run(spec, command, quiet, output, format, new LocalTrainingEngine(), work);
  }

  /** As above, training on {@code engine}. */
  static int run(
      CommandSpec spec,
      String command,
      boolean quiet,
      Path output,
      VectorFormat format,
      TrainingEngine engine,
      Work work) {
    PrintWriter err = spec.commandLine().getErr();
    CancellationToken cancellation = new CancellationToken();
    Thread hook = new Thread(cancellation::cancel, "wordvec-" + command + "-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    ProgressLine progress = new ProgressLine(err, quiet, System.console() != null);
    try {
      Outcome outcome = work.run(engine, progress, cancellation);
      progress.finish();
      if (format == VectorFormat.NATIVE) {
        ModelFiles.save(outcome.model(), output);
      } else {
        ModelFiles.save(outcome.model().wordVectors(), output, format);
      }
      spec.commandLine().getOut().println(outcome.summary() + "; saved " + output);
      return ExitCodes.OK;
    } catch (TrainingCancelledException e) {
      progress.finish();
      err.println("wordvec " + command + ": cancelled, nothing written");
      return ExitCodes.CANCELLED;
    } catch (IOException | IllegalArgumentException e) {
      progress.finish();
      err.println("wordvec " + command + ": " + e.getMessage());
      return ExitCodes.FAILED;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting (Ctrl-C): the hook has run.
      }
    }
  }
}
