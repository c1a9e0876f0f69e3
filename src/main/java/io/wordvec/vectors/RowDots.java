package io.wordvec.vectors;

/**
 * Dot products of unit rows taken one row at a time, in no particular order: what a graph index
 * does thousands of times per query and per insertion. Rows in the heap are read in place (no copy,
 * no check beyond the array's own); rows mapped from a file are first copied into this object's
 * scratch arrays, one row at a time.
 *
 * <p>Every product is computed by the same kernel, with the row as its first operand, as the exact
 * scan's float rescoring: {@code dot(row, query)} equals the score the exact scan gives that row
 * for that query, bit for bit, whichever the storage.
 *
 * <p>Not thread-safe when it reads a mapped file (the scratch arrays are its own); {@link
 * #isShareable()} says whether one instance may serve every thread. Get one per thread from {@link
 * WordVectors#rowDots()}, or from {@link #over} for a matrix of unit rows in the heap.
 */
public abstract sealed class RowDots {

  final int dimension;

  private RowDots(int dimension) {
    this.dimension = dimension;
  }

  /**
   * Dot products of the rows of {@code unitRows}, {@code dimension} floats each, read in place.
   * Shareable between threads.
   *
   * @param unitRows row-major rows, not copied and not modified
   * @throws IllegalArgumentException if the array is not a whole number of rows
   */
  public static RowDots over(float[] unitRows, int dimension) {
    if (dimension < 1 || unitRows.length % dimension != 0) {
      throw new IllegalArgumentException(
          unitRows.length + " floats are not rows of " + dimension + " floats");
    }
    return new InPlace(unitRows, dimension);
  }

  static RowDots of(RowStorage rows) {
    if (rows instanceof HeapRows heap) {
      return new InPlace(heap.unit(), rows.dimension());
    }
    return new Copied(rows);
  }

  /** Floats per row. */
  public final int dimension() {
    return dimension;
  }

  /**
   * Whether this object reads rows in place and keeps no state, so that any number of threads may
   * share it.
   */
  public abstract boolean isShareable();

  /**
   * The dot product of row {@code row} with {@code query} (its first {@link #dimension()} floats).
   *
   * @throws IndexOutOfBoundsException if {@code row} is not a row
   */
  public abstract float dot(int row, float[] query);

  /**
   * Reads the first float of row {@code row} and returns it: a graph walk touches every row it is
   * about to score first, so that their cache misses overlap instead of coming one after another.
   * The caller keeps the value (adds it to a field, say) so that the read is not optimised away.
   *
   * @throws IndexOutOfBoundsException if {@code row} is not a row
   */
  public abstract float touch(int row);

  /**
   * The dot product of rows {@code a} and {@code b}.
   *
   * @throws IndexOutOfBoundsException if either is not a row
   */
  public abstract float dot(int a, int b);

  /** Rows of a heap array, scored where they lie. */
  private static final class InPlace extends RowDots {

    private final float[] rows;
    private final int count;

    InPlace(float[] rows, int dimension) {
      super(dimension);
      this.rows = rows;
      this.count = rows.length / dimension;
    }

    @Override
    public boolean isShareable() {
      return true;
    }

    @Override
    public float touch(int row) {
      if (Integer.compareUnsigned(row, count) >= 0) {
        throw new IndexOutOfBoundsException("row " + row + " of " + count);
      }
      return rows[row * dimension];
    }

    @Override
    public float dot(int row, float[] query) {
      // One unsigned comparison: a row outside the matrix must throw, not read its neighbour's
      // floats (only the last row's overrun would reach the array's own bounds check).
      if (Integer.compareUnsigned(row, count) >= 0) {
        throw new IndexOutOfBoundsException("row " + row + " of " + count);
      }
      return VectorMath.dotUnchecked(rows, row * dimension, query, 0, dimension);
    }

    @Override
    public float dot(int a, int b) {
      if (Integer.compareUnsigned(a, count) >= 0 || Integer.compareUnsigned(b, count) >= 0) {
        throw new IndexOutOfBoundsException("rows " + a + " and " + b + " of " + count);
      }
      return VectorMath.dotUnchecked(rows, a * dimension, rows, b * dimension, dimension);
    }
  }

  /** Rows of a mapped file, copied into scratch arrays first. */
  private static final class Copied extends RowDots {

    private final RowStorage storage;
    private final int count;
    private final float[] first;
    private final float[] second;

    Copied(RowStorage storage) {
      super(storage.dimension());
      this.storage = storage;
      this.count = storage.rows();
      this.first = new float[dimension];
      this.second = new float[dimension];
    }

    @Override
    public boolean isShareable() {
      return false;
    }

    @Override
    public float touch(int row) {
      if (Integer.compareUnsigned(row, count) >= 0) {
        throw new IndexOutOfBoundsException("row " + row + " of " + count);
      }
      return storage.firstUnitFloat(row);
    }

    @Override
    public float dot(int row, float[] query) {
      copy(row, first);
      return VectorMath.dotUnchecked(first, 0, query, 0, dimension);
    }

    @Override
    public float dot(int a, int b) {
      copy(a, first);
      copy(b, second);
      return VectorMath.dotUnchecked(first, 0, second, 0, dimension);
    }

    private void copy(int row, float[] into) {
      if (Integer.compareUnsigned(row, count) >= 0) {
        throw new IndexOutOfBoundsException("row " + row + " of " + count);
      }
      storage.unitRows(row, 1, into, 0);
    }
  }
}
