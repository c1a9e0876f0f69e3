package io.wordvec.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A region of a file mapped read-only into memory, in chunks of {@code 2^chunkShift} bytes: Java 17
 * maps at most 2 GB at once, so a 4.6 GB model file is a few mappings, addressed as one (as
 * Lucene's {@code MMapDirectory} did before Java 19). Reads copy out of the mapping with absolute
 * bulk gets, so any number of threads can read at once, and a read that straddles two chunks is
 * split.
 *
 * <p>The mapping is read-only and shared: processes that map the same file share its pages in the
 * page cache, and pages come into memory when first read. Little-endian, as model files are.
 *
 * <p>Floats are read at positions that are multiples of 4 from the start of the region; chunks are
 * a power of two of at least 4 bytes, so a float never straddles two chunks.
 */
public final class MappedBytes {

  /** Chunks of 1 GB: a 3M x 300 model file (4.6 GB) is five mappings. */
  public static final int DEFAULT_CHUNK_SHIFT = 30;

  private final ByteBuffer[] bytes;
  private final FloatBuffer[] floats;
  private final int shift;
  private final long mask;
  private final long length;

  private MappedBytes(ByteBuffer[] bytes, int shift, long length) {
    this.bytes = bytes;
    this.shift = shift;
    this.mask = (1L << shift) - 1;
    this.length = length;
    this.floats = new FloatBuffer[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      floats[i] = bytes[i].asFloatBuffer();
    }
  }

  /**
   * Maps {@code length} bytes of {@code channel} from {@code offset}, read-only. The mapping stays
   * valid when the channel is closed.
   *
   * @param chunkShift log2 of the chunk size, 2 to 30 (tests use small chunks, so that rows
   *     straddle chunk borders)
   */
  public static MappedBytes map(FileChannel channel, long offset, long length, int chunkShift)
      throws IOException {
    Objects.requireNonNull(channel, "channel");
    if (chunkShift < 2 || chunkShift > 30) {
      throw new IllegalArgumentException("chunkShift must be 2 to 30, was " + chunkShift);
    }
    if (offset < 0 || length < 0 || offset + length > channel.size()) {
      throw new IllegalArgumentException(
          "cannot map "
              + length
              + " bytes from "
              + offset
              + " of a file of "
              + channel.size()
              + " bytes");
    }
    long chunk = 1L << chunkShift;
    long count = (length + chunk - 1) >>> chunkShift;
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(length + " bytes is too many chunks of " + chunk);
    }
    ByteBuffer[] chunks = new ByteBuffer[(int) count];
    for (int i = 0; i < chunks.length; i++) {
      long from = (long) i << chunkShift;
      chunks[i] =
          channel
              .map(FileChannel.MapMode.READ_ONLY, offset + from, Math.min(chunk, length - from))
              .order(ByteOrder.LITTLE_ENDIAN);
    }
    return new MappedBytes(chunks, chunkShift, length);
  }

  /** Bytes in the region. */
  public long length() {
    return length;
  }

  /**
   * Copies {@code count} floats from {@code position} (a multiple of 4) into {@code dst} from
   * {@code offset}.
   *
   * @throws IndexOutOfBoundsException if the floats are not all in the region or in {@code dst}
   */
  public void readFloats(long position, float[] dst, int offset, int count) {
    Objects.checkFromIndexSize(position, (long) count * Float.BYTES, length);
    Objects.checkFromIndexSize(offset, count, dst.length);
    while (count > 0) {
      int chunk = (int) (position >>> shift);
      int at = (int) (position & mask);
      int n = Math.min(count, (int) ((mask + 1 - at) >>> 2));
      // Absolute bulk get: no buffer state changes, so threads share the chunk.
      floats[chunk].get(at >>> 2, dst, offset, n);
      position += (long) n * Float.BYTES;
      offset += n;
      count -= n;
    }
  }

  /** The float at {@code position} (a multiple of 4). */
  public float readFloat(long position) {
    Objects.checkFromIndexSize(position, Float.BYTES, length);
    return floats[(int) (position >>> shift)].get((int) (position & mask) >>> 2);
  }

  /** The byte at {@code position}. */
  public byte readByte(long position) {
    Objects.checkIndex(position, length);
    return bytes[(int) (position >>> shift)].get((int) (position & mask));
  }

  /**
   * Copies {@code count} bytes from {@code position} into {@code dst} from {@code offset}.
   *
   * @throws IndexOutOfBoundsException if the bytes are not all in the region or in {@code dst}
   */
  public void readBytes(long position, byte[] dst, int offset, int count) {
    Objects.checkFromIndexSize(position, count, length);
    Objects.checkFromIndexSize(offset, count, dst.length);
    while (count > 0) {
      int chunk = (int) (position >>> shift);
      int at = (int) (position & mask);
      int n = (int) Math.min(count, mask + 1 - at);
      bytes[chunk].get(at, dst, offset, n);
      position += n;
      offset += n;
      count -= n;
    }
  }
}
