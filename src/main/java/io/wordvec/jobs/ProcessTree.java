package io.wordvec.jobs;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a child process and every process it started: asked first (SIGTERM, so that a Spark driver
 * runs its shutdown hooks and releases its executors), killed when it has not ended within a grace
 * period. The children are looked up before the parent goes, because an orphan is no longer a
 * descendant of anything this JVM can see.
 */
final class ProcessTree {

  /** How long killed processes get to disappear before we give up waiting for them. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private ProcessTree() {}

  /**
   * Stops {@code process} and its descendants; returns once all have ended, or after {@code grace}
   * plus a few seconds if some refuse to. Interrupting the calling thread skips the grace period.
   */
  static void stop(Process process, Duration grace) {
    Set<ProcessHandle> tree = new LinkedHashSet<>(process.descendants().toList());
    process.destroy();
    tree.forEach(ProcessHandle::destroy);
    boolean interrupted = false;
    try {
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    // children started while it was stopping, or that it left behind
    if (process.isAlive()) {
      tree.addAll(process.descendants().toList());
    }
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    awaitExit(process.toHandle());
    tree.forEach(ProcessTree::awaitExit);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitExit(ProcessHandle handle) {
    try {
      handle.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // it outlived SIGKILL (a zombie its parent never reaped): nothing more to do from here
    }
  }
}
