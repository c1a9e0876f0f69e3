package io.wordvec.vectors;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that help the querying thread with a scan: one per core but one, daemons, shared by
 * every model. A helper that runs out of tasks keeps polling for a short while before it blocks, so
 * that back-to-back queries find it awake: waking a sleeping thread can take as long as a whole
 * scan of a small model on a small virtual machine, which is why BLAS and OpenMP threads spin too.
 * The querying thread likewise spins briefly before it sleeps while it waits for a helper.
 *
 * <p>A task that no helper has started yet can be {@linkplain Task#abandon() abandoned}: a scan
 * whose calling thread did all the work does not wait for a helper to wake up for nothing.
 */
final class ScanHelpers {

  /** How long an idle helper polls for the next task before it blocks. */
  private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  /** How long the querying thread polls a running task before it sleeps between checks. */
  private static final long AWAIT_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

  private static final LinkedBlockingQueue<Task> QUEUE = new LinkedBlockingQueue<>();

  /** Helper threads: one fewer than the cores, as the querying thread scans too. */
  static final int COUNT = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);

  static {
    for (int i = 0; i < COUNT; i++) {
      Thread thread = new Thread(ScanHelpers::work, "wordvec-scan-" + i);
      thread.setDaemon(true);
      thread.start();
    }
  }

  private ScanHelpers() {}

  /** Queues {@code work} for a helper; never null, even with no helper (then it never runs). */
  static Task submit(Runnable work) {
    Task task = new Task(work);
    if (COUNT > 0) {
      QUEUE.add(task);
    }
    return task;
  }

  private static void work() {
    while (true) {
      Task task = QUEUE.poll();
      long deadline = System.nanoTime() + SPIN_NANOS;
      while (task == null && System.nanoTime() < deadline) {
        Thread.onSpinWait();
        task = QUEUE.poll();
      }
      if (task == null) {
        try {
          task = QUEUE.take();
        } catch (InterruptedException e) {
          // daemon threads of the JVM's lifetime: nothing asks them to stop
          continue;
        }
      }
      task.run();
    }
  }

  /** A piece of a scan handed to a helper. */
  static final class Task {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;

    private final Runnable work;
    private final AtomicInteger state = new AtomicInteger(NEW);
    private volatile Throwable failure;
    private volatile Thread waiter;

    private Task(Runnable work) {
      this.work = work;
    }

    private void run() {
      if (!state.compareAndSet(NEW, RUNNING)) {
        return;
      }
      try {
        work.run();
      } catch (Throwable e) {
        failure = e;
      } finally {
        state.set(DONE);
        Thread w = waiter;
        if (w != null) {
          LockSupport.unpark(w);
        }
      }
    }

    /** True if no helper had started the task: it never will. */
    boolean abandon() {
      return state.compareAndSet(NEW, ABANDONED);
    }

    /**
     * Waits until a started task is done, rethrowing what it threw. Call only after {@link
     * #abandon()} returned false.
     */
    void await() {
      waiter = Thread.currentThread();
      long spinUntil = System.nanoTime() + AWAIT_SPIN_NANOS;
      while (state.get() != DONE) {
        if (System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
        } else {
          // Bounded: the unpark may come before this park.
          LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
      }
      Throwable e = failure;
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      if (e != null) {
        throw new IllegalStateException(e);
      }
    }
  }
}
