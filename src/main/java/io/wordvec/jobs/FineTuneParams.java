package io.wordvec.jobs;

import io.wordvec.phrases.PhraseOptions;
import io.wordvec.phrases.PhraseScoring;
import io.wordvec.system.validation.IntRange;
import io.wordvec.system.validation.NumberRange;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.LearningRateSchedule;
import io.wordvec.train.TrainingConfig;
import jakarta.validation.constraints.Pattern;

/**
 * What a fine-tune job accepts in {@code params}, under the API's names; every field optional
 * (absent means the default of {@link FineTuneOptions}). Architecture, dimension, window, negative
 * and sample come from the base model and are not accepted here.
 *
 * @param epochs passes over the new corpus
 * @param alpha initial learning rate
 * @param minAlpha final learning rate, at most alpha
 * @param minCount new words need this many occurrences to join the vocabulary
 * @param lockFactor scale of updates to the base model's vectors: 0 frozen, 1 free
 * @param threads training threads
 * @param seed seed of every random choice
 * @param phrases phrase detection on the new corpus: passes (absent: as the base model was trained)
 * @param phraseMinCount phrases: gensim's min_count (default 5)
 * @param phraseThreshold phrases: the score a pair must exceed (default 10, or 0.5 with npmi)
 * @param phraseScoring phrases: {@code default} or {@code npmi}
 * @param schedule the learning-rate schedule, {@code linear} or {@code per-worker-sawtooth}
 *     (absent: as the base model was trained)
 */
record FineTuneParams(
    @IntRange(min = TrainingConfig.MIN_EPOCHS, max = TrainingConfig.MAX_EPOCHS) Integer epochs,
    @NumberRange(
            min = TrainingConfig.MIN_ALPHA_EXCLUSIVE,
            max = TrainingConfig.MAX_ALPHA,
            minInclusive = false)
        Double alpha,
    @NumberRange(min = TrainingConfig.MIN_MIN_ALPHA, max = TrainingConfig.MAX_ALPHA)
        Double minAlpha,
    @IntRange(min = TrainingConfig.MIN_MIN_COUNT, max = Integer.MAX_VALUE) Integer minCount,
    @NumberRange(min = FineTuneOptions.MIN_LOCK_FACTOR, max = FineTuneOptions.MAX_LOCK_FACTOR)
        Double lockFactor,
    @IntRange(min = TrainingConfig.MIN_THREADS, max = Integer.MAX_VALUE) Integer threads,
    Long seed,
    @IntRange(min = PhraseOptions.MIN_PASSES, max = PhraseOptions.MAX_PASSES) Integer phrases,
    @IntRange(min = PhraseOptions.MIN_MIN_COUNT, max = Integer.MAX_VALUE) Integer phraseMinCount,
    Double phraseThreshold,
    @Pattern(regexp = "default|npmi", message = "must be default or npmi") String phraseScoring,
    @Pattern(
            regexp = LearningRateSchedule.ID_PATTERN,
            message = "must be " + LearningRateSchedule.ID_LIST)
        String schedule) {

  /** Every option of {@code options}, under the API's names. */
  static FineTuneParams of(FineTuneOptions options) {
    return new FineTuneParams(
        options.epochs(),
        options.alpha(),
        options.minAlpha(),
        options.minCount(),
        options.lockFactor(),
        options.threads(),
        options.seed(),
        options.phrases() == null ? null : options.phrases().passes(),
        options.phrases() == null ? null : options.phrases().minCount(),
        options.phrases() == null ? null : options.phrases().threshold(),
        options.phrases() == null ? null : options.phrases().scoring().id(),
        options.schedule() == null ? null : options.schedule().id());
  }

  /**
   * The engine's options: the given ones over the defaults.
   *
   * @param threads the threads when the parameters do not say
   * @throws IllegalArgumentException if the result is not valid (e.g. minAlpha above alpha)
   */
  FineTuneOptions toOptions(int threads) {
    FineTuneOptions.Builder b = FineTuneOptions.builder().threads(threads);
    if (epochs != null) {
      b.epochs(epochs);
    }
    if (alpha != null) {
      b.alpha(alpha);
    }
    if (minAlpha != null) {
      b.minAlpha(minAlpha);
    }
    if (minCount != null) {
      b.minCount(minCount);
    }
    if (lockFactor != null) {
      b.lockFactor(lockFactor);
    }
    if (this.threads != null) {
      b.threads(this.threads);
    }
    if (seed != null) {
      b.seed(seed);
    }
    if (phrases != null) {
      b.phrases(
          PhraseOptions.of(
              phrases,
              phraseMinCount,
              phraseThreshold,
              phraseScoring == null ? null : PhraseScoring.of(phraseScoring)));
    } else if (phraseMinCount != null || phraseThreshold != null || phraseScoring != null) {
      throw new IllegalArgumentException(
          "phraseMinCount, phraseThreshold and phraseScoring need phrases (the number of passes)");
    }
    if (schedule != null) {
      b.schedule(LearningRateSchedule.of(schedule));
    }
    return b.build().validate();
  }
}
