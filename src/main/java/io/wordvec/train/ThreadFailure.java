package io.wordvec.train;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a run's own threads (training workers, vocabulary parts) failed with, thrown on its caller.
 */
final class ThreadFailure {

  private ThreadFailure() {}

  /**
   * Throws {@code failure} on the calling thread as what it is: an I/O failure as an {@link
   * IOException} (unwrapping an {@link UncheckedIOException}), an unchecked one as itself, anything
   * else wrapped, naming {@code what} failed. Does nothing when {@code failure} is null.
   */
  static void rethrow(Throwable failure, String what) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    } else if (failure instanceof UncheckedIOException io) {
      throw io.getCause();
    } else if (failure instanceof RuntimeException re) {
      throw re;
    } else if (failure instanceof Error err) {
      throw err;
    } else if (failure != null) {
      throw new IllegalStateException(what + " failed", failure);
    }
  }
}
