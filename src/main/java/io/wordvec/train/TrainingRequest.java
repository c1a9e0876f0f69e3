package io.wordvec.train;

import io.wordvec.vocab.Tokenizer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link TrainingEngine} needs to train a model from scratch.
 *
 * @param corpus a text file, one sentence per line, plain or gzip
 * @param config the training settings
 * @param tokenizer how to split a line; null means {@link Tokenizer#whitespace()} (a pre-tokenised
 *     corpus)
 * @param listener receives progress and epoch losses; null means {@link TrainingListener#NONE}
 * @param cancellation stops the run when cancelled; null means a token nobody cancels
 * @param workDirectory a directory the run owns, for its encoded corpus and a checkpoint after
 *     every epoch; a run that finds a checkpoint of the same request there continues after it. Null
 *     means no checkpoints (and the system's temporary directory)
 */
public record TrainingRequest(
    Path corpus,
    TrainingConfig config,
    Tokenizer tokenizer,
    TrainingListener listener,
    CancellationToken cancellation,
    Path workDirectory) {

  public TrainingRequest {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(config, "config");
    tokenizer = tokenizer == null ? Tokenizer.whitespace() : tokenizer;
    listener = listener == null ? TrainingListener.NONE : listener;
    cancellation = cancellation == null ? new CancellationToken() : cancellation;
  }

  /** No work directory: no checkpoints. */
  public TrainingRequest(
      Path corpus,
      TrainingConfig config,
      Tokenizer tokenizer,
      TrainingListener listener,
      CancellationToken cancellation) {
    this(corpus, config, tokenizer, listener, cancellation, null);
  }

  /** A pre-tokenised corpus, no listener, no cancellation. */
  public TrainingRequest(Path corpus, TrainingConfig config) {
    this(corpus, config, null, null, null);
  }

  /** This request with a work directory for its checkpoints. */
  public TrainingRequest withWorkDirectory(Path directory) {
    return new TrainingRequest(corpus, config, tokenizer, listener, cancellation, directory);
  }

  /** A pre-tokenised corpus. */
  public TrainingRequest(
      Path corpus,
      TrainingConfig config,
      TrainingListener listener,
      CancellationToken cancellation) {
    this(corpus, config, null, listener, cancellation);
  }
}
