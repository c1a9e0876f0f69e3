package io.wordvec.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the data
 * goes to a temporary file in the same directory, is forced to disk, and is then renamed over the
 * target. A failed write leaves the target untouched and removes the temporary file.
 */
public final class AtomicFiles {

  /** Writes the content of a file to a stream (which the caller must not close). */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Writes the content of a file through its channel (which the caller must not close). */
  @FunctionalInterface
  public interface ChannelWriter {
    void write(FileChannel channel) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically through a buffered stream.
   *
   * @throws IOException if writing or renaming fails; {@code target} is then unchanged
   */
  public static void write(Path target, Writer writer) throws IOException {
    writeChannel(
        target,
        channel -> {
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
          writer.write(out);
          out.flush();
        });
  }

  /**
   * Writes {@code target} atomically through a file channel, for writers that seek (e.g. to fill in
   * a header last).
   *
   * @throws IOException if writing or renaming fails; {@code target} is then unchanged
   */
  public static void writeChannel(Path target, ChannelWriter writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        writer.write(channel);
        channel.force(true);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
