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
   * Continues training {@code base} on a new, pre-tokenised corpus, adding its new frequent words
   * to the vocabulary.
   *
   * <p>Training starts from the base model's full state: input and output vectors and counts. Words
   * of the new corpus that are not in the base vocabulary and occur at least {@code
   * options.minCount()} times are appended after the base words (base ids are kept), with input
   * vectors initialised as in a fresh training and output vectors at zero. The noise distribution
   * uses the base counts plus the new corpus' counts; subsampling uses the new corpus' counts.
   * Updates to the input vectors of base words are scaled by {@code options.lockFactor()} (0
   * freezes them, as gensim's {@code vectors_lockf}); output vectors always train. Architecture,
   * dimension, window, negative, sample and noise exponent come from the base model.
   *
   * <p>{@code base} is not modified: the result has its own arrays.
   *
   * @throws TrainingCancelledException if {@code cancellation} was cancelled
   * @throws IllegalArgumentException on bad options or a corpus with no usable word
   * @throws IOException if the corpus cannot be read or is not valid UTF-8
   */
  public static TrainedModel fineTune(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    return fineTune(base, corpus, options, Tokenizer.whitespace(), listener, cancellation);
  }

  /**
   * Fine-tunes on a corpus split with {@code tokenizer}.
   *
   * @see #fineTune(TrainedModel, Path, FineTuneOptions, TrainingListener, CancellationToken)
   */
  public static TrainedModel fineTune(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      Tokenizer tokenizer,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(tokenizer, "tokenizer");
    return TrainingRun.fineTune(
        base,
        corpus,
        options,
        tokenizer,
        listener == null ? TrainingListener.NONE : listener,
        cancellation == null ? new CancellationToken() : cancellation);
  }
}
