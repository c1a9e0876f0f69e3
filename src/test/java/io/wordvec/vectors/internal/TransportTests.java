package io.wordvec.vectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport solver against a general LP solver (commons-math3's simplex) on random problems.
 */
class TransportTests {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void findsTheSameOptimumAsAGeneralLinearProgramSolver(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(9);
    int m = 1 + random.nextInt(9);
    int[] countsA = counts(random, n);
    int[] countsB = counts(random, m);
    long totalA = sum(countsA);
    long totalB = sum(countsB);
    double[] supply = new double[n];
    double[] demand = new double[m];
    for (int i = 0; i < n; i++) {
      supply[i] = (double) countsA[i] * totalB;
    }
    for (int j = 0; j < m; j++) {
      demand[j] = (double) countsB[j] * totalA;
    }
    double[] cost = new double[n * m];
    for (int k = 0; k < cost.length; k++) {
      // a few repeated costs, so that ties and degenerate pivots happen
      cost[k] = seed % 3 == 0 ? random.nextInt(4) : random.nextDouble() * 2;
    }

    double expected = simplex(supply, demand, cost);

    assertThat(Transport.minCost(supply, demand, cost))
        .isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
  }

  @Test
  void equalSuppliesAndDemandsAreHighlyDegenerateAndStillSolved() {
    int n = 12;
    double[] supply = new double[n];
    double[] demand = new double[n];
    double[] cost = new double[n * n];
    java.util.Arrays.fill(supply, 1);
    java.util.Arrays.fill(demand, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // the cheapest assignment is the reversed diagonal, cost 0; every other cell costs more
        cost[i * n + j] = Math.abs((n - 1 - i) - j);
      }
    }
    assertThat(Transport.minCost(supply, demand, cost)).isZero();
    assertThat(Transport.minCost(supply, demand, cost))
        .isCloseTo(simplex(supply, demand, cost), within(1e-9));
  }

  @Test
  void oneSourceSendsEverythingAtTheWeightedCost() {
    double[] cost = {0.5, 1.0, 2.0};
    assertThat(Transport.minCost(new double[] {6}, new double[] {1, 2, 3}, cost))
        .isCloseTo(0.5 + 2.0 + 6.0, within(1e-12));
  }

  private static int[] counts(SplittableRandom random, int size) {
    int[] counts = new int[size];
    for (int i = 0; i < size; i++) {
      counts[i] = 1 + random.nextInt(4);
    }
    return counts;
  }

  private static long sum(int[] values) {
    long total = 0;
    for (int v : values) {
      total += v;
    }
    return total;
  }

  /** The same problem as a plain linear program. */
  private static double simplex(double[] supply, double[] demand, double[] cost) {
    int n = supply.length;
    int m = demand.length;
    List<LinearConstraint> constraints = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] row = new double[n * m];
      for (int j = 0; j < m; j++) {
        row[i * m + j] = 1;
      }
      constraints.add(new LinearConstraint(row, Relationship.EQ, supply[i]));
    }
    // one column constraint is implied by the others and the equal totals
    for (int j = 0; j < m - 1; j++) {
      double[] column = new double[n * m];
      for (int i = 0; i < n; i++) {
        column[i * m + j] = 1;
      }
      constraints.add(new LinearConstraint(column, Relationship.EQ, demand[j]));
    }
    return new SimplexSolver()
        .optimize(
            new MaxIter(100_000),
            new LinearObjectiveFunction(cost, 0),
            new LinearConstraintSet(constraints),
            GoalType.MINIMIZE,
            new NonNegativeConstraint(true))
        .getValue();
  }
}
