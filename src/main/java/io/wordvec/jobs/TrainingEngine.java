package io.wordvec.jobs;

import io.wordvec.train.CancellationToken;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The training calls a job makes, as a seam: production uses {@link io.wordvec.train.Trainer},
 * tests of the scheduling can use a trainer they control.
 */
interface TrainingEngine {

  TrainedModel train(
      Path corpus, TrainingConfig config, TrainingListener listener, CancellationToken cancellation)
      throws IOException;

  TrainedModel fineTune(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException;
}
