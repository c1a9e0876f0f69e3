package io.wordvec.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Refuses a load that cannot fit in the heap before it allocates anything, with a message that says
 * what to do, rather than letting it run out of memory half way: an {@link OutOfMemoryError} hits
 * whichever thread allocates next, such as a request on a model that was serving fine.
 */
final class HeapBudget {

  private HeapBudget() {}

  /**
   * Checks that {@code bytes} more can be allocated in the heap.
   *
   * @param what what the memory is for, for the message ("read", "load")
   * @throws InvalidModelFileException naming the file, the memory it needs and what is free
   */
  static void require(Path file, long bytes, String what) throws InvalidModelFileException {
    if (bytes <= free()) {
      return;
    }
    // Garbage may stand in the way (an earlier model's copy): collect once before refusing.
    System.gc();
    long free = free();
    if (bytes <= free) {
      return;
    }
    throw new InvalidModelFileException(
        file,
        String.format(
            Locale.ROOT,
            "too big for the heap: the %s needs about %.1f GB, %.1f GB is free (-Xmx %.1f GB)."
                + " Convert it to .wvm with 'wordvec convert' to serve it memory-mapped, load"
                + " fewer words, or give the JVM more heap",
            what,
            bytes / 1e9,
            free / 1e9,
            Runtime.getRuntime().maxMemory() / 1e9));
  }

  /** Heap that can still be allocated: the maximum heap less what is in use. */
  static long free() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }
}
