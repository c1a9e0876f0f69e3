package io.wordvec.eval;

import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.WordVectors;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a subword model does with the evaluation questions the reference protocol skips because a
 * word is outside the evaluated vocabulary: such a word takes its n-gram vector ({@link
 * SubwordQueries}), and the question is answered as the protocol answers the others.
 *
 * <ul>
 *   <li>Analogies ({@link #analogies}): a question with a, b or c outside the vocabulary is
 *       answered by 3CosAdd over the evaluated vocabulary; one whose expected answer d is outside
 *       it cannot be answered by a search of the vocabulary and stays skipped.
 *   <li>Word pairs ({@link #pairs}): a pair with an unknown word is scored by the cosine of the two
 *       words' vectors, and Spearman's rho is reported over those pairs alone and over every pair.
 * </ul>
 *
 * <p>A word outside the evaluated vocabulary takes its own row when the model has one (a word
 * beyond {@code restrictVocab}), else the n-gram vector of its lower-case form when the evaluation
 * is case-insensitive (the protocol's comparison is, and a corpus is usually lower-cased).
 */
public final class OovEvaluation {

  private static final int CANDIDATES = 5;

  private OovEvaluation() {}

  /**
   * Analogy questions the protocol skips, answered from n-grams.
   *
   * @param skipped questions with a word outside the evaluated vocabulary
   * @param answerable those of them whose expected answer is in the vocabulary (a, b or c from
   *     n-grams), which were answered
   * @param correct correct answers among them
   */
  public record AnalogyOov(int skipped, int answerable, int correct) {

    /** {@code correct / answerable}, NaN when nothing was answerable. */
    public double accuracy() {
      return answerable == 0 ? Double.NaN : (double) correct / answerable;
    }
  }

  /**
   * Word pairs the protocol skips, scored from n-grams.
   *
   * @param oovPairs pairs with a word outside the evaluated vocabulary, all scored
   * @param oovSpearman Spearman's rho over those pairs alone
   * @param allPairs every pair of the set
   * @param allSpearman Spearman's rho over every pair (in-vocabulary ones scored as before)
   */
  public record PairsOov(int oovPairs, double oovSpearman, int allPairs, double allSpearman) {}

  /**
   * Answers the analogy questions that {@link AnalogyEvaluator} skips.
   *
   * @throws IllegalArgumentException if the vectors have no n-gram rows
   */
  public static AnalogyOov analogies(
      WordVectors vectors, BufferedReader questions, int restrictVocab, boolean caseInsensitive)
      throws IOException {
    requireSubwords(vectors);
    EvaluationVocabulary vocab = new EvaluationVocabulary(vectors, restrictVocab, caseInsensitive);
    SubwordQueries queries = new SubwordQueries(vectors, true);
    int skipped = 0;
    int answerable = 0;
    int correct = 0;
    String line;
    while ((line = questions.readLine()) != null) {
      if (line.startsWith(":")) {
        continue;
      }
      String[] words = line.strip().split("\\s+");
      if (words.length != 4 || words[0].isEmpty()) {
        continue;
      }
      String[] keys = new String[4];
      int[] ids = new int[4];
      boolean missing = false;
      for (int i = 0; i < 4; i++) {
        keys[i] = vocab.key(words[i]);
        ids[i] = vocab.id(keys[i]);
        missing |= ids[i] < 0;
      }
      if (!missing) {
        continue;
      }
      skipped++;
      if (ids[3] < 0) {
        continue;
      }
      SubwordQueries.Term[] terms = new SubwordQueries.Term[3];
      boolean noVector = false;
      for (int i = 0; i < 3; i++) {
        terms[i] = term(vectors, queries, words[i], ids[i], caseInsensitive);
        noVector |= terms[i] == null;
      }
      if (noVector) {
        continue;
      }
      answerable++;
      List<Neighbor> answers =
          queries
              .mostSimilar(
                  List.of(terms[1], terms[2]),
                  List.of(terms[0]),
                  CANDIDATES,
                  vocab.size(),
                  SearchOptions.EXACT)
              .neighbors();
      Set<String> ignore = new HashSet<>(List.of(keys[0], keys[1], keys[2]));
      String predicted = null;
      for (Neighbor n : answers) {
        predicted = vocab.key(n.word());
        if (vocab.id(predicted) >= 0 && !ignore.contains(predicted)) {
          break;
        }
      }
      if (keys[3].equals(predicted)) {
        correct++;
      }
    }
    return new AnalogyOov(skipped, answerable, correct);
  }

  /**
   * Scores the word pairs that {@link WordPairEvaluator} skips.
   *
   * @throws IllegalArgumentException if the vectors have no n-gram rows
   */
  public static PairsOov pairs(
      WordVectors vectors, BufferedReader pairs, int restrictVocab, boolean caseInsensitive)
      throws IOException {
    requireSubwords(vectors);
    EvaluationVocabulary vocab = new EvaluationVocabulary(vectors, restrictVocab, caseInsensitive);
    SubwordQueries queries = new SubwordQueries(vectors, true);
    DoubleArrayList oovGold = new DoubleArrayList();
    DoubleArrayList oovModel = new DoubleArrayList();
    DoubleArrayList allGold = new DoubleArrayList();
    DoubleArrayList allModel = new DoubleArrayList();
    String line;
    while ((line = pairs.readLine()) != null) {
      ScoredPair pair = ScoredPair.parse(line);
      if (pair == null) {
        continue;
      }
      double score = pair.score();
      int a = vocab.id(vocab.key(pair.first()));
      int b = vocab.id(vocab.key(pair.second()));
      SubwordQueries.Term ta = term(vectors, queries, pair.first(), a, caseInsensitive);
      SubwordQueries.Term tb = term(vectors, queries, pair.second(), b, caseInsensitive);
      if (ta == null || tb == null) {
        continue;
      }
      double cosine = queries.similarity(ta, tb);
      allGold.add(score);
      allModel.add(cosine);
      if (a < 0 || b < 0) {
        oovGold.add(score);
        oovModel.add(cosine);
      }
    }
    return new PairsOov(
        oovGold.size(),
        Correlation.spearman(oovGold.toDoubleArray(), oovModel.toDoubleArray()),
        allGold.size(),
        Correlation.spearman(allGold.toDoubleArray(), allModel.toDoubleArray()));
  }

  /**
   * A word of the evaluated vocabulary by id; else the word's own row if the model has one (beyond
   * {@code restrictVocab}); else its n-gram vector; null when it has none.
   */
  private static SubwordQueries.Term term(
      WordVectors vectors, SubwordQueries queries, String word, int id, boolean caseInsensitive) {
    if (id >= 0) {
      return new SubwordQueries.Term(vectors.vocabulary().word(id), id, null);
    }
    String form = caseInsensitive ? word.toLowerCase(Locale.ROOT) : word;
    int own = vectors.vocabulary().id(form);
    if (own >= 0) {
      return new SubwordQueries.Term(form, own, null);
    }
    return vectors.ngramVector(form).map(v -> new SubwordQueries.Term(form, -1, v)).orElse(null);
  }

  private static void requireSubwords(WordVectors vectors) {
    if (vectors.subwords().isEmpty()) {
      throw new IllegalArgumentException("the model has no n-gram rows to answer unknown words");
    }
  }
}
