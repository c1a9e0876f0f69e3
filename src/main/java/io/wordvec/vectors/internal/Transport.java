package io.wordvec.vectors.internal;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * The minimum-cost transport between {@code n} sources and {@code m} sinks (the Hitchcock
 * transportation problem), by the transportation simplex method: a basis of {@code n + m - 1} cells
 * that form a spanning tree of the bipartite graph of rows and columns, node potentials {@code u[i]
 * + v[j] = cost[i][j]} along the tree, and pivots on the cell of most negative reduced cost {@code
 * cost[i][j] - u[i] - v[j]} around the cycle it closes in the tree.
 *
 * <p>Why not a general LP solver: the word mover's distance between two short texts is such a
 * problem with a few thousand variables, and a dense tableau simplex (commons-math3's {@code
 * SimplexSolver}) needs seconds there; this method keeps only the tree and costs {@code O(n m)} per
 * pivot. The tests check it against that solver on random problems.
 *
 * <p>Amounts should be integers held in doubles (the caller scales frequencies by the other side's
 * total): flows then stay exact integers, and the degenerate pivots (zero flow moved) that
 * transport problems are full of are recognised exactly. Anti-cycling: after {@code n + m}
 * degenerate pivots in a row the entering and leaving cells are chosen by Bland's rule (the lowest
 * index) until flow moves again.
 *
 * <p>Stateless; each call allocates its own arrays, of size {@code O(n + m)} plus the sort of the
 * {@code n m} cells for the starting basis.
 */
public final class Transport {

  private Transport() {}

  /**
   * The least total {@code sum(flow[i][j] * cost[i][j])} that moves all of {@code supply} to {@code
   * demand}.
   *
   * @param supply {@code n >= 1} non-negative amounts
   * @param demand {@code m >= 1} non-negative amounts with the same total as {@code supply}
   * @param cost {@code n * m} finite costs, row-major (row = source)
   */
  public static double minCost(double[] supply, double[] demand, double[] cost) {
    return new Solver(supply, demand, cost).solve();
  }

  private static final class Solver {

    private final int n;
    private final int m;
    private final double[] cost;
    private final double epsilon;

    /** Basic cells: row, column and flow of each of the {@code n + m - 1} cells. */
    private final int[] cellRow;

    private final int[] cellCol;
    private final double[] flow;

    /** Tree over nodes {@code 0..n-1} (rows) and {@code n..n+m-1} (columns), rebuilt per pivot. */
    private final int[] adjacencyStart;

    private final int[] adjacency;
    private final int[] parentCell;
    private final int[] parentNode;
    private final int[] depth;
    private final int[] queue;
    private final double[] potential;
    private final boolean[] basic;

    Solver(double[] supply, double[] demand, double[] cost) {
      this.n = supply.length;
      this.m = demand.length;
      this.cost = cost;
      double largest = 0;
      for (double c : cost) {
        largest = Math.max(largest, Math.abs(c));
      }
      // potentials are sums along tree paths: allow their rounding, relative to the costs
      this.epsilon = 1e-12 * Math.max(1, largest) * (n + m);
      int cells = n + m - 1;
      this.cellRow = new int[cells];
      this.cellCol = new int[cells];
      this.flow = new double[cells];
      this.adjacencyStart = new int[n + m + 1];
      this.adjacency = new int[2 * cells];
      this.parentCell = new int[n + m];
      this.parentNode = new int[n + m];
      this.depth = new int[n + m];
      this.queue = new int[n + m];
      this.potential = new double[n + m];
      this.basic = new boolean[n * m];
      startingBasis(supply.clone(), demand.clone());
    }

    /**
     * The least-cost method: take the cheapest cell whose row and column are still open, move as
     * much as both allow, and close one of the two lines (only one, even when both are exhausted:
     * the cell set then stays a spanning tree of {@code n + m - 1} cells).
     */
    private void startingBasis(double[] left, double[] needed) {
      int[] order = new int[n * m];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      IntArrays.quickSort(order, (a, b) -> a == b ? 0 : compareCells(a, b));
      boolean[] rowClosed = new boolean[n];
      boolean[] colClosed = new boolean[m];
      int rowsOpen = n;
      int colsOpen = m;
      int cells = 0;
      for (int k = 0; k < order.length && cells < cellRow.length; k++) {
        int i = order[k] / m;
        int j = order[k] % m;
        if (rowClosed[i] || colClosed[j]) {
          continue;
        }
        double moved = Math.min(left[i], needed[j]);
        left[i] -= moved;
        needed[j] -= moved;
        cellRow[cells] = i;
        cellCol[cells] = j;
        flow[cells] = moved;
        basic[order[k]] = true;
        cells++;
        if (left[i] <= 0 && rowsOpen > 1) {
          rowClosed[i] = true;
          rowsOpen--;
        } else {
          colClosed[j] = true;
          colsOpen--;
        }
      }
      if (cells != cellRow.length) {
        throw new IllegalStateException(
            "the starting basis has " + cells + " cells, expected " + cellRow.length);
      }
    }

    private int compareCells(int a, int b) {
      int byCost = Double.compare(cost[a], cost[b]);
      return byCost != 0 ? byCost : Integer.compare(a, b);
    }

