package io.wordvec.eval;

import java.util.Arrays;

/** Pearson and Spearman correlation, Spearman with average ranks for ties (as scipy does). */
public final class Correlation {

  private Correlation() {}

  /** Spearman's rho: Pearson's r of the average ranks; NaN for fewer than two values. */
  public static double spearman(double[] x, double[] y) {
    return pearson(averageRanks(x), averageRanks(y));
  }

  /** Pearson's r; NaN for fewer than two values or a constant input. */
  public static double pearson(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("lengths differ: " + x.length + " != " + y.length);
    }
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /** 1-based ranks; tied values share the mean of the ranks they span. */
  public static double[] averageRanks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }
}
