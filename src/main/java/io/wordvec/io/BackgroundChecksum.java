package io.wordvec.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.CRC32C;

/** The CRC32C of the rest of a file, computed on a thread of its own. */
final class BackgroundChecksum {
  private final FutureTask<Integer> task;

  private BackgroundChecksum(FutureTask<Integer> task) {
    this.task = task;
  }

  /**
   * Continues {@code crc} over {@code mapped} (bytes already mapped by the caller, in file order),
   * then over bytes {@code [from, to)} of the file, in the background.
   */
  static BackgroundChecksum start(
      FileChannel channel, CRC32C crc, List<ByteBuffer> mapped, long from, long to) {
    FutureTask<Integer> task =
        new FutureTask<>(
            () -> {
              for (ByteBuffer window : mapped) {
                crc.update(window);
              }
              for (long at = from; at < to; at += NativeFormat.MAP_WINDOW) {
                long length = Math.min(NativeFormat.MAP_WINDOW, to - at);
                crc.update(channel.map(FileChannel.MapMode.READ_ONLY, at, length));
              }
              return (int) crc.getValue();
            });
    Thread thread = new Thread(task, "wordvec-checksum");
    thread.setDaemon(true);
    thread.start();
    return new BackgroundChecksum(task);
  }

  /** Waits for the checksum and compares it with the header's. */
  void verify(Path file, int expected) throws IOException {
    int actual;
    try {
      actual = task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while verifying " + file);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot verify " + file + ": " + e.getCause(), e.getCause());
    }
    if (actual != expected) {
      throw new InvalidModelFileException(
          file,
          String.format(
              "checksum mismatch (CRC32C %08x, the header says %08x): the file is corrupt",
              actual, expected));
    }
  }
}
