package io.wordvec.align;

import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Word pairs resolved to row ids of a source and a target model: what {@link Procrustes} learns a
 * map from, and what {@link TranslationAccuracy} tests one on. Built from given pairs ({@link
 * #fromPairs}), whose words missing in either model are dropped and reported, or from the words the
 * two models share ({@link #identicalWords}), which aligns two models of one language (different
 * seeds, corpora or time slices) without any dictionary.
 *
 * <p>Immutable and thread-safe.
 */
public final class Dictionary {

  /** Words missing in a model listed at most, each side: the counts are exact. */
  public static final int MAX_MISSING_LISTED = 20;

  private final int[] sourceIds;
  private final int[] targetIds;
  private final int missingInSource;
  private final int missingInTarget;
  private final List<String> missingSourceWords;
  private final List<String> missingTargetWords;

  private Dictionary(
      int[] sourceIds,
      int[] targetIds,
      int missingInSource,
      int missingInTarget,
      List<String> missingSourceWords,
      List<String> missingTargetWords) {
    this.sourceIds = sourceIds;
    this.targetIds = targetIds;
    this.missingInSource = missingInSource;
    this.missingInTarget = missingInTarget;
    this.missingSourceWords = List.copyOf(missingSourceWords);
    this.missingTargetWords = List.copyOf(missingTargetWords);
  }

  /**
   * The given pairs whose two words both models know, in order; the others are counted (a pair can
   * miss on both sides) and the first {@link #MAX_MISSING_LISTED} missing words of each side kept
   * for the report. Words are looked up exactly as written. A pair given twice counts twice.
   */
  public static Dictionary fromPairs(WordVectors source, WordVectors target, List<WordPair> pairs) {
    Vocabulary sourceWords = source.vocabulary();
    Vocabulary targetWords = target.vocabulary();
    int[] s = new int[pairs.size()];
    int[] t = new int[pairs.size()];
    int kept = 0;
    int missingSource = 0;
    int missingTarget = 0;
    List<String> missingSourceList = new ArrayList<>();
    List<String> missingTargetList = new ArrayList<>();
    for (WordPair pair : pairs) {
      int sourceId = sourceWords.id(pair.source());
      int targetId = targetWords.id(pair.target());
      if (sourceId < 0) {
        missingSource++;
        if (missingSourceList.size() < MAX_MISSING_LISTED) {
          missingSourceList.add(pair.source());
        }
      }
      if (targetId < 0) {
        missingTarget++;
        if (missingTargetList.size() < MAX_MISSING_LISTED) {
          missingTargetList.add(pair.target());
        }
      }
      if (sourceId >= 0 && targetId >= 0) {
        s[kept] = sourceId;
        t[kept] = targetId;
        kept++;
      }
    }
    return new Dictionary(
        Arrays.copyOf(s, kept),
        Arrays.copyOf(t, kept),
        missingSource,
        missingTarget,
        missingSourceList,
        missingTargetList);
  }

  /**
   * Words spelt the same in both models, the most frequent in both first: ranked by the worse of
   * their two frequency ranks (row ids, since a trained model's vocabulary is sorted by count, as
   * word2vec and fastText files are), ties by the source rank. The first {@code skip} of that order
   * are passed over and the next {@code count} taken, so that a test dictionary can follow the
   * training one without sharing a word with it. Fewer are returned when the models share fewer
   * words.
   *
   * <p>Reads the vocabularies only, and stops as soon as no later source word can rank in.
   *
   * @throws IllegalArgumentException if {@code skip} or {@code count} is negative
   */
  public static Dictionary identicalWords(
      WordVectors source, WordVectors target, int skip, int count) {
    if (skip < 0 || count < 0) {
      throw new IllegalArgumentException(
          "skip and count must be >= 0, were " + skip + " and " + count);
    }
    int wanted = (int) Math.min(Integer.MAX_VALUE - 8, (long) skip + count);
    Vocabulary sourceWords = source.vocabulary();
    Vocabulary targetWords = target.vocabulary();
    // The wanted best keys so far, worst on top; key = worse rank << 32 | source rank, so that the
    // natural order of the longs is the dictionary's order.
    PriorityQueue<Long> best =
        new PriorityQueue<>(Math.max(1, wanted), (a, b) -> Long.compare(b, a));
    for (int s = 0; s < sourceWords.size() && wanted > 0; s++) {
      if (best.size() == wanted && (best.peek() >>> 32) < s) {
        break; // every later word ranks at least s in the source: none can displace these
      }
      int t = targetWords.id(sourceWords.word(s));
      if (t < 0) {
        continue;
      }
      long key = ((long) Math.max(s, t) << 32) | s;
      if (best.size() < wanted) {
        best.add(key);
      } else if (key < best.peek()) {
        best.poll();
        best.add(key);
      }
    }
    long[] keys = best.stream().mapToLong(Long::longValue).sorted().toArray();
    int from = Math.min(skip, keys.length);
    int n = keys.length - from;
    int[] s = new int[n];
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = (int) keys[from + i];
      t[i] = targetWords.id(sourceWords.word(s[i]));
    }
    return new Dictionary(s, t, 0, 0, List.of(), List.of());
  }

  /**
   * The first {@code limit} pairs of this dictionary whose source word is not a source word of
   * {@code other}: a test dictionary that shares no word with the training one.
   */
  public Dictionary without(Dictionary other, int limit) {
    java.util.BitSet taken = new java.util.BitSet();
    for (int id : other.sourceIds) {
      taken.set(id);
    }
    int[] s = new int[Math.min(limit, sourceIds.length)];
    int[] t = new int[s.length];
    int n = 0;
    for (int i = 0; i < sourceIds.length && n < s.length; i++) {
      if (!taken.get(sourceIds[i])) {
        s[n] = sourceIds[i];
        t[n] = targetIds[i];
        n++;
      }
    }
    return new Dictionary(Arrays.copyOf(s, n), Arrays.copyOf(t, n), 0, 0, List.of(), List.of());
  }

  /** Usable pairs: both words known. */
  public int size() {
    return sourceIds.length;
  }

  /** The source row of pair {@code i}. */
  public int sourceId(int i) {
    return sourceIds[i];
  }

  /** The target row of pair {@code i}. */
  public int targetId(int i) {
    return targetIds[i];
  }

  /** Given pairs dropped because the source model lacks their source word. */
  public int missingInSource() {
    return missingInSource;
  }

  /** Given pairs dropped because the target model lacks their target word. */
  public int missingInTarget() {
    return missingInTarget;
  }

  /** The first {@link #MAX_MISSING_LISTED} source words the source model lacks. */
  public List<String> missingSourceWords() {
    return missingSourceWords;
  }

  /** The first {@link #MAX_MISSING_LISTED} target words the target model lacks. */
  public List<String> missingTargetWords() {
    return missingTargetWords;
  }
}
