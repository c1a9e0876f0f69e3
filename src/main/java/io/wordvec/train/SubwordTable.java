package io.wordvec.train;

import io.wordvec.vocab.CharNgrams;
import io.wordvec.vocab.Vocabulary;
import java.util.Arrays;

/**
 * The n-gram rows of every word of a subword model, flat: the buckets of word {@code w} are {@code
 * buckets[start[w] .. start[w + 1])}, in {@link CharNgrams#buckets} order. Built once per run, so
 * that workers never hash a word while training. Read-only once built.
 *
 * @param start {@code vocabulary size + 1} offsets into {@code buckets}
 * @param buckets the n-gram rows, word after word
 */
record SubwordTable(int[] start, int[] buckets) {

  /** The n-gram rows of each word of {@code vocabulary}. */
  static SubwordTable of(Vocabulary vocabulary, CharNgrams ngrams) {
    int n = vocabulary.size();
    int[] start = new int[n + 1];
    int[] buckets = new int[Math.max(16, n * 8)];
    int at = 0;
    for (int w = 0; w < n; w++) {
      int[] own = ngrams.buckets(vocabulary.word(w));
      if (at + own.length > buckets.length) {
        buckets =
            Arrays.copyOf(buckets, Math.max(at + own.length, buckets.length + buckets.length / 2));
      }
      System.arraycopy(own, 0, buckets, at, own.length);
      at += own.length;
      start[w + 1] = at;
    }
    return new SubwordTable(start, Arrays.copyOf(buckets, at));
  }
}
