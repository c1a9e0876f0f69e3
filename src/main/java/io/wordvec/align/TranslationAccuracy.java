package io.wordvec.align;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Precision at 1 of a {@link Translator} on a test dictionary: the share of its pairs whose source
 * word's best translation is the pair's target word (MUSE's P@1 when each source word has one
 * translation). Pairs are translated in parallel, on the common fork-join pool.
 */
public final class TranslationAccuracy {

  private TranslationAccuracy() {}

  /**
   * @param correct pairs translated right
   * @param total pairs tested
   */
  public record Result(int correct, int total) {

    /** {@code correct / total}, 0 for an empty test. */
    public double precision() {
      return total == 0 ? 0 : (double) correct / total;
    }
  }

  /** P@1 of {@code translator} with {@code criterion} over the pairs of {@code test}. */
  public static Result precisionAtOne(Translator translator, Dictionary test, Criterion criterion) {
    AtomicInteger correct = new AtomicInteger();
    IntStream.range(0, test.size())
        .parallel()
        .forEach(
            i -> {
              var best = translator.translate(test.sourceId(i), 1, criterion);
              if (!best.isEmpty() && best.get(0).id() == test.targetId(i)) {
                correct.incrementAndGet();
              }
            });
    return new Result(correct.get(), test.size());
  }
}