    double solve() {
      int degenerateInARow = 0;
      long maxPivots = 50L * (n + m) * (n + m) + 1000;
      for (long pivot = 0; ; pivot++) {
        if (pivot > maxPivots) {
          throw new IllegalStateException("the transport problem did not converge");
        }
        buildTree();
        boolean bland = degenerateInARow > n + m;
        int entering = entering(bland);
        if (entering < 0) {
          return totalCost();
        }
        boolean moved = pivot(entering, bland);
        degenerateInARow = moved ? 0 : degenerateInARow + 1;
      }
    }

    private double totalCost() {
      double total = 0;
      for (int k = 0; k < flow.length; k++) {
        total += flow[k] * cost[cellRow[k] * m + cellCol[k]];
      }
      return total;
    }

    /** Adjacency of the basis tree, a breadth-first walk from row 0, and the potentials. */
    private void buildTree() {
      java.util.Arrays.fill(adjacencyStart, 0);
      for (int k = 0; k < cellRow.length; k++) {
        adjacencyStart[cellRow[k] + 1]++;
        adjacencyStart[n + cellCol[k] + 1]++;
      }
      for (int node = 0; node < n + m; node++) {
        adjacencyStart[node + 1] += adjacencyStart[node];
      }
      int[] fill = depth; // reused as the insertion cursor, overwritten by the walk below
      System.arraycopy(adjacencyStart, 0, fill, 0, n + m);
      for (int k = 0; k < cellRow.length; k++) {
        adjacency[fill[cellRow[k]]++] = k;
        adjacency[fill[n + cellCol[k]]++] = k;
      }
      java.util.Arrays.fill(depth, -1);
      depth[0] = 0;
      potential[0] = 0;
      parentCell[0] = -1;
      parentNode[0] = -1;
      int head = 0;
      int tail = 0;
      queue[tail++] = 0;
      while (head < tail) {
        int node = queue[head++];
        for (int a = adjacencyStart[node]; a < adjacencyStart[node + 1]; a++) {
          int k = adjacency[a];
          int other = node < n ? n + cellCol[k] : cellRow[k];
          if (depth[other] >= 0) {
            continue;
          }
          depth[other] = depth[node] + 1;
          parentCell[other] = k;
          parentNode[other] = node;
          // u[i] + v[j] = cost[i][j] on every basic cell
          potential[other] = cost[cellRow[k] * m + cellCol[k]] - potential[node];
          queue[tail++] = other;
        }
      }
      if (tail != n + m) {
        throw new IllegalStateException("the basis is not a spanning tree");
      }
    }

    /**
     * The non-basic cell with the most negative reduced cost (or with Bland's rule the first one
     * with a negative reduced cost), -1 when none is negative: the current flow is optimal.
     */
    private int entering(boolean bland) {
      int best = -1;
      double bestReduced = -epsilon;
      for (int i = 0; i < n; i++) {
        double u = potential[i];
        int row = i * m;
        for (int j = 0; j < m; j++) {
          double reduced = cost[row + j] - u - potential[n + j];
          if (reduced < bestReduced && !basic[row + j]) {
            if (bland) {
              return row + j;
            }
            best = row + j;
            bestReduced = reduced;
          }
        }
      }
      return best;
    }

    /**
     * Sends flow around the cycle that {@code entering} closes in the tree, and swaps the first
     * cell to empty out of the basis.
     *
     * @return whether any flow moved (false for a degenerate pivot)
     */
    private boolean pivot(int entering, boolean bland) {
      int row = entering / m;
      int col = entering % m;
      // The cycle: entering (+), then the tree path from its column back to its row, whose cells
      // alternate -, +, -, ... (the first and the last are -: the column gives, the row takes).
      int[] fromColumn = new int[n + m];
      int[] fromRow = new int[n + m];
      int a = n + col;
      int b = row;
      int lengthA = 0;
      int lengthB = 0;
      while (depth[a] > depth[b]) {
        fromColumn[lengthA++] = parentCell[a];
        a = parentNode[a];
      }
      while (depth[b] > depth[a]) {
        fromRow[lengthB++] = parentCell[b];
        b = parentNode[b];
      }
      while (a != b) {
        fromColumn[lengthA++] = parentCell[a];
        a = parentNode[a];
        fromRow[lengthB++] = parentCell[b];
        b = parentNode[b];
      }
      int length = lengthA + lengthB;
      int[] path = new int[length];
      System.arraycopy(fromColumn, 0, path, 0, lengthA);
      for (int t = 0; t < lengthB; t++) {
        path[lengthA + t] = fromRow[lengthB - 1 - t];
      }
      int leaving = -1;
      double theta = Double.POSITIVE_INFINITY;
      for (int t = 0; t < length; t += 2) {
        int k = path[t];
        boolean better =
            flow[k] < theta
                || (bland
                    && flow[k] == theta
                    && cellRow[k] * m + cellCol[k] < cellRow[leaving] * m + cellCol[leaving]);
        if (better) {
          theta = flow[k];
          leaving = k;
        }
      }
      for (int t = 0; t < length; t++) {
        flow[path[t]] += (t % 2 == 0) ? -theta : theta;
      }
      basic[cellRow[leaving] * m + cellCol[leaving]] = false;
      basic[entering] = true;
      cellRow[leaving] = row;
      cellCol[leaving] = col;
      flow[leaving] = theta;
      return theta > 0;
    }
  }
}
