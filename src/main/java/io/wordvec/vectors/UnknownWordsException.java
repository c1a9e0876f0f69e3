package io.wordvec.vectors;

import java.util.List;

/** A query named words the model does not know. Lists every one of them, in query order. */
public final class UnknownWordsException extends IllegalArgumentException {

  private final List<String> words;

  public UnknownWordsException(List<String> words) {
    super("unknown word" + (words.size() == 1 ? "" : "s") + ": " + String.join(", ", words));
    this.words = List.copyOf(words);
  }

  /** The unknown words, in the order the query named them. */
  public List<String> words() {
    return words;
  }
}
