package io.wordvec.spark;

import java.util.ArrayList;
import java.util.List;

/** One reduce partition's frequent words, and how many distinct words it held. */
record VocabularySlice(long distinct, String[] words, long[] counts)
    implements java.io.Serializable {

  static VocabularySlice of(java.util.Iterator<scala.Tuple2<String, Long>> it, int minCount) {
    List<String> words = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    long distinct = 0;
    while (it.hasNext()) {
      scala.Tuple2<String, Long> pair = it.next();
      distinct++;
      if (pair._2() >= minCount) {
        words.add(pair._1());
        counts.add(pair._2());
      }
    }
    long[] c = new long[counts.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts.get(i);
    }
    return new VocabularySlice(distinct, words.toArray(new String[0]), c);
  }
}
