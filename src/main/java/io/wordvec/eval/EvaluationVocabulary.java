package io.wordvec.eval;

import io.wordvec.vectors.WordVectors;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Locale;

/**
 * The words an evaluation may use, as gensim builds them: the first {@code restrictVocab} words of
 * the model, keyed by their upper-case form when case-insensitive. When several words fold to the
 * same key, the first (most frequent) one wins.
 */
final class EvaluationVocabulary {

  private final Object2IntOpenHashMap<String> ids;
  private final boolean caseInsensitive;
  private final int size;

  EvaluationVocabulary(WordVectors vectors, int restrictVocab, boolean caseInsensitive) {
    if (restrictVocab < 0) {
      throw new IllegalArgumentException(
          "restrictVocab must be >= 0 (0 = whole vocabulary), was " + restrictVocab);
    }
    this.caseInsensitive = caseInsensitive;
    this.size = restrictVocab == 0 ? vectors.size() : Math.min(restrictVocab, vectors.size());
    this.ids = new Object2IntOpenHashMap<>(size);
    ids.defaultReturnValue(-1);
    for (int id = 0; id < size; id++) {
      ids.putIfAbsent(key(vectors.vocabulary().word(id)), id);
    }
  }

  /** How many of the model's words are searched. */
  int size() {
    return size;
  }

  /** The lookup form of a word: upper case (locale-independent) when case-insensitive. */
  String key(String word) {
    return caseInsensitive ? word.toUpperCase(Locale.ROOT) : word;
  }

  /** The id of an already-folded key, or -1. */
  int id(String key) {
    return ids.getInt(key);
  }
}
