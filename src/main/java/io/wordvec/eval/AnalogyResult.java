package io.wordvec.eval;

import io.wordvec.vectors.AnalogyMethod;
import java.util.List;

/**
 * The outcome of an analogy evaluation.
 *
 * @param source name of the question set
 * @param method how answers were found
 * @param restrictVocab how many of the most frequent words were searched and allowed in questions
 * @param sections per-section scores in file order
 */
public record AnalogyResult(
    String source, AnalogyMethod method, int restrictVocab, List<SectionScore> sections) {

  public AnalogyResult {
    sections = List.copyOf(sections);
  }

  /** All sections together (gensim's "Total accuracy"). */
  public SectionScore total() {
    return sum("total", false, false);
  }

  /** Sections whose names do not start with "gram". */
  public SectionScore semantic() {
    return sum("semantic", true, false);
  }

  /** Sections whose names start with "gram". */
  public SectionScore syntactic() {
    return sum("syntactic", true, true);
  }

  private SectionScore sum(String name, boolean filter, boolean syntactic) {
    SectionScore acc = new SectionScore(name, 0, 0, 0);
    for (SectionScore s : sections) {
      if (!filter || s.syntactic() == syntactic) {
        acc = acc.plus(s, name);
      }
    }
    return acc;
  }

  /** Overall accuracy over the questions asked. */
  public double accuracy() {
    return total().accuracy();
  }

  /** Share of all questions that were asked (no word outside the evaluated vocabulary). */
  public double coverage() {
    return total().coverage();
  }
}
