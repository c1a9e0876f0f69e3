package io.wordvec.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads exactly {@code length} content bytes through a direct buffer, keeping a CRC32C of every
 * byte read; never reads past the declared end.
 */
final class CheckedReader {
  private final FileChannel channel;
  private final ByteBuffer buffer =
      ByteBuffer.allocateDirect(NativeFormat.CHUNK).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc;
  private long position;
  private long left;

  CheckedReader(FileChannel channel, long start, long length, CRC32C crc) {
    this.channel = channel;
    this.position = start;
    this.left = length;
    this.crc = crc;
    buffer.limit(0);
  }

  /** Refills when fewer than {@code bytes} remain (bytes &lt;= 8). */
  private void need(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return;
    }
    buffer.compact();
    int target = (int) Math.min(buffer.remaining(), left);
    int start = buffer.position();
    buffer.limit(start + target);
    while (buffer.hasRemaining()) {
      int r = channel.read(buffer, position);
      if (r < 0) {
        throw new EOFException("file ended early at byte " + position);
      }
      position += r;
    }
    left -= target;
    ByteBuffer fresh = buffer.duplicate();
    fresh.position(start);
    crc.update(fresh);
    buffer.flip();
    if (buffer.remaining() < bytes) {
      throw new EOFException("file ended early at byte " + position);
    }
  }

  void getBytes(byte[] out, int off, int len) throws IOException {
    while (len > 0) {
      need(1);
      int n = Math.min(len, buffer.remaining());
      buffer.get(out, off, n);
      off += n;
      len -= n;
    }
  }

  void skip(int bytes) throws IOException {
    getBytes(new byte[bytes], 0, bytes);
  }

  void getLongs(long[] out) throws IOException {
    int off = 0;
    while (off < out.length) {
      need(Long.BYTES);
      int n = Math.min(out.length - off, buffer.remaining() / Long.BYTES);
      buffer.asLongBuffer().get(out, off, n);
      buffer.position(buffer.position() + n * Long.BYTES);
      off += n;
    }
  }

  void getInts(int[] out) throws IOException {
    int off = 0;
    while (off < out.length) {
      need(Integer.BYTES);
      int n = Math.min(out.length - off, buffer.remaining() / Integer.BYTES);
      buffer.asIntBuffer().get(out, off, n);
      buffer.position(buffer.position() + n * Integer.BYTES);
      off += n;
    }
  }
}
