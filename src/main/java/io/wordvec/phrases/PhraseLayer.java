package io.wordvec.phrases;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The phrases of one detection pass, and the rewriting they make: left to right, each token and the
 * next are joined when they form a phrase, and a joined pair is never joined again in the same
 * pass, as gensim's {@code Phrases.analyze_sentence} (without connector words) does: in {@code a b
 * c} with phrases {@code a_b} and {@code b_c}, it writes {@code a_b c}.
 *
 * <p>Holds only the phrases (their words, the pairs and the scores), not the counts they came from.
 * Immutable and thread-safe.
 */
final class PhraseLayer {

  private final int pass;
  private final Object2IntOpenHashMap<String> ids;
  private final String[] words;
  private final Long2DoubleOpenHashMap scores;
  private final Long2LongOpenHashMap counts;

  private PhraseLayer(
      int pass,
      Object2IntOpenHashMap<String> ids,
      String[] words,
      Long2DoubleOpenHashMap scores,
      Long2LongOpenHashMap counts) {
    this.pass = pass;
    this.ids = ids;
    this.words = words;
    this.scores = scores;
    this.counts = counts;
  }

  /** The sentence with this pass's phrases joined; the input list is not modified. */
  List<String> apply(List<String> sentence) {
    if (scores.isEmpty() || sentence.size() < 2) {
      return sentence;
    }
    List<String> out = new ArrayList<>(sentence.size());
    int n = sentence.size();
    int i = 0;
    while (i < n) {
      String first = sentence.get(i);
      if (i + 1 < n && isPhrase(first, sentence.get(i + 1))) {
        out.add(first + PhraseOptions.DELIMITER + sentence.get(i + 1));
        i += 2;
      } else {
        out.add(first);
        i++;
      }
    }
    return out;
  }

  /** This pass's phrases, in no particular order. */
  List<Phrase> phrases() {
    List<Phrase> out = new ArrayList<>(scores.size());
    for (long key : scores.keySet()) {
      String text = words[(int) (key >>> 32)] + PhraseOptions.DELIMITER + words[(int) key];
      out.add(new Phrase(text, pass, scores.get(key), counts.get(key)));
    }
    return out;
  }

  int size() {
    return scores.size();
  }

  private boolean isPhrase(String first, String second) {
    int a = ids.getInt(first);
    if (a < 0) {
      return false;
    }
    int b = ids.getInt(second);
    return b >= 0 && scores.containsKey(((long) a << 32) | b);
  }

  /** Collects the phrases of a pass. */
  static final class Builder {
    private final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
    private final List<String> words = new ArrayList<>();
    private final Long2DoubleOpenHashMap scores = new Long2DoubleOpenHashMap();
    private final Long2LongOpenHashMap counts = new Long2LongOpenHashMap();

    Builder() {
      ids.defaultReturnValue(-1);
    }

    void add(String first, String second, double score, long count) {
      long key = ((long) id(first) << 32) | id(second);
      scores.put(key, score);
      counts.put(key, count);
    }

    PhraseLayer build(int pass) {
      return new PhraseLayer(pass, ids, words.toArray(new String[0]), scores, counts);
    }

    private int id(String word) {
      int id = ids.getInt(word);
      if (id < 0) {
        id = words.size();
        words.add(word);
        ids.put(word, id);
      }
      return id;
    }
  }
}
