package io.wordvec.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a running job is doing. */
enum JobPhase {
  /** Loading the base model of a fine-tuning. */
  LOADING,
  /** Counting words to build the vocabulary. */
  VOCABULARY,
  /** Updating the vectors. */
  TRAINING,
  /** Building an index: inserting the model's words into the graph. */
  INDEXING,
  /** Writing the model into the models directory. */
  SAVING,
  /** Scoring the model on the bundled evaluation sets. */
  EVALUATING;

  @JsonValue
  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
