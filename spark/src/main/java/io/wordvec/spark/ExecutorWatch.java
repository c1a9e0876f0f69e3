package io.wordvec.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * Gives a run on a cluster up when it has had no executor for {@code spark.wordvec.executorTimeout}
 * (120 s by default; 0 turns the watch off): none ever joined (no Worker, or none with the cores
 * and memory asked for), or the last one was lost (its Worker died) and none came back. Spark
 * itself would wait for resources forever, and the job with it. Local masters run their tasks in
 * the driver and are not watched.
 */
final class ExecutorWatch extends SparkListener {

  /** The Spark property that sets the timeout. */
  static final String TIMEOUT_PROPERTY = "spark.wordvec.executorTimeout";

  private final SparkContext sc;
  private final long timeoutNanos;
  private long emptySince;
  private volatile String lastLoss;
  private volatile String failure;

  private ExecutorWatch(SparkContext sc, long timeoutNanos) {
    this.sc = sc;
    this.timeoutNanos = timeoutNanos;
    this.emptySince = System.nanoTime();
  }

  /** A watch of {@code sc}'s executors; one that never gives up for a local master. */
  static ExecutorWatch of(JavaSparkContext sc, String master) {
    long seconds = sc.getConf().getTimeAsSeconds(TIMEOUT_PROPERTY, "120s");
    if (master.startsWith("local") || seconds <= 0) {
      return new ExecutorWatch(null, 0);
    }
    ExecutorWatch watch = new ExecutorWatch(sc.sc(), seconds * 1_000_000_000L);
    sc.sc().addSparkListener(watch);
    return watch;
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    lastLoss = "executor " + removed.executorId() + ": " + removed.reason();
  }

  /**
   * Whether the run must give up; called by one thread, often (it is what measures the time). Once
   * true, {@link #failure} says why.
   */
  boolean givenUp() {
    if (sc == null) {
      return false;
    }
    if (failure != null) {
      return true;
    }
    // the status tracker lists the driver besides the executors
    int executors = Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
    long now = System.nanoTime();
    if (executors > 0) {
      emptySince = -1;
      return false;
    }
    if (emptySince < 0) {
      emptySince = now;
    }
    if (now - emptySince < timeoutNanos) {
      return false;
    }
    long seconds = timeoutNanos / 1_000_000_000L;
    String loss = lastLoss;
    failure =
        loss == null
            ? "no executor joined the run in "
                + seconds
                + " s: is a Spark Worker running, with the free cores and memory the run asks"
                + " for (spark.executor.memory, --task-threads)?"
            : "the run lost its last executor ("
                + loss
                + ") and none came back in "
                + seconds
                + " s ("
                + TIMEOUT_PROPERTY
                + "); nothing was written";
    return true;
  }

  /** Why the run gave up, or null while it has not. */
  String failure() {
    return failure;
  }
}
