package io.wordvec.spark;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a driver whose parent is gone. A program that starts the driver as a child process (the
 * service's job runner) keeps the driver's standard input open and writes nothing to it; the
 * operating system closes it when that program ends, however it ends ({@code kill -9} included),
 * and the driver then stops instead of training on for nobody.
 */
final class StdinWatch {

  private StdinWatch() {}

  /** Starts a daemon thread that runs {@code onClose} once {@code in} reaches its end. */
  static Thread start(InputStream in, Runnable onClose) {
    Thread watch =
        new Thread(
            () -> {
              byte[] discard = new byte[256];
              try {
                while (in.read(discard) >= 0) {
                  // nothing is expected on it: only its end means something
                }
              } catch (IOException e) {
                // a broken pipe is a closed one
              }
              onClose.run();
            },
            "wordvec-spark-stdin-watch");
    watch.setDaemon(true);
    watch.start();
    return watch;
  }
}
