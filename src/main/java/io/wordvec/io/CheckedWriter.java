package io.wordvec.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Writes content through a direct buffer, keeping a CRC32C of everything written and one of the
 * current section (since the last {@link #startSection}).
 */
final class CheckedWriter {
  private final FileChannel channel;
  private final ByteBuffer buffer =
      ByteBuffer.allocateDirect(NativeFormat.CHUNK).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private CRC32C section = new CRC32C();
  private long position;
  private long written;

  CheckedWriter(FileChannel channel, long start) {
    this.channel = channel;
    this.position = start;
  }

  long written() {
    return written;
  }

  long crc() {
    return crc.getValue();
  }

  /** Starts a section: {@link #sectionCrc} then covers what is written from here on. */
  void startSection() throws IOException {
    flush();
    section = new CRC32C();
  }

  /** The CRC32C of what was written since {@link #startSection}; call after {@link #flush}. */
  long sectionCrc() {
    return section.getValue();
  }

  private void room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      flush();
    }
  }

  void flush() throws IOException {
    buffer.flip();
    crc.update(buffer.duplicate());
    section.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    written += buffer.limit();
    buffer.clear();
  }

  void putLong(long v) throws IOException {
    room(8);
    buffer.putLong(v);
  }

  void putInt(int v) throws IOException {
    room(4);
    buffer.putInt(v);
  }

  void putBytes(byte[] bytes, int off, int len) throws IOException {
    while (len > 0) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int n = Math.min(len, buffer.remaining());
      buffer.put(bytes, off, n);
      off += n;
      len -= n;
    }
  }

  void putFloats(float[] values) throws IOException {
    putFloats(values, 0, values.length);
  }

  void putFloats(float[] values, int from, int count) throws IOException {
    int off = from;
    int end = from + count;
    while (off < end) {
      if (buffer.remaining() < Float.BYTES) {
        flush();
      }
      int n = Math.min(end - off, buffer.remaining() / Float.BYTES);
      buffer.asFloatBuffer().put(values, off, n);
      buffer.position(buffer.position() + n * Float.BYTES);
      off += n;
    }
  }
}
