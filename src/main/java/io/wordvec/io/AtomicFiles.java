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
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the data
 * goes to a temporary file in the same directory, is forced to disk, and is then renamed over the
 * target, and the directory is forced to disk too, so that the rename survives a crash. A failed
 * write leaves the target untouched and removes the temporary file. Files are created readable by
 * all ({@code rw-r--r--}, as a plain file write under the usual umask), so that backups and other
 * readers can read published models and records.
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

  /** {@code rw-r--r--}: what published files get, whatever the temporary file started with. */
  private static final Set<PosixFilePermission> PUBLISHED =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFiles() {}

  /**
   * Forces a directory's entries (renames, creations, deletions) to disk. Without it, a crash soon
   * after a rename can lose the renamed file even though its content was forced. Platforms that
   * cannot open a directory (Windows) make renames durable their own way; there this does nothing.
   */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported on this platform: nothing more can be done
    }
  }

  /** Whether a file name is one of this class' temporary files ({@code .<name>.<random>.tmp}). */
  public static boolean isTemporary(String fileName) {
    return fileName.startsWith(".") && fileName.endsWith(".tmp");
  }

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
    try (Pending pending = Pending.create(target)) {
      writer.write(pending.channel());
      pending.commit();
    }
  }

  /**
   * A temporary file in a target's directory for a writer that works over time (streaming rows as
   * they are read): {@link #commit} forces it to disk and renames it over the target; closing it
   * uncommitted deletes it, and the target is untouched. Its name ({@code .<target>.<random>.tmp})
   * marks it as a leftover should the process die first.
   */
  public static final class Pending implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean committed;

    private Pending(Path target, Path temp, FileChannel channel) {
      this.target = target;
      this.temp = temp;
      this.channel = channel;
    }

    /** Creates the temporary file for {@code target}, in its directory. */
    public static Pending create(Path target) throws IOException {
      Path absolute = target.toAbsolutePath();
      Path temp = scratchFile(absolute);
      try {
        return new Pending(
            absolute,
            temp,
            FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ));
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    }

    /**
     * A new empty scratch file beside {@code target}, named as a temporary file of this class so
     * that a crash leaves nothing that looks like a model; the caller deletes it.
     */
    public static Path scratchFile(Path target) throws IOException {
      Path absolute = target.toAbsolutePath();
      Path dir = absolute.getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
      // createTempFile makes it owner-only (rw-------); what it becomes is for everyone to read.
      if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        try {
          Files.setPosixFilePermissions(temp, PUBLISHED);
        } catch (IOException | UnsupportedOperationException e) {
          Files.deleteIfExists(temp);
          throw e;
        }
      }
      return temp;
    }

    /** The temporary file's channel, open for writing and reading. */
    public FileChannel channel() {
      return channel;
    }

    /** Forces the content to disk and renames the file over the target. */
    public void commit() throws IOException {
      channel.force(true);
      channel.close();
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
      syncDirectory(target.getParent());
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        try {
          channel.close();
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    }
  }
}
