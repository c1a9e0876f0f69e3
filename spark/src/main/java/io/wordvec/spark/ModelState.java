package io.wordvec.spark;

import java.io.Serializable;

/**
 * The model as every partition starts a sync round from it, broadcast once per round. Tasks copy
 * the arrays before training: in local mode the broadcast value is the driver's own object.
 */
record ModelState(float[] inputVectors, float[] outputVectors) implements Serializable {

  /** Bytes of the two matrices, what one broadcast carries before compression. */
  long bytes() {
    return 4L * (inputVectors.length + outputVectors.length);
  }
}
