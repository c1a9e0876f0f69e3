package io.wordvec.index;

/**
 * Follows an index build and may stop it. Called from the build's worker threads, so
 * implementations must be thread-safe.
 */
public interface IndexBuildListener {

  /** A listener that ignores progress and never cancels. */
  IndexBuildListener NONE = (inserted, total) -> {};

  /**
   * {@code inserted} of {@code total} rows are in the graph. Called about every 1% and once at the
   * end of the insertions; the file is written after that.
   */
  void onProgress(int inserted, int total);

  /** Polled between insertions: true stops the build, which then throws. */
  default boolean isCancelled() {
    return false;
  }
}
