package io.wordvec.spark;

import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress as JSON lines, one object per event, for programs that drive the CLI (the service's job
 * runner): {@code progress} (phase, epoch, words, words/s, alpha), {@code epoch} (loss), {@code
 * sync} (one round's cost) and {@code summary} (after the last epoch: the sync share of the wall
 * time). Every line is flushed as it is written.
 */
final class JsonProgress implements TrainingListener, SparkTrainingEngine.SyncListener {

  private final PrintStream out;
  private int epochs;
  private double wallSeconds;
  private double syncSeconds;
  private long broadcastBytes;
  private long resultBytes;
  private int syncCount;

  JsonProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void onProgress(TrainingProgress p) {
    epochs = p.epochs();
    line(
        "{\"event\":\"progress\",\"phase\":\"%s\",\"epoch\":%d,\"epochs\":%d,\"wordsProcessed\":%d,"
            + "\"wordsExpected\":%d,\"wordsPerSecond\":%s,\"alpha\":%s}",
        p.phase().name().toLowerCase(Locale.ROOT),
        p.epoch(),
        p.epochs(),
        p.wordsProcessed(),
        p.wordsExpected(),
        number(p.wordsPerSecond()),
        number(p.alpha()));
  }

  @Override
  public synchronized void onEpochEnd(int epoch, double loss, long examples) {
    line(
        "{\"event\":\"epoch\",\"epoch\":%d,\"loss\":%s,\"examples\":%d,\"meanLoss\":%s}",
        epoch, number(loss), examples, number(examples == 0 ? Double.NaN : loss / examples));
    if (epoch == epochs) {
      line(
          "{\"event\":\"summary\",\"syncs\":%d,\"wallSeconds\":%s,\"syncSeconds\":%s,"
              + "\"syncShare\":%s,\"broadcastBytesPerSync\":%d,\"resultBytesPerSync\":%d}",
          syncCount,
          number(wallSeconds),
          number(syncSeconds),
          number(wallSeconds > 0 ? syncSeconds / wallSeconds : Double.NaN),
          syncCount == 0 ? 0 : broadcastBytes / syncCount,
          syncCount == 0 ? 0 : resultBytes / syncCount);
    }
  }

  @Override
  public synchronized void onSync(SparkTrainingEngine.SyncReport r) {
    syncCount++;
    wallSeconds += r.wallSeconds();
    syncSeconds += r.syncSeconds();
    broadcastBytes += r.broadcastBytes();
    resultBytes += r.resultBytes();
    line(
        "{\"event\":\"sync\",\"epoch\":%d,\"round\":%d,\"rounds\":%d,\"wallSeconds\":%s,"
            + "\"trainSeconds\":%s,\"syncSeconds\":%s,\"broadcastBytes\":%d,\"resultBytes\":%d,"
            + "\"slices\":%d,\"byReference\":%b}",
        r.epoch(),
        r.round(),
        r.rounds(),
        number(r.wallSeconds()),
        number(r.trainSeconds()),
        number(r.syncSeconds()),
        r.broadcastBytes(),
        r.resultBytes(),
        r.slices(),
        r.byReference());
  }

  private void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** A JSON number; NaN and infinities, which JSON has not, as null. */
  static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "null";
  }
}
