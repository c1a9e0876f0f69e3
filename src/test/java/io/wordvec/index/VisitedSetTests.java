package io.wordvec.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VisitedSetTests {

  @Test
  void aNodeIsNewOnceAWalkAndNewAgainInTheNextWalk() {
    VisitedSet visited = new VisitedSet();

    assertThat(visited.add(7)).isTrue();
    assertThat(visited.add(7)).isFalse();
    assertThat(visited.add(0)).isTrue();
    assertThat(visited.size()).isEqualTo(2);
    visited.clear();

    assertThat(visited.size()).isZero();
    assertThat(visited.add(7)).isTrue();
    assertThat(visited.add(0)).isTrue();
    assertThat(visited.add(0)).isFalse();
  }

  @Test
  void agreesWithAHashSetOverWalksOfEverySizeWhileItGrowsAndIsLetGo() {
    VisitedSet visited = new VisitedSet();
    SplittableRandom random = new SplittableRandom(9);
    // Walks of a few nodes up to ones that grow the table past what is kept between walks.
    int[] walkSizes = {3, 600, 5_000, 10, 200_000, 40, 70_000, 1};
    for (int walk = 0; walk < walkSizes.length; walk++) {
      visited.clear();
      Set<Integer> expected = new HashSet<>();
      int bound = Math.max(8, walkSizes[walk] * 2);
      for (int i = 0; i < walkSizes[walk] * 3; i++) {
        // Ids from a range about twice the walk: about half the adds are repeats.
        int node = random.nextInt(bound);
        assertThat(visited.add(node))
            .as("walk %d, node %d", walk, node)
            .isEqualTo(expected.add(node));
      }
      assertThat(visited.size()).isEqualTo(expected.size());
    }
  }

  @Test
  void idsThatShareTheirLowBitsStillLandApart() {
    VisitedSet visited = new VisitedSet();
    for (int i = 0; i < 3_000; i++) {
      assertThat(visited.add(i << 12)).isTrue();
    }
    for (int i = 0; i < 3_000; i++) {
      assertThat(visited.add(i << 12)).isFalse();
    }
    assertThat(visited.add(Integer.MAX_VALUE)).isTrue();
    assertThat(visited.add(Integer.MAX_VALUE)).isFalse();
  }
}
