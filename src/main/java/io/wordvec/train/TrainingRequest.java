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
 */
public record TrainingRequest(
    Path corpus,
    TrainingConfig config,
    Tokenizer tokenizer,
    TrainingListener listener,
    CancellationToken cancellation) {

  public TrainingRequest {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(config, "config");
    tokenizer = tokenizer == null ? Tokenizer.whitespace() : tokenizer;
    listener = listener == null ? TrainingListener.NONE : listener;
    cancellation = cancellation == null ? new CancellationToken() : cancellation;
  }

  /** A pre-tokenised corpus, no listener, no cancellation. */
  public TrainingRequest(Path corpus, TrainingConfig config) {
    this(corpus, config, null, null, null);
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
