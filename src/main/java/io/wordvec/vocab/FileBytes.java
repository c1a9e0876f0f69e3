package io.wordvec.vocab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What {@link CorpusReader} reads of a file's raw bytes to split it: its magic, its line ends. */
final class FileBytes {

  private static final int BUFFER_BYTES = 1 << 16;

  private FileBytes() {}

  /** Whether the file starts with gzip's magic bytes. */
  static boolean isGzip(FileChannel channel) throws IOException {
    ByteBuffer magic = ByteBuffer.allocate(2);
    while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
      // a short read returns what it has; go on until two bytes or the end
    }
    return magic.position() == 2 && magic.get(0) == 0x1f && magic.get(1) == (byte) 0x8b;
  }

  /** The position just after the first line end at or after {@code pos}, or {@code size}. */
  static long afterLineEnd(FileChannel channel, long pos, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(BUFFER_BYTES);
    while (pos < size) {
      buf.clear();
      int n = channel.read(buf, pos);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buf.get(i) == '\n') {
          return pos + i + 1;
        }
      }
      pos += n;
    }
    return size;
  }

  /**
   * The line ends in the first {@code offset} bytes of {@code file}: the number of the line before
   * a part that starts there, counted only when an error needs it.
   */
  static long lineEndsBefore(Path file, long offset) throws IOException {
    long lines = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(BUFFER_BYTES);
      long pos = 0;
      while (pos < offset) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), offset - pos));
        int n = channel.read(buf, pos);
        if (n <= 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (buf.get(i) == '\n') {
            lines++;
          }
        }
        pos += n;
      }
    }
    return lines;
  }
}
