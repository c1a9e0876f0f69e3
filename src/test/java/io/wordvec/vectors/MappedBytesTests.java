package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedBytesTests {

  @TempDir Path dir;

  /** A file of {@code floats} random floats after {@code skip} bytes of something else. */
  private Path file(int skip, float[] floats) throws IOException {
    ByteBuffer bytes =
        ByteBuffer.allocate(skip + floats.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < skip; i++) {
      bytes.put((byte) i);
    }
    bytes.asFloatBuffer().put(floats);
    return Files.write(dir.resolve("f.bin"), bytes.array());
  }

  private static float[] random(int n) {
    SplittableRandom random = new SplittableRandom(5);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  @Test
  void readsThatStraddleChunkBordersGiveTheBytesOfTheFile() throws IOException {
    float[] floats = random(1_000);
    Path file = file(12, floats);
    byte[] all = Files.readAllBytes(file);
    for (int shift : new int[] {2, 3, 5, 7, 12, 30}) {
      try (FileChannel channel = FileChannel.open(file)) {
        MappedBytes mapped = MappedBytes.map(channel, 12, floats.length * 4L, shift);
        assertThat(mapped.length()).isEqualTo(4000);
        // Rows of 7 floats (28 bytes) cross the borders of chunks of 4 to 128 bytes.
        for (int first = 0; first + 7 <= floats.length; first += 7) {
          float[] row = new float[9];
          mapped.readFloats(first * 4L, row, 1, 7);
          assertThat(Arrays.copyOfRange(row, 1, 8))
              .as("floats %d.. with chunks of 2^%d bytes", first, shift)
              .isEqualTo(Arrays.copyOfRange(floats, first, first + 7));
        }
        byte[] bytes = new byte[333];
        mapped.readBytes(101, bytes, 0, bytes.length);
        assertThat(bytes).isEqualTo(Arrays.copyOfRange(all, 12 + 101, 12 + 101 + 333));
        assertThat(mapped.readFloat(4 * 999)).isEqualTo(floats[999]);
      }
    }
  }

  @Test
  void readsOutsideTheRegionAreRefused() throws IOException {
    Path file = file(0, random(10));
    try (FileChannel channel = FileChannel.open(file)) {
      MappedBytes mapped = MappedBytes.map(channel, 0, 40, 4);
      assertThatThrownBy(() -> mapped.readFloats(36, new float[2], 0, 2))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> mapped.readBytes(0, new byte[3], 1, 3))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> MappedBytes.map(channel, 8, 40, 4))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot map 40 bytes from 8 of a file of 40 bytes");
      assertThatThrownBy(() -> MappedBytes.map(channel, 0, 40, 31))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
