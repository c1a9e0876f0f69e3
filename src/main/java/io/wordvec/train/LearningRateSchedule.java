package io.wordvec.train;

import java.util.Arrays;
import java.util.List;

/**
 * How the learning rate falls from {@code alpha} to {@code minAlpha} during a run.
 *
 * <p>There is no separate "linear decay to a higher floor": that is {@link #LINEAR} with {@code
 * minAlpha} raised (for instance {@code minAlpha 0.0025}, the rate gensim's {@code corpus_file}
 * mode ends near with 2 workers and 5 epochs).
 */
public enum LearningRateSchedule {

  /**
   * word2vec.c's and gensim's iterable mode: alpha decays linearly with the words processed by all
   * workers together, from {@code alpha} at the first word to {@code minAlpha} at the last word of
   * the last epoch.
   */
  LINEAR(LearningRateSchedule.LINEAR_ID),

  /**
   * gensim's {@code corpus_file} mode, for users who need to reproduce its models. Each of W
   * workers reads its own share of the corpus and measures its progress as its own words over the
   * whole corpus' words, so within one epoch alpha decays only 1/W of the epoch's step, then jumps
   * back at the next epoch to where a linear schedule would be at that epoch's start: in epoch e
   * (from 1) of E, a worker that has read w of the corpus' N words trains with {@code alpha -
   * (alpha - minAlpha) * ((e - 1) + w / N) / E}, never below {@code minAlpha}. With 2 workers and 5
   * epochs the run ends near {@code alpha / 10}, not {@code minAlpha}.
   *
   * <p>gensim counts a worker's progress in sentences when it knows the corpus' sentence count (as
   * when the model is built with {@code corpus_file}) and in words otherwise; this counts words,
   * which agree with sentences unless sentence lengths drift along the corpus.
   */
  PER_WORKER_SAWTOOTH(LearningRateSchedule.PER_WORKER_SAWTOOTH_ID);

  /** {@link #LINEAR}'s id, a constant for annotations. */
  public static final String LINEAR_ID = "linear";

  /** {@link #PER_WORKER_SAWTOOTH}'s id, a constant for annotations. */
  public static final String PER_WORKER_SAWTOOTH_ID = "per-worker-sawtooth";

  /** A regular expression matching exactly the ids, for request validation. */
  public static final String ID_PATTERN = LINEAR_ID + "|" + PER_WORKER_SAWTOOTH_ID;

  /** The ids as a message lists them. */
  public static final String ID_LIST = LINEAR_ID + " or " + PER_WORKER_SAWTOOTH_ID;

  /** The schedule of a config that does not say. */
  public static final LearningRateSchedule DEFAULT = LINEAR;

  private final String id;

  LearningRateSchedule(String id) {
    this.id = id;
  }

  /** The name used in options, requests and summaries: {@code linear}, ... */
  public String id() {
    return id;
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(LearningRateSchedule::id).toList();
  }

  /**
   * The schedule named {@code id}, ignoring case.
   *
   * @throws IllegalArgumentException for any other name, listing the allowed ones
   */
  public static LearningRateSchedule of(String id) {
    for (LearningRateSchedule schedule : values()) {
      if (schedule.id.equalsIgnoreCase(id)) {
        return schedule;
      }
    }
    throw new IllegalArgumentException("schedule must be " + ID_LIST + ", was " + id);
  }
}
