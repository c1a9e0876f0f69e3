package io.wordvec.vectors;

/**
 * A vector holds NaN or an infinity, which would make every similarity with it meaningless. Carries
 * where, so that a file reader can name the word.
 */
public final class NonFiniteVectorException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int row;
  private final int position;
  private final float value;

  NonFiniteVectorException(int row, int position, float value) {
    super(
        "non-finite value " + value + " at position " + position + " in the vector of row " + row);
    this.row = row;
    this.position = position;
    this.value = value;
  }

  /** The row (word id) of the vector. */
  public int row() {
    return row;
  }

  /** The 0-based position of the value in the vector. */
  public int position() {
    return position;
  }

  /** The offending value. */
  public float value() {
    return value;
  }
}
