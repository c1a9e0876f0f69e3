package io.wordvec.train;

import io.wordvec.vocab.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Trains word2vec models (skip-gram or CBOW with negative sampling) from a corpus file, and
 * fine-tunes existing models on new text.
 *
 * <p>The corpus is read once: the vocabulary pass also encodes it to word ids in a temporary file
 * that the epochs read back, so the text is never parsed twice. Training runs on {@code
 * config.threads()} lock-free worker threads; the calling thread reports progress to the listener
 * (a few times per second, plus once per epoch) and returns when the model is complete. With one
 * thread and a fixed seed the result is bit-identical from run to run.
 *
 * <p>Thread-safe: every call is independent.
 */
public final class Trainer {

  private Trainer() {}

  /**
   * Trains a model from scratch on a pre-tokenised corpus (whitespace-separated tokens, one
   * sentence per line).
   *
   * @param corpus a text file, one sentence per line, plain or gzip
   * @throws TrainingCancelledException if {@code cancellation} was cancelled
   * @throws IllegalArgumentException on a bad config or a corpus with no usable word
   * @throws IOException if the corpus cannot be read or is not valid UTF-8
   */
  public static TrainedModel train(
      Path corpus, TrainingConfig config, TrainingListener listener, CancellationToken cancellation)
      throws IOException {
    return train(corpus, config, Tokenizer.whitespace(), listener, cancellation);
  }

  /**
   * Trains a model from scratch, splitting each line with {@code tokenizer} ({@link
   * Tokenizer#normalizing()} for raw text).
   *
   * @see #train(Path, TrainingConfig, TrainingListener, CancellationToken)
   */
  public static TrainedModel train(
      Path corpus,
      TrainingConfig config,
      Tokenizer tokenizer,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(tokenizer, "tokenizer");
    return TrainingRun.train(
        corpus,
        config,
        tokenizer,
        listener == null ? TrainingListener.NONE : listener,
        cancellation == null ? new CancellationToken() : cancellation);
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
