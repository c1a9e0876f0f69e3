package io.wordvec.jobs;

import io.wordvec.train.CancellationToken;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.Trainer;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** The engine's {@link Trainer}. */
@Component
class TrainerEngine implements TrainingEngine {

  @Override
  public TrainedModel train(
      Path corpus, TrainingConfig config, TrainingListener listener, CancellationToken cancellation)
      throws IOException {
    return Trainer.train(corpus, config, listener, cancellation);
  }

  @Override
  public TrainedModel fineTune(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    return Trainer.fineTune(base, corpus, options, listener, cancellation);
  }
}
