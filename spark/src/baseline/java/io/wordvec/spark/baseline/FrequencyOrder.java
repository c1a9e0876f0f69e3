package io.wordvec.spark.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The words of a corpus at a minimum count, most frequent first and ties by word ({@link
 * String#compareTo}), which is the order of wordvec's vocabulary, and the corpus's token count.
 *
 * @param words the kept words, in order
 * @param tokens every token of the corpus, kept or not
 */
record FrequencyOrder(List<String> words, long tokens) {

  /** Counts {@code sentences} on the cluster and orders the words of at least {@code minCount}. */
  static FrequencyOrder count(JavaRDD<List<String>> sentences, int minCount) {
    JavaPairRDD<String, Long> counts =
        sentences
            .flatMap(List::iterator)
            .mapToPair(word -> new Tuple2<>(word, 1L))
            .reduceByKey(Long::sum);
    // the second job reads the shuffle output the first one left, not the text
    List<Tuple2<String, Long>> kept =
        new ArrayList<>(counts.filter(pair -> pair._2() >= minCount).collect());
    long tokens = counts.values().fold(0L, Long::sum);
    kept.sort(
        Comparator.comparing((Tuple2<String, Long> pair) -> pair._2())
            .reversed()
            .thenComparing(Tuple2::_1));
    List<String> words = new ArrayList<>(kept.size());
    for (Tuple2<String, Long> pair : kept) {
      words.add(pair._1());
    }
    return new FrequencyOrder(List.copyOf(words), tokens);
  }
}
