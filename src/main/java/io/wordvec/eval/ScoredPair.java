package io.wordvec.eval;

/**
 * One line of a word-pair similarity file (WordSim-353's format: {@code word1 TAB word2 TAB
 * score}), as every pair evaluation reads it.
 */
record ScoredPair(String first, String second, double score) {

  /**
   * The pair on {@code line}, or null for a comment ({@code #...}), a line without exactly three
   * tab-separated fields, or a score that is not a number: such lines are skipped, as gensim's
   * {@code evaluate_word_pairs} skips them.
   */
  static ScoredPair parse(String line) {
    if (line.startsWith("#")) {
      return null;
    }
    String[] parts = line.split("\t", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      return new ScoredPair(parts[0], parts[1], Double.parseDouble(parts[2].strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
