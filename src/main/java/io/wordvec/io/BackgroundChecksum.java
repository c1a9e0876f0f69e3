package io.wordvec.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * The CRC32C of the rest of a file, computed on a thread of its own. Whoever starts one either
 * {@linkplain #verify verifies} it or {@linkplain #close closes} it (try-with-resources), so that
 * no error path leaves the thread reading a file nobody waits for.
 */
final class BackgroundChecksum implements AutoCloseable {

  /** Bytes checksummed between two looks at the stop flag. */
  private static final int SLICE = 1 << 22;

  private final FutureTask<Integer> task;
  private final Thread thread;
  private final AtomicBoolean stopped;
  private final AtomicBoolean completed;

  private BackgroundChecksum(
      FutureTask<Integer> task, Thread thread, AtomicBoolean stopped, AtomicBoolean completed) {
    this.task = task;
    this.thread = thread;
    this.stopped = stopped;
    this.completed = completed;
  }

  /**
   * Continues {@code crc} over {@code mapped} (bytes already mapped by the caller, in file order),
   * then over bytes {@code [from, to)} of the file, in the background.
   */
  static BackgroundChecksum start(
      FileChannel channel, CRC32C crc, List<ByteBuffer> mapped, long from, long to) {
    AtomicBoolean stopped = new AtomicBoolean();
    AtomicBoolean completed = new AtomicBoolean();
    FutureTask<Integer> task =
        new FutureTask<>(
            () -> {
              for (ByteBuffer window : mapped) {
                update(crc, window.duplicate(), stopped);
              }
              for (long at = from; at < to; at += NativeFormat.MAP_WINDOW) {
                long length = Math.min(NativeFormat.MAP_WINDOW, to - at);
                update(crc, channel.map(FileChannel.MapMode.READ_ONLY, at, length), stopped);
              }
              completed.set(true);
              return (int) crc.getValue();
            });
    Thread thread = new Thread(task, "wordvec-checksum");
    thread.setDaemon(true);
    thread.start();
    return new BackgroundChecksum(task, thread, stopped, completed);
  }

  /** Checksums {@code bytes} a slice at a time, giving up as soon as the checksum is closed. */
  private static void update(CRC32C crc, ByteBuffer bytes, AtomicBoolean stopped)
      throws IOException {
    while (bytes.hasRemaining()) {
      if (stopped.get()) {
        throw new InterruptedIOException("checksum abandoned");
      }
      ByteBuffer slice = bytes.slice();
      slice.limit(Math.min(SLICE, slice.remaining()));
      crc.update(slice);
      bytes.position(bytes.position() + slice.limit());
    }
  }

  /**
   * Stops the computation if it still runs (a no-op after {@link #verify}); the thread ends within
   * one slice.
   */
  @Override
  public void close() {
    stopped.set(true);
    task.cancel(false);
  }

  /** The thread computing the checksum (for tests that check it ends). */
  Thread thread() {
    return thread;
  }

  /** Whether the computation went through the whole range (rather than stopping at a close). */
  boolean completed() {
    return completed.get();
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
