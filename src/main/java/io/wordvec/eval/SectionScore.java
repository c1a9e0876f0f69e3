package io.wordvec.eval;

/**
 * Analogy results of one section (or of a group of sections).
 *
 * @param name the section name as the question file gives it (e.g. {@code
 *     capital-common-countries})
 * @param correct questions answered correctly
 * @param incorrect questions answered wrongly
 * @param skipped questions not asked because a word was outside the evaluated vocabulary
 */
public record SectionScore(String name, int correct, int incorrect, int skipped) {

  /** Questions asked: {@code correct + incorrect}. */
  public int seen() {
    return correct + incorrect;
  }

  /** Questions in the file for this section: asked plus skipped. */
  public int questions() {
    return seen() + skipped;
  }

  /** {@code correct / seen}, or 0 when nothing was asked (as gensim reports it). */
  public double accuracy() {
    return seen() == 0 ? 0 : (double) correct / seen();
  }

  /** Share of the questions that could be asked, 0 when the section is empty. */
  public double coverage() {
    return questions() == 0 ? 0 : (double) seen() / questions();
  }

  /** Whether gensim's convention calls the section syntactic: its name starts with "gram". */
  public boolean syntactic() {
    return name.startsWith("gram");
  }

  SectionScore plus(SectionScore other, String newName) {
    return new SectionScore(
        newName, correct + other.correct, incorrect + other.incorrect, skipped + other.skipped);
  }
}
