package io.wordvec.spark;

import io.wordvec.vocab.Vocabulary;
import java.io.Serializable;

/** A vocabulary in a form Spark can broadcast: its words and counts, index = id. */
record VocabularyWords(String[] words, long[] counts) implements Serializable {

  static VocabularyWords of(Vocabulary vocabulary) {
    return new VocabularyWords(vocabulary.words().toArray(new String[0]), vocabulary.counts());
  }

  Vocabulary toVocabulary() {
    return new Vocabulary(words, counts);
  }
}
