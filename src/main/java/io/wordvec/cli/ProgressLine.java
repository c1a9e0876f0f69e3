package io.wordvec.cli;

import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingPhase;
import io.wordvec.train.TrainingProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints training progress on one line: percentage, words/s, ETA and the last epoch's mean loss. On
 * a terminal the line is redrawn in place; otherwise a new line is printed every 5%.
 */
final class ProgressLine implements TrainingListener {

  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private volatile double lastLoss = Double.NaN;
  private int lastStep = -1;
  private boolean drawn;

  ProgressLine(PrintWriter err, boolean quiet, boolean terminal) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
  }

  @Override
  public synchronized void onProgress(TrainingProgress p) {
    if (quiet) {
      return;
    }
    String line;
    if (p.phase() == TrainingPhase.VOCABULARY) {
      line = String.format(Locale.ROOT, "vocabulary: %,d tokens read", p.wordsProcessed());
    } else {
      double pct = 100 * p.fraction();
      String eta =
          p.wordsPerSecond() > 0
              ? duration((p.wordsExpected() - p.wordsProcessed()) / p.wordsPerSecond())
              : "--:--";
      line =
          String.format(
              Locale.ROOT,
              "epoch %d/%d %5.1f%%  %,9.0f words/s  ETA %s  alpha %.5f  loss %s",
              p.epoch(),
              p.epochs(),
              pct,
              p.wordsPerSecond(),
              eta,
              p.alpha(),
              Double.isNaN(lastLoss) ? "-" : String.format(Locale.ROOT, "%.4f", lastLoss));
    }
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      err.flush();
      drawn = true;
    } else {
      int step =
          p.phase() == TrainingPhase.VOCABULARY ? -1 : (int) (p.fraction() * 20) + 20 * p.epoch();
      if (step != lastStep) {
        lastStep = step;
        err.println(line);
        err.flush();
      }
    }
  }

  @Override
  public void onEpochEnd(int epoch, double loss, long examples) {
    lastLoss = examples == 0 ? Double.NaN : loss / examples;
    if (!quiet) {
      synchronized (this) {
        String line =
            String.format(
                Locale.ROOT,
                "epoch %d done: mean loss %.4f over %,d examples",
                epoch,
                lastLoss,
                examples);
        err.println((terminal && drawn ? "\r" : "") + line + (terminal ? "\u001b[K" : ""));
        err.flush();
        drawn = false;
      }
    }
  }

  synchronized void finish() {
    if (terminal && drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  private static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
