package io.wordvec.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Trains word2vec models (skip-gram or CBOW with negative sampling) from a corpus file, and
 * fine-tunes existing models on new text.
 */
public final class Trainer {

  private Trainer() {}

  /**
   * Trains a model from scratch.
   *
   * @param corpus a text file, one sentence per line, plain or gzip
   * @throws TrainingCancelledException if {@code cancellation} was cancelled
   * @throws IllegalArgumentException on a bad config or a corpus with no usable word
   * @throws IOException if the corpus cannot be read
   */
  public static TrainedModel train(
      Path corpus, TrainingConfig config, TrainingListener listener, CancellationToken cancellation)
      throws IOException {
    throw new UnsupportedOperationException("training is not implemented yet");
  }

  /**
   * Continues training {@code base} on a new corpus, adding its new frequent words to the
   * vocabulary.
   */
  public static TrainedModel fineTune(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    throw new UnsupportedOperationException("fine-tuning is not implemented yet");
  }
}
