package io.wordvec.eval;

import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Analogy accuracy by gensim's protocol ({@code KeyedVectors.evaluate_word_analogies}), reproduced
 * step by step so the figures match gensim's to the last question:
 *
 * <ul>
 *   <li>only the first {@code restrictVocab} words of the model take part (30,000 by default), and
 *       when case-insensitive every word is compared in upper case, the first (most frequent) of
 *       several case variants standing for all;
 *   <li>{@code ": name"} lines start sections; lines without exactly four words are ignored;
 *       questions with a word outside the evaluated vocabulary are skipped and counted;
 *   <li>for "a is to b as c is to d" the five best answers to {@code b + c - a} over the evaluated
 *       vocabulary are taken, query words excluded by id; the first whose folded form is not one of
 *       a, b, c is the prediction (so a case variant of a query word is passed over).
 * </ul>
 *
 * <p>{@link AnalogyMethod#COSMUL} runs the same protocol with 3CosMul (which gensim's evaluator,
 * despite its {@code similarity_function} parameter, does not do).
 *
 * <p>Always by the exact scan, even on vectors served with an approximate index: an accuracy is
 * only comparable with gensim's when every answer is the true best one.
 */
public final class AnalogyEvaluator {

  /** The restriction of the reference protocol: the 30,000 most frequent words. */
  public static final int DEFAULT_RESTRICT_VOCAB = 30_000;

  /** How many answers are looked at per question, as in gensim. */
  private static final int CANDIDATES = 5;

  private AnalogyEvaluator() {}

  /** Evaluates with the reference protocol: 3CosAdd, 30,000 words, case-insensitive. */
  public static AnalogyResult evaluate(WordVectors vectors, BufferedReader questions, String source)
      throws IOException {
    return evaluate(vectors, questions, source, AnalogyMethod.COSADD, DEFAULT_RESTRICT_VOCAB, true);
  }

  /**
   * Evaluates {@code vectors} on a question file.
   *
   * @param questions the question file's lines ({@code ": section"} headers, then {@code a b c d})
   * @param source a name for the result (e.g. the file name)
   * @param restrictVocab how many of the most frequent words take part; 0 = all
   * @throws IllegalArgumentException if a question comes before any section header
   */
  public static AnalogyResult evaluate(
      WordVectors vectors,
      BufferedReader questions,
      String source,
      AnalogyMethod method,
      int restrictVocab,
      boolean caseInsensitive)
      throws IOException {
    Objects.requireNonNull(method, "method");
    EvaluationVocabulary vocab = new EvaluationVocabulary(vectors, restrictVocab, caseInsensitive);
    List<SectionScore> sections = new ArrayList<>();
    String section = null;
    int correct = 0;
    int incorrect = 0;
    int skipped = 0;
    String line;
    int lineNo = 0;
    while ((line = questions.readLine()) != null) {
      lineNo++;
      if (line.startsWith(": ")) {
        if (section != null) {
          sections.add(new SectionScore(section, correct, incorrect, skipped));
        }
        section = stripLeading(line).strip();
        correct = 0;
        incorrect = 0;
        skipped = 0;
        continue;
      }
      if (section == null) {
        throw new IllegalArgumentException(
            source + ": line " + lineNo + " comes before the first ': section' header");
      }
      String[] words = line.strip().split("\\s+");
      if (words.length != 4 || words[0].isEmpty()) {
        continue;
      }
      String a = vocab.key(words[0]);
      String b = vocab.key(words[1]);
      String c = vocab.key(words[2]);
      String expected = vocab.key(words[3]);
      int ia = vocab.id(a);
      int ib = vocab.id(b);
      int ic = vocab.id(c);
      if (ia < 0 || ib < 0 || ic < 0 || vocab.id(expected) < 0) {
        skipped++;
        continue;
      }
      int[] positive = {ib, ic};
      int[] negative = {ia};
      List<Neighbor> answers =
          method == AnalogyMethod.COSMUL
              ? vectors
                  .mostSimilarCosMulIds(
                      positive, negative, CANDIDATES, vocab.size(), SearchOptions.EXACT)
                  .neighbors()
              : vectors
                  .mostSimilarIds(positive, negative, CANDIDATES, vocab.size(), SearchOptions.EXACT)
                  .neighbors();
      Set<String> ignore = new HashSet<>(List.of(a, b, c));
      String predicted = null;
      for (Neighbor n : answers) {
        predicted = vocab.key(n.word());
        if (vocab.id(predicted) >= 0 && !ignore.contains(predicted)) {
          break;
        }
      }
      if (expected.equals(predicted)) {
        correct++;
      } else {
        incorrect++;
      }
    }
    if (section != null) {
      sections.add(new SectionScore(section, correct, incorrect, skipped));
    }
    return new AnalogyResult(source, method, vocab.size(), sections);
  }

  /** Python's {@code lstrip(': ')}: drops every leading ':' and ' '. */
  private static String stripLeading(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ':' || line.charAt(i) == ' ')) {
      i++;
    }
    return line.substring(i);
  }
}
