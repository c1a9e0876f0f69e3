package io.wordvec.train;

import java.io.IOException;

/**
 * Computes word2vec models: the seam between whoever asks for a model (a CLI command, a service
 * job) and whatever trains it. {@link LocalTrainingEngine} trains in this JVM on worker threads;
 * other implementations may train elsewhere (another process, a cluster) as long as they keep this
 * contract:
 *
 * <ul>
 *   <li>progress and epoch losses go to the request's {@link TrainingListener};
 *   <li>a cancelled {@link CancellationToken} ends the call with {@link TrainingCancelledException}
 *       soon after, and no model;
 *   <li>the same request with one thread and the same seed gives the same model;
 *   <li>inputs are not modified (a fine-tuned model has arrays of its own).
 * </ul>
 *
 * <p>Implementations are thread-safe: every call is an independent run.
 */
public interface TrainingEngine {

  /**
   * Trains a model from scratch.
   *
   * @throws TrainingCancelledException if the request's token was cancelled
   * @throws IllegalArgumentException on a bad config or a corpus with no usable word
   * @throws IOException if the corpus cannot be read or is not valid UTF-8
   */
  TrainedModel train(TrainingRequest request) throws IOException;

  /**
   * Continues training a base model on a new corpus, adding the corpus' new frequent words.
   *
   * <p>Training starts from the base model's full state: input and output vectors and counts. Words
   * of the new corpus that are not in the base vocabulary and occur at least {@code
   * options.minCount()} times are appended after the base words (base ids are kept), with input
   * vectors initialised as in a fresh training and output vectors at zero. The noise distribution
   * uses the base counts plus the new corpus' counts; subsampling uses the new corpus' counts.
   * Updates to the input vectors of base words are scaled by {@code options.lockFactor()} (0
   * freezes them, as gensim's {@code vectors_lockf}); output vectors always train.
   *
   * @throws TrainingCancelledException if the request's token was cancelled
   * @throws IllegalArgumentException on bad options or a corpus with no usable word
   * @throws IOException if the corpus cannot be read or is not valid UTF-8
   */
  TrainedModel fineTune(FineTuneRequest request) throws IOException;
}
