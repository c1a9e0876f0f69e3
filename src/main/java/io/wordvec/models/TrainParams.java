package io.wordvec.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wordvec.phrases.PhraseOptions;
import io.wordvec.phrases.PhraseScoring;
import io.wordvec.system.validation.IntRange;
import io.wordvec.system.validation.NumberRange;
import io.wordvec.train.Architecture;
import io.wordvec.train.Kernel;
import io.wordvec.train.LearningRateSchedule;
import io.wordvec.train.MethodDefaults;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.CharNgrams;
import jakarta.validation.constraints.Pattern;

/**
 * The settings of a training as the API names them: what a train job accepts in {@code params}
 * (every field optional: absent means the default) and what a model's summary says it was trained
 * with (every field present). The one set of names across the job API, the model summary and the
 * command line ({@code --dim}, {@code --min-count}, ...); the engine's {@link TrainingConfig} keeps
 * its own component names, which the native file format stores.
 *
 * <p>The ranges are the engine's ({@link TrainingConfig}'s constants); {@code threads} has a
 * configured upper bound that the job validation checks.
 *
 * @param sg skip-gram (true) or CBOW (false)
 * @param dim vector size
 * @param window maximum context distance
 * @param negative noise words per example
 * @param sample frequent-word subsampling threshold, 0 = off
 * @param minCount drop words seen fewer times
 * @param maxVocab keep at most this many most frequent words, 0 = no limit
 * @param epochs passes over the corpus
 * @param alpha initial learning rate (default 0.025 for skip-gram, 0.05 for CBOW)
 * @param minAlpha final learning rate, at most alpha; by default alpha/10 (skip-gram) or alpha/5
 *     (CBOW) for a word model's linear schedule, see {@link MethodDefaults#minAlpha}
 * @param threads training threads
 * @param seed seed of every random choice
 * @param noiseExponent exponent of the unigram noise distribution (default 0.75, word2vec's; 0.5,
 *     fastText's, for subword models)
 * @param maxSentenceLength longer sentences are split into chunks of this many tokens
 * @param maxWordBytes longer tokens are cut to this many UTF-8 bytes (and counted in the corpus
 *     statistics as truncatedTokens)
 * @param minn subwords (fastText's character n-grams): the shortest n-gram. Giving minn, maxn or
 *     bucket turns subwords on, with 3, 6 and 2,000,000 for those not given; absent in a summary of
 *     a model without subwords
 * @param maxn subwords: the longest n-gram; 0 turns them off
 * @param bucket subwords: the number of n-gram hash buckets (rows)
 * @param phrases phrase detection before training (word2phrase, gensim's Phrases): the number of
 *     passes, 0 or absent for none; 1 joins pairs ({@code new_york}), 2 also longer phrases
 * @param phraseMinCount phrase detection's min_count (default 5)
 * @param phraseThreshold a pair is a phrase when it scores above this (default 10, or 0.5 with
 *     npmi)
 * @param phraseScoring {@code default} (word2phrase's score) or {@code npmi}
 * @param schedule the learning-rate schedule: {@code linear} (word2vec.c's, the default) or {@code
 *     per-worker-sawtooth} (gensim's corpus_file mode)
 * @param kernel the update of one window: {@code pair} (word2vec.c's) or {@code batched} (HogBatch:
 *     a window's examples share one set of noise words); by default batched for skip-gram, pair for
 *     CBOW and subword models
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainParams(
    @Schema(example = "true") Boolean sg,
    @Schema(example = "100")
        @IntRange(min = TrainingConfig.MIN_DIMENSION, max = TrainingConfig.MAX_DIMENSION)
        Integer dim,
    @IntRange(min = TrainingConfig.MIN_WINDOW, max = TrainingConfig.MAX_WINDOW) Integer window,
    @IntRange(min = TrainingConfig.MIN_NEGATIVE, max = TrainingConfig.MAX_NEGATIVE)
        Integer negative,
    @NumberRange(min = TrainingConfig.MIN_SAMPLE, max = TrainingConfig.MAX_SAMPLE) Double sample,
    @IntRange(min = TrainingConfig.MIN_MIN_COUNT, max = Integer.MAX_VALUE) Integer minCount,
    @IntRange(min = TrainingConfig.MIN_MAX_VOCAB, max = Integer.MAX_VALUE) Integer maxVocab,
    @IntRange(min = TrainingConfig.MIN_EPOCHS, max = TrainingConfig.MAX_EPOCHS) Integer epochs,
    @NumberRange(
            min = TrainingConfig.MIN_ALPHA_EXCLUSIVE,
            max = TrainingConfig.MAX_ALPHA,
            minInclusive = false)
        Double alpha,
    @NumberRange(min = TrainingConfig.MIN_MIN_ALPHA, max = TrainingConfig.MAX_ALPHA)
        Double minAlpha,
    @IntRange(min = TrainingConfig.MIN_THREADS, max = Integer.MAX_VALUE) Integer threads,
    Long seed,
    @NumberRange(min = TrainingConfig.MIN_NOISE_EXPONENT, max = TrainingConfig.MAX_NOISE_EXPONENT)
        Double noiseExponent,
    @IntRange(
            min = TrainingConfig.MIN_MAX_SENTENCE_LENGTH,
            max = TrainingConfig.MAX_MAX_SENTENCE_LENGTH)
        Integer maxSentenceLength,
    @Schema(example = "100")
        @IntRange(min = TrainingConfig.MIN_MAX_WORD_BYTES, max = TrainingConfig.MAX_MAX_WORD_BYTES)
        Integer maxWordBytes,
    @Schema(
            description =
                "Subwords (character n-grams, as fastText): the shortest n-gram. minn, maxn or"
                    + " bucket turns them on (defaults 3, 6, 2000000); words the model never saw"
                    + " then get vectors",
            example = "3")
        @IntRange(min = TrainingConfig.MIN_MINN, max = TrainingConfig.MAX_MAXN)
        Integer minn,
    @Schema(description = "Subwords: the longest n-gram; 0 turns them off", example = "6")
        @IntRange(min = 0, max = TrainingConfig.MAX_MAXN)
        Integer maxn,
    @Schema(description = "Subwords: n-gram hash buckets (rows)", example = "2000000")
        @IntRange(min = TrainingConfig.MIN_BUCKET, max = TrainingConfig.MAX_BUCKET)
        Integer bucket,
    @Schema(
            description =
                "Phrase detection before training (word2phrase, gensim's Phrases): the number of"
                    + " passes, 0 for none. 1 joins pairs such as new_york, 2 also longer phrases;"
                    + " queries then join known phrases in their text",
            example = "1")
        @IntRange(min = 0, max = PhraseOptions.MAX_PASSES)
        Integer phrases,
    @Schema(description = "Phrases: gensim's min_count", example = "5")
        @IntRange(min = PhraseOptions.MIN_MIN_COUNT, max = Integer.MAX_VALUE)
        Integer phraseMinCount,
    @Schema(
            description =
                "Phrases: a pair is a phrase when it scores above this (default 10, or 0.5 with"
                    + " npmi, whose scores are in [-1, 1])",
            example = "10")
        Double phraseThreshold,
    @Schema(
            description = "Phrases: the score, default (word2phrase's) or npmi",
            allowableValues = {"default", "npmi"},
            example = "default")
        @Pattern(regexp = "default|npmi", message = "must be default or npmi")
        String phraseScoring,
    @Schema(
            description =
                "How the learning rate falls from alpha to minAlpha: linear (word2vec.c's and"
                    + " gensim's iterable mode: over the words of all workers and epochs) or"
                    + " per-worker-sawtooth (gensim's corpus_file mode: each worker decays by its"
                    + " own words over the whole epoch's, so within an epoch alpha falls only"
                    + " 1/threads of the way and jumps back at the next). A higher floor is linear"
                    + " with minAlpha raised",
            allowableValues = {
              LearningRateSchedule.LINEAR_ID,
              LearningRateSchedule.PER_WORKER_SAWTOOTH_ID
            },
            example = LearningRateSchedule.LINEAR_ID)
        @Pattern(
            regexp = LearningRateSchedule.ID_PATTERN,
            message = "must be " + LearningRateSchedule.ID_LIST)
        String schedule,
    @Schema(
            description =
                "The update of one window: pair (word2vec.c's: each example draws its own noise"
                    + " words) or batched (HogBatch: a skip-gram centre word's context words share"
                    + " one set of noise words and update as small matrix products; CBOW centre"
                    + " words train one after another against noise words shared by "
                    + Kernel.CBOW_BATCH
                    + " of them). Default: batched, pair for subword models, which batched does"
                    + " not train",
            allowableValues = {"pair", "batched"},
            example = "batched")
        @Pattern(regexp = "pair|batched", message = "must be pair or batched")
        String kernel) {

  /** Every setting of {@code config}, under the API's names. */
  public static TrainParams of(TrainingConfig config) {
    return new TrainParams(
        config.architecture() == Architecture.SKIP_GRAM,
        config.dimension(),
        config.window(),
        config.negative(),
        config.sample(),
        config.minCount(),
        config.maxVocab(),
        config.epochs(),
        config.alpha(),
        config.minAlpha(),
        config.threads(),
        config.seed(),
        config.noiseExponent(),
        config.maxSentenceLength(),
        config.maxWordBytes(),
        config.ngrams() == null ? null : config.minn(),
        config.ngrams() == null ? null : config.maxn(),
        config.ngrams() == null ? null : config.bucket(),
        config.phrases() == 0 ? null : config.phrases(),
        config.phrases() == 0 ? null : config.phraseMinCount(),
        config.phrases() == 0 ? null : config.phraseThreshold(),
        config.phrases() == 0 ? null : config.phraseScoring().id(),
        config.schedule().id(),
        config.kernel().id());
  }

  /**
   * The engine's config: the given settings over the defaults (the learning rates follow the
   * architecture unless given).
   *
   * @param threads the threads when the parameters do not say
   * @throws IllegalArgumentException if the result is not a valid config (e.g. minAlpha above
   *     alpha)
   */
  public TrainingConfig toConfig(int threads) {
    TrainingConfig.Builder b = TrainingConfig.builder().threads(threads);
    if (sg != null) {
      b.architecture(sg ? Architecture.SKIP_GRAM : Architecture.CBOW);
    }
    if (dim != null) {
      b.dimension(dim);
    }
    if (window != null) {
      b.window(window);
    }
    if (negative != null) {
      b.negative(negative);
    }
    if (sample != null) {
      b.sample(sample);
    }
    if (minCount != null) {
      b.minCount(minCount);
    }
    if (maxVocab != null) {
      b.maxVocab(maxVocab);
    }
    if (epochs != null) {
      b.epochs(epochs);
    }
    if (alpha != null) {
      b.alpha(alpha);
    }
    if (minAlpha != null) {
      b.minAlpha(minAlpha);
    }
    if (this.threads != null) {
      b.threads(this.threads);
    }
    if (seed != null) {
      b.seed(seed);
    }
    if (noiseExponent != null) {
      b.noiseExponent(noiseExponent);
    }
    if (maxSentenceLength != null) {
      b.maxSentenceLength(maxSentenceLength);
    }
    if (maxWordBytes != null) {
      b.maxWordBytes(maxWordBytes);
    }
    b.subwords(CharNgrams.fromOptions(minn, maxn, bucket));
    if (phrases != null) {
      b.phrases(phrases);
    }
    if (phraseMinCount != null) {
      b.phraseMinCount(phraseMinCount);
    }
    if (phraseScoring != null) {
      b.phraseScoring(PhraseScoring.of(phraseScoring));
    }
    if (phraseThreshold != null) {
      b.phraseThreshold(phraseThreshold);
    }
    if (schedule != null) {
      b.schedule(LearningRateSchedule.of(schedule));
    }
    if (kernel != null) {
      b.kernel(Kernel.of(kernel));
    }
    return b.build();
  }
}
