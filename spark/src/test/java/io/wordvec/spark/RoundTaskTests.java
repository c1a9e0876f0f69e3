package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class RoundTaskTests {

  @Test
  void aCopyTheHeapCannotHoldFailsWithAReasonNotAFatalError() {
    long cells = ModelState.MAX_ARRAY;
    // needs a heap smaller than the matrix, or the test would allocate 8 GB
    assumeTrue(Runtime.getRuntime().maxMemory() < 4 * cells, "heap too large for this test");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> RoundTask.matrix(cells, 7_158_278, 300));
    assertTrue(
        e.getMessage().startsWith("out of memory for a partition's copy of the 7158278 x 300"),
        e.getMessage());
    assertTrue(e.getMessage().contains("8191 MB per matrix"), e.getMessage());
    // no fatal error among the causes: Spark would take the executor down for it
    assertNull(e.getCause());
  }

  @Test
  void aCopyThatFitsIsAllocated() {
    assertEquals(600, RoundTask.matrix(600, 2, 300).length);
  }
}
