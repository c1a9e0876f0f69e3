package io.wordvec.vectors;

/**
 * Where a model's stored rows are in a {@link MappedBytes} region, for {@link WordVectors#mapped}:
 * byte positions from the start of the region. Each section is laid out for the rows the file
 * holds; vectors mapped with fewer words read a prefix of each.
 *
 * @param unitRows the unit-normalised rows, row-major float32
 * @param norms one float32 norm per row: raw row = unit row x norm
 * @param scales one float32 scale per 8-bit row, or -1 when the file stores no 8-bit rows
 * @param codes the 8-bit rows in blocks, as {@link QuantizedRows#codes()} lays them out, or -1
 */
public record MappedLayout(long unitRows, long norms, long scales, long codes) {

  public MappedLayout {
    if (unitRows < 0 || norms < 0 || (scales < 0) != (codes < 0)) {
      throw new IllegalArgumentException(
          "bad layout: rows at "
              + unitRows
              + ", norms at "
              + norms
              + ", scales at "
              + scales
              + ", codes at "
              + codes);
    }
  }

  /** Whether the file stores 8-bit rows. */
  public boolean quantized() {
    return codes >= 0;
  }
}
