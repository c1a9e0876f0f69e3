package io.wordvec.eval;

import io.wordvec.vectors.WordVectors;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Word-pair similarity by gensim's protocol ({@code KeyedVectors.evaluate_word_pairs}): lines
 * {@code word1<TAB>word2<TAB>score}, {@code #} comments and malformed lines ignored, pairs with a
 * word outside the evaluated vocabulary skipped and counted; the model's cosine similarities are
 * compared with the human scores by Spearman's rho (tied values get average ranks) and Pearson's r.
 * Case-insensitive lookups fold to upper case, the first case variant standing for all.
 */
public final class WordPairEvaluator {

  private WordPairEvaluator() {}

  /** Evaluates with the whole vocabulary, case-insensitive. */
  public static WordPairResult evaluate(WordVectors vectors, BufferedReader pairs, String source)
      throws IOException {
    return evaluate(vectors, pairs, source, 0, true);
  }

  /**
   * Evaluates {@code vectors} on a pair file.
   *
   * @param restrictVocab how many of the most frequent words take part; 0 = all
   */
  public static WordPairResult evaluate(
      WordVectors vectors,
      BufferedReader pairs,
      String source,
      int restrictVocab,
      boolean caseInsensitive)
      throws IOException {
    EvaluationVocabulary vocab = new EvaluationVocabulary(vectors, restrictVocab, caseInsensitive);
    DoubleArrayList gold = new DoubleArrayList();
    DoubleArrayList model = new DoubleArrayList();
    int oov = 0;
    String line;
    while ((line = pairs.readLine()) != null) {
      ScoredPair pair = ScoredPair.parse(line);
      if (pair == null) {
        continue;
      }
      double score = pair.score();
      int a = vocab.id(vocab.key(pair.first()));
      int b = vocab.id(vocab.key(pair.second()));
      if (a < 0 || b < 0) {
        oov++;
        continue;
      }
      gold.add(score);
      model.add(vectors.similarity(a, b));
    }
    double[] g = gold.toDoubleArray();
    double[] m = model.toDoubleArray();
    return new WordPairResult(
        source, Correlation.spearman(g, m), Correlation.pearson(g, m), g.length, oov);
  }
}
