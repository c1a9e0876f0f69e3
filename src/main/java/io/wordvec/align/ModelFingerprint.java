package io.wordvec.align;

import io.wordvec.vectors.WordVectors;
import java.util.HexFormat;

/**
 * A short digest of a model's words and vectors, saved with an alignment so that the alignment can
 * tell when a model of the same name is no longer the one it was learnt on (retrained, fine-tuned,
 * replaced). It reads the vocabulary size, the dimension and 64 evenly spaced words with their unit
 * rows (the rows every storage computes the same way, bit for bit), so it costs microseconds and
 * tells any two trained models apart; it is not a checksum of the whole file.
 */
public final class ModelFingerprint {

  /** Rows read. */
  private static final int SAMPLED_ROWS = 64;

  private ModelFingerprint() {}

  /** The digest as 16 hex digits. */
  public static String of(WordVectors vectors) {
    long h = mix(0x9E3779B97F4A7C15L, vectors.size());
    h = mix(h, vectors.dimension());
    int rows = vectors.size();
    int samples = Math.min(rows, SAMPLED_ROWS);
    float[] row = new float[vectors.dimension()];
    for (int i = 0; i < samples; i++) {
      int id = (int) ((long) i * rows / samples);
      h = mix(h, vectors.vocabulary().word(id).hashCode());
      vectors.unitRow(id, row, 0);
      for (float v : row) {
        h = mix(h, Float.floatToIntBits(v));
      }
    }
    return HexFormat.of().toHexDigits(h);
  }

  /**
   * One step of a 64-bit multiply-xorshift mix (the finaliser of SplitMix64 over a running sum).
   */
  private static long mix(long h, long value) {
    long z = h + value * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 29);
  }
}
