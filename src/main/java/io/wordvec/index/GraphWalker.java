package io.wordvec.index;

import io.wordvec.vectors.RowDots;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * One search at a time over a {@link MappedGraph}: HNSW's walk (Malkov and Yashunin), a greedy
 * descent through the upper levels from the entry node, then a beam of {@code ef} candidates on
 * level 0. It scores the index's 8-bit copy of the rows when the index file has one ({@link
 * RowCodes}), and rescores its results on the float rows ({@link RowDots}); else it scores the
 * float rows themselves.
 *
 * <p>Why not jvector's searcher, which walks the same graph: at the small {@code ef} a served index
 * uses, a query spent a fifth of its time in jvector's general-purpose queues (node objects, score
 * arrays, a result object per search). Here both queues are binary heaps of primitive {@code long}s
 * ({@link #key}: one comparison orders by score, then by id), the neighbour list of a node is
 * copied out of the mapped file in one bulk read, and the rows about to be scored are touched first
 * so that their cache misses overlap (BENCHMARKS.md, "A search loop of the project's own"). A
 * neighbour enters the queue if it beats the worst result as it stands (as in hnswlib), not as it
 * stood before its node was expanded (as in jvector), so at equal {@code ef} the walk expands a few
 * nodes fewer. The scores it returns are the exact scan's dot products (same kernel, same operand
 * order), so the caller needs no rescoring.
 *
 * <p>The filter ({@code accept}) decides what enters the results, not where the walk goes: a
 * rejected node is still expanded, so that filtered rows do not cut the graph apart.
 *
 * <p>Not thread-safe: its scratch is reused from walk to walk; {@code HnswIndex} keeps a pool of
 * them. The scratch grows with {@code ef}, never with the vocabulary.
 */
final class GraphWalker {

  private final MappedGraph graph;

  /** The float rows: the results' scores. */
  private final RowDots dots;

  /** What the walk scores with: {@link #dots} itself, or the index's 8-bit rows. */
  private final WalkScores scores;

  private final VisitedSet visited = new VisitedSet();
  private final int[] neighbours;

  /** Nodes to expand: a max-heap of {@link #key}s. */
  private long[] candidates = new long[64];

  private int candidateCount;

  /** The best accepted nodes met, at most {@code ef}: see {@link #pushResult}. */
  private long[] results = new long[64];

  private int resultCount;

  /** Where the touched floats go, so that the touches are not optimised away. */
  private float sink;

  /**
   * @param dots the float rows, which score the results
   * @param codes the index's 8-bit rows, which the walk scores instead when there are any; null:
   *     the walk scores the float rows
   */
  GraphWalker(MappedGraph graph, RowDots dots, RowCodes codes) {
    this.graph = graph;
    this.dots = dots;
    this.scores = codes != null ? codes.scorer() : WalkScores.of(dots);
    this.neighbours = new int[graph.maxDegree()];
  }

  /** The scorer of the rows this walker uses; the caller may use it between walks. */
  RowDots dots() {
    return dots;
  }

  /**
   * The best {@code topK} accepted rows the walk meets, best first (by score, then by id), with
   * their dot products with {@code query}.
   *
   * @param query a unit vector of the graph's dimension
   * @param ef the beam width on level 0, at least {@code topK}
   * @param accept which rows may be returned; null: every row
   */
  Found walk(float[] query, int topK, int ef, IntPredicate accept) {
    int node = descend(query);
    candidateCount = 0;
    resultCount = 0;
    if (results.length < ef + 1) {
      results = new long[ef + 1];
    }
    visited.clear();
    visited.add(node);
    long first = key(scores.score(node, query), node);
    pushCandidate(first);
    if (accept == null || accept.test(node)) {
      pushResult(first, ef);
    }
    while (candidateCount > 0) {
      long best = popCandidate();
      if (resultCount == ef && best < worstResult()) {
        break;
      }
      int count = graph.neighbours(0, node(best), neighbours);
      int fresh = 0;
      for (int i = 0; i < count; i++) {
        if (visited.add(neighbours[i])) {
          neighbours[fresh++] = neighbours[i];
        }
      }
      // Touch every row first: their cache misses overlap (as hnswlib's prefetches make them).
      float touched = 0;
      for (int i = 0; i < fresh; i++) {
        touched += scores.touch(neighbours[i]);
      }
      sink += touched;
      for (int i = 0; i < fresh; i++) {
        int next = neighbours[i];
        long key = key(scores.score(next, query), next);
        if (resultCount < ef || key > worstResult()) {
          pushCandidate(key);
          if (accept == null || accept.test(next)) {
            pushResult(key, ef);
          }
        }
      }
    }
    return found(query, topK);
  }

  /** The ids and dot products of a walk, best first. */
  record Found(int[] ids, float[] scores) {}

  /** The entry node of level 0: the greedy descent's end, one best move at a time per level. */
  private int descend(float[] query) {
    int node = graph.header().entryNode();
    float score = scores.score(node, query);
    for (int level = graph.header().entryLevel(); level > 0; level--) {
      boolean moved = true;
      while (moved) {
        moved = false;
        int count = graph.neighbours(level, node, neighbours);
        for (int i = 0; i < count; i++) {
          float s = scores.score(neighbours[i], query);
          if (s > score) {
            score = s;
            node = neighbours[i];
            moved = true;
          }
        }
      }
    }
    return node;
  }

  /**
   * The best {@code topK} results. A walk on the 8-bit rows kept its {@code ef} best by their
   * approximate scores: those that may be among the best {@code topK} are rescored on the float
   * rows (touched first, as in the walk), so that the scores returned, and their order, are the
   * exact scan's.
   *
   * <p>Which may be: a row whose approximate score is more than twice the error bound below the
   * {@code topK}-th best approximate score has {@code topK} rows whose exact scores are above its
   * own, so it cannot be among them. Rescoring only the others saves most of the rescoring's cache
   * misses at a large {@code ef} (at 3M rows and ef 240, a fifth of a query's time); the bound is a
   * statistical one ({@link WalkScores#errorBound}), so an answer changes with negligible
   * probability.
   */
  private Found found(float[] query, int topK) {
    long[] keys = new long[resultCount];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ~results[i];
    }
    if (!scores.exact()) {
      keys = mayBeAmongBest(keys, topK, 2 * scores.errorBound(query));
      float touched = 0;
      for (long key : keys) {
        touched += dots.touch(node(key));
      }
      sink += touched;
      for (int i = 0; i < keys.length; i++) {
        int node = node(keys[i]);
        keys[i] = key(dots.dot(node, query), node);
      }
    }
    return best(keys, topK);
  }

  /**
   * The keys whose score is at least the {@code topK}-th best score minus {@code margin} (all of
   * them when there are at most {@code topK}); sorts {@code keys} in place.
   */
  static long[] mayBeAmongBest(long[] keys, int topK, float margin) {
    if (keys.length <= topK) {
      return keys;
    }
    Arrays.sort(keys);
    float floor = score(keys[keys.length - topK]) - margin;
    int from = keys.length - topK;
    while (from > 0 && score(keys[from - 1]) >= floor) {
      from--;
    }
    return Arrays.copyOfRange(keys, from, keys.length);
  }

  /** The {@code topK} largest of {@code keys} (sorted in place), best first. */
  static Found best(long[] keys, int topK) {
    Arrays.sort(keys);
    int n = Math.min(topK, keys.length);
    int[] ids = new int[n];
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      long key = keys[keys.length - 1 - i];
      ids[i] = node(key);
      scores[i] = score(key);
    }
    return new Found(ids, scores);
  }

  /**
   * A node and its score as one {@code long} that is larger for a better node, as the exact scan
   * ranks them: a higher score ({@link Float#compare}'s order: the score's bits made to sort as
   * signed ints, above), then a lower id (the id's complement, below).
   */
  static long key(float score, int node) {
    int bits = Float.floatToIntBits(score);
    int sortable = bits ^ ((bits >> 31) & 0x7FFFFFFF);
    return ((long) sortable << 32) | (~node & 0xFFFFFFFFL);
  }

  static int node(long key) {
    return ~(int) key;
  }

  static float score(long key) {
    int sortable = (int) (key >> 32);
    return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7FFFFFFF));
  }

  private void pushCandidate(long key) {
    if (candidateCount == candidates.length) {
      candidates = Arrays.copyOf(candidates, candidateCount * 2);
    }
    siftUp(candidates, candidateCount++, key);
  }

  private long popCandidate() {
    long top = candidates[0];
    candidateCount--;
    siftDown(candidates, candidateCount, candidates[candidateCount]);
    return top;
  }

  /**
   * Adds a result, dropping the worst when there would be more than {@code ef}. Results are kept as
   * complemented keys in the same kind of max-heap as the candidates: its root is the worst.
   */
  private void pushResult(long key, int ef) {
    if (resultCount < ef) {
      siftUp(results, resultCount++, ~key);
    } else if (key > worstResult()) {
      siftDown(results, resultCount, ~key);
    }
  }

  /** The worst result's key; only when there is one. */
  private long worstResult() {
    return ~results[0];
  }

  /** Puts {@code key} at slot {@code i} of a max-heap and moves it up to its place. */
  private static void siftUp(long[] heap, int i, long key) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] >= key) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = key;
  }

  /**
   * Puts {@code key} at the root of a max-heap of {@code n} keys and moves it down to its place.
   */
  private static void siftDown(long[] heap, int n, long key) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && heap[child + 1] > heap[child]) {
        child++;
      }
      if (heap[child] <= key) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = key;
  }
}
