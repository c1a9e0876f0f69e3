package io.wordvec.bench.vectors;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of answering words outside the vocabulary of a subword model, in process: the n-gram
 * vector of each word ({@link WordVectors#ngramVector}), and its 10 nearest neighbours by the exact
 * scan ({@link SubwordQueries#mostSimilar}).
 *
 * <pre>
 * OovBench MODEL [WORDS]   MODEL: a fastText .bin or a .wvm with n-gram rows; WORDS (default
 *                          20000) unknown words are made from the vocabulary's words (a suffix,
 *                          two letters swapped), each timed once after a warm-up pass
 * </pre>
 *
 * Prints one JSON object per measurement on standard output.
 */
public final class OovBench {

  private OovBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    long start = System.nanoTime();
    LoadedModel model = ModelFiles.loadForServing(file);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    WordVectors vectors = model.vectors();
    if (vectors.subwords().isEmpty()) {
      throw new IllegalArgumentException(file.getFileName() + " has no n-gram rows");
    }
    System.out.printf(
        Locale.ROOT,
        "{\"model\": \"%s\", \"words\": %d, \"dimension\": %d, \"buckets\": %d, \"mapped\": %s,"
            + " \"loadSeconds\": %.2f}%n",
        file.getFileName(),
        vectors.size(),
        vectors.dimension(),
        vectors.subwords().get().rows(),
        vectors.subwords().get().isMapped(),
        loadSeconds);
    List<String> words = unknownWords(vectors.vocabulary(), count);
    SubwordQueries queries = new SubwordQueries(vectors, true);
    float sink = 0;
    // warm-up: the JIT, and the n-gram rows' pages when mapped
    for (String word : words) {
      sink += vectors.ngramVector(word).orElseThrow()[0];
    }
    long[] lookup = new long[words.size()];
    for (int i = 0; i < words.size(); i++) {
      long t = System.nanoTime();
      sink += vectors.ngramVector(words.get(i)).orElseThrow()[0];
      lookup[i] = System.nanoTime() - t;
    }
    report("ngramVector", lookup);
    int neighbourQueries = Math.min(words.size(), 2_000);
    for (int i = 0; i < neighbourQueries / 4; i++) {
      sink += neighbours(queries, words.get(i));
    }
    long[] search = new long[neighbourQueries];
    for (int i = 0; i < neighbourQueries; i++) {
      long t = System.nanoTime();
      sink += neighbours(queries, words.get(i));
      search[i] = System.nanoTime() - t;
    }
    report("neighbors top-10 exact", search);
    if (sink == 42) {
      System.out.println();
    }
  }

  private static float neighbours(SubwordQueries queries, String word) {
    return queries
        .mostSimilar(List.of(queries.resolve(word)), List.of(), 10, 0, new SearchOptions(true, 0))
        .neighbors()
        .get(0)
        .score();
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "{\"query\": \"%s\", \"n\": %d, \"p50Ms\": %.4f, \"p99Ms\": %.4f, \"maxMs\": %.4f}%n",
        what,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** Words not in the vocabulary, made from its words: a suffix, or two letters swapped. */
  static List<String> unknownWords(Vocabulary vocabulary, int count) {
    List<String> out = new ArrayList<>(count);
    String[] suffixes = {"ish", "ness", "ly", "ful", "s"};
    for (int id = 0; out.size() < count && id < vocabulary.size() * 6; id++) {
      String word = vocabulary.word(id % vocabulary.size());
      int round = id / vocabulary.size();
      String made;
      if (round < suffixes.length) {
        made = word + suffixes[round];
      } else if (word.length() > 3) {
        char[] chars = word.toCharArray();
        char c = chars[1];
        chars[1] = chars[2];
        chars[2] = c;
        made = new String(chars);
      } else {
        continue;
      }
      if (!vocabulary.contains(made)) {
        out.add(made);
      }
    }
    return out;
  }
}
