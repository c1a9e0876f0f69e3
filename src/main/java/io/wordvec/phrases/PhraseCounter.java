package io.wordvec.phrases;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One detection pass's counts: every word and every pair of adjacent words of the sentences it is
 * given, and the number of tokens, as gensim's {@code Phrases._learn_vocab} (without connector
 * words) counts them.
 *
 * <p>Words get dense ids; a pair is one {@code long} key ({@code first << 32 | second}) in a
 * primitive map, about 20 bytes an entry instead of a string per pair. When words and pairs exceed
 * {@code maxTableSize} after a sentence, entries seen fewer than {@code minReduce} times are
 * dropped and {@code minReduce} grows by one, as gensim's {@code prune_vocab}; a word is always
 * counted at least as often as any pair it starts or ends, so a pair never outlives its words.
 *
 * <p>gensim keeps words and pairs in one dictionary keyed by the joined text, so from the second
 * pass on the token {@code new_york} and the pair ({@code new}, {@code york}) share one count. The
 * scores reproduce that when the pass ends ({@link #layer}), only for the few keys that collide, so
 * that phrases and scores equal gensim's; pruning alone treats them apart.
 *
 * <p>Not thread-safe: one pass, one thread.
 */
final class PhraseCounter {

  private final int maxTableSize;
  private Object2IntOpenHashMap<String> ids = newIds(1024);
  private String[] words = new String[1024];
  private long[] counts = new long[1024];
  private int size;
  private Long2LongOpenHashMap pairs = new Long2LongOpenHashMap();
  private long corpusWords;
  private int minReduce = 1;

  PhraseCounter(int maxTableSize) {
    this.maxTableSize = maxTableSize;
  }

  /** Counts the words and adjacent pairs of one sentence, then prunes if the table is too big. */
  void add(List<String> sentence) {
    int previous = -1;
    for (String word : sentence) {
      int id = idOf(word);
      counts[id]++;
      if (previous >= 0) {
        pairs.addTo(key(previous, id), 1);
      }
      previous = id;
    }
    corpusWords += sentence.size();
    if ((long) size + pairs.size() > maxTableSize) {
      prune();
    }
  }

  /** Tokens counted. */
  long corpusWords() {
    return corpusWords;
  }

  /** Distinct words and pairs now in the table. */
  long tableSize() {
    return (long) size + pairs.size();
  }

  /** How many times the table was pruned. */
  int prunings() {
    return minReduce - 1;
  }

  /** The pairs that score strictly above the threshold: this pass's phrases. */
  PhraseLayer layer(PhraseOptions options, int pass) {
    Collisions collisions = collisions();
    long tableSize = tableSize() - collisions.merged;
    PhraseLayer.Builder layer = new PhraseLayer.Builder();
    for (Long2LongMap.Entry entry : pairs.long2LongEntrySet()) {
      long key = entry.getLongKey();
      int a = (int) (key >>> 32);
      int b = (int) key;
      long countA = collisions.words.getOrDefault(a, counts[a]);
      long countB = collisions.words.getOrDefault(b, counts[b]);
      long countAb = collisions.pairs.getOrDefault(key, entry.getLongValue());
      double score =
          options
              .scoring()
              .score(countA, countB, countAb, tableSize, options.minCount(), corpusWords);
      if (score > options.threshold()) {
        layer.add(words[a], words[b], score, countAb);
      }
    }
    return layer.build(pass);
  }

  private int idOf(String word) {
    int id = ids.getInt(word);
    if (id >= 0) {
      return id;
    }
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    words[size] = word;
    ids.put(word, size);
    return size++;
  }

  /** Drops every entry seen fewer than {@code minReduce} times and renumbers the words left. */
  private void prune() {
    int[] remap = new int[size];
    Object2IntOpenHashMap<String> keptIds = newIds(size);
    String[] keptWords = new String[Math.max(1024, size)];
    long[] keptCounts = new long[keptWords.length];
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (counts[i] >= minReduce) {
        remap[i] = kept;
        keptWords[kept] = words[i];
        keptCounts[kept] = counts[i];
        keptIds.put(words[i], kept);
        kept++;
      } else {
        remap[i] = -1;
      }
    }
    Long2LongOpenHashMap keptPairs = new Long2LongOpenHashMap();
    for (Long2LongMap.Entry entry : pairs.long2LongEntrySet()) {
      if (entry.getLongValue() >= minReduce) {
        long key = entry.getLongKey();
        int a = remap[(int) (key >>> 32)];
        int b = remap[(int) key];
        if (a >= 0 && b >= 0) {
          keptPairs.put(key(a, b), entry.getLongValue());
        }
      }
    }
    ids = keptIds;
    words = keptWords;
    counts = keptCounts;
    size = kept;
    pairs = keptPairs;
    minReduce++;
  }

  /** Counts shared by a word and a pair (or two pairs) that join to the same text. */
  private record Collisions(Int2LongOpenHashMap words, Long2LongOpenHashMap pairs, long merged) {}

  /** A key of gensim's one dictionary and what shares it. */
  private static final class Group {
    long total;
    int members;
    int word = -1;
    final LongArrayList pairs = new LongArrayList(1);
  }

  private Collisions collisions() {
    boolean[] delimited = new boolean[size];
    boolean any = false;
    for (int i = 0; i < size; i++) {
      delimited[i] = words[i].contains(PhraseOptions.DELIMITER);
      any |= delimited[i];
    }
    Int2LongOpenHashMap wordTotals = new Int2LongOpenHashMap();
    Long2LongOpenHashMap pairTotals = new Long2LongOpenHashMap();
    if (!any) {
      // Without a delimited word, every pair's text has one delimiter and no word has any.
      return new Collisions(wordTotals, pairTotals, 0);
    }
    Map<String, Group> groups = new HashMap<>();
    for (int i = 0; i < size; i++) {
      if (delimited[i]) {
        Group group = groups.computeIfAbsent(words[i], k -> new Group());
        group.total += counts[i];
        group.members++;
        group.word = i;
        // A pair of two plain words spelling this word: its text has the one delimiter.
        String word = words[i];
        for (int at = word.indexOf(PhraseOptions.DELIMITER);
            at >= 0;
            at = word.indexOf(PhraseOptions.DELIMITER, at + 1)) {
          int a = ids.getInt(word.substring(0, at));
          int b = ids.getInt(word.substring(at + PhraseOptions.DELIMITER.length()));
          if (a >= 0 && b >= 0 && !delimited[a] && !delimited[b]) {
            long key = key(a, b);
            long count = pairs.get(key);
            if (count > 0) {
              group.total += count;
              group.members++;
              group.pairs.add(key);
            }
          }
        }
      }
    }
    for (Long2LongMap.Entry entry : pairs.long2LongEntrySet()) {
      long key = entry.getLongKey();
      int a = (int) (key >>> 32);
      int b = (int) key;
      if (delimited[a] || delimited[b]) {
        Group group =
            groups.computeIfAbsent(words[a] + PhraseOptions.DELIMITER + words[b], k -> new Group());
        group.total += entry.getLongValue();
        group.members++;
        group.pairs.add(key);
      }
    }
    long merged = 0;
    for (Group group : groups.values()) {
      if (group.members > 1) {
        merged += group.members - 1;
        if (group.word >= 0) {
          wordTotals.put(group.word, group.total);
        }
        for (int i = 0; i < group.pairs.size(); i++) {
          pairTotals.put(group.pairs.getLong(i), group.total);
        }
      }
    }
    return new Collisions(wordTotals, pairTotals, merged);
  }

  private static long key(int first, int second) {
    return ((long) first << 32) | (second & 0xFFFFFFFFL);
  }

  private static Object2IntOpenHashMap<String> newIds(int expected) {
    Object2IntOpenHashMap<String> map = new Object2IntOpenHashMap<>(expected);
    map.defaultReturnValue(-1);
    return map;
  }
}
