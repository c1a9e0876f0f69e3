package io.wordvec.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes synthetic fastText {@code .bin} models (version 12, skip-gram, not quantised) of any size,
 * streaming, for conversion tests and benchmarks: words {@code w0, w1, ...} with falling counts,
 * and seeded uniform rows in [-0.5, 0.5) for the words and the n-gram buckets. The output matrix is
 * left out (wordvec never reads it). The same arguments always give the same file.
 */
public final class FastTextFiles {

  private FastTextFiles() {}

  /**
   * {@code FastTextFiles WORDS BUCKETS DIM SEED OUT.bin}: a model with n-grams of 3 to 6 characters
   * (bench/convert-memory.sh).
   */
  public static void main(String[] args) throws IOException {
    int words = Integer.parseInt(args[0]);
    int buckets = Integer.parseInt(args[1]);
    int dim = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    Path out = Path.of(args[4]);
    long start = System.nanoTime();
    write(out, words, buckets, dim, 3, 6, seed);
    System.out.printf(
        java.util.Locale.ROOT,
        "{\"generated\":\"%s\",\"words\":%d,\"buckets\":%d,\"dim\":%d,\"bytes\":%d,"
            + "\"seconds\":%.1f}%n",
        out,
        words,
        buckets,
        dim,
        Files.size(out),
        (System.nanoTime() - start) / 1e9);
  }

  /** Writes a model of {@code words} words and {@code buckets} n-gram rows of {@code dim}. */
  public static void write(
      Path file, int words, int buckets, int dim, int minn, int maxn, long seed)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      ByteBuffer head = ByteBuffer.allocate(4 * 16 + 8).order(ByteOrder.LITTLE_ENDIAN);
      head.putInt(FastTextBinary.MAGIC).putInt(12);
      // dim, ws, epoch, minCount, neg, wordNgrams, loss (ns), model (sg), bucket, minn, maxn,
      // lrUpdateRate, t
      head.putInt(dim).putInt(5).putInt(5).putInt(5).putInt(5).putInt(1).putInt(2).putInt(2);
      head.putInt(buckets).putInt(minn).putInt(maxn).putInt(100).putDouble(1e-4);
      out.write(head.array(), 0, head.position());
      ByteBuffer dict = ByteBuffer.allocate(4 * 3 + 8 * 2).order(ByteOrder.LITTLE_ENDIAN);
      dict.putInt(words).putInt(words).putInt(0).putLong(100L * words).putLong(-1);
      out.write(dict.array());
      ByteBuffer entry = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < words; i++) {
        out.write(("w" + i).getBytes(StandardCharsets.UTF_8));
        out.write(0);
        entry.clear();
        entry.putLong(words - i + 4L).put((byte) 0);
        out.write(entry.array());
      }
      out.write(0); // not quantised
      ByteBuffer shape = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      shape.putLong((long) words + buckets).putLong(dim);
      out.write(shape.array());
      SplittableRandom random = new SplittableRandom(seed);
      ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
      for (long r = 0; r < (long) words + buckets; r++) {
        row.clear();
        for (int j = 0; j < dim; j++) {
          row.putFloat((float) (random.nextDouble() - 0.5));
        }
        out.write(row.array());
      }
    }
  }
}
