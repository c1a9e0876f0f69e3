package io.wordvec.vectors;

/**
 * An 8-bit copy of a unit-normalised matrix, a quarter of its size, used to find neighbour
 * candidates with a quarter of the memory traffic of the float scan; the candidates are then
 * rescored on the float rows, so answers stay exact (see {@link NeighborScan#cosAddQuantized}).
 *
 * <p>Row {@code r} is stored as codes {@code c_i = round(x_i / scale_r)} in {@code [-127, 127]}
 * with {@code scale_r = max|x_i| / 127} (rounded up), so {@code |x_i - scale_r * c_i| <= scale_r /
 * 2}: the error of an approximate dot product with a query {@code q} is at most {@code ||q||_1 *
 * scale_r / 2}, plus float rounding.
 *
 * <p>Immutable after construction; owned by one {@link WordVectors}.
 */
final class QuantizedRows {

  final byte[] codes;
  final float[] scales;

  private QuantizedRows(byte[] codes, float[] scales) {
    this.codes = codes;
    this.scales = scales;
  }

  static QuantizedRows of(float[] unit, int rows, int dim) {
    byte[] codes = new byte[rows * dim];
    float[] scales = new float[rows];
    NeighborScan.forRanges(
        rows,
        dim,
        (from, to) -> {
          for (int r = from; r < to; r++) {
            int off = r * dim;
            float max = 0;
            for (int j = off; j < off + dim; j++) {
              max = Math.max(max, Math.abs(unit[j]));
            }
            if (max == 0) {
              continue;
            }
            float scale = max / 127f;
            if (max / scale > 127f) {
              scale = Math.nextUp(scale);
            }
            scales[r] = scale;
            float inverse = 1f / scale;
            for (int j = off; j < off + dim; j++) {
              int c = Math.round(unit[j] * inverse);
              codes[j] = (byte) Math.max(-127, Math.min(127, c));
            }
          }
        });
    return new QuantizedRows(codes, scales);
  }
}
