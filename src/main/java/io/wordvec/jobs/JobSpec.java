package io.wordvec.jobs;

import io.wordvec.index.HnswParameters;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.TrainingConfig;
import java.util.Map;

/**
 * A validated job request: everything the runner needs, nothing left to check.
 *
 * @param trainingConfig settings of a train job (null for fine-tune)
 * @param fineTuneOptions settings of a fine-tune job (null for train)
 * @param params the effective parameters as the API shows them
 * @param indexParameters how an index job builds its graph (null for the others); an index job's
 *     {@code baseModel} and {@code outputModel} are the model it indexes, and it has no corpus
 */
record JobSpec(
    JobType type,
    String corpus,
    String baseModel,
    String outputModel,
    boolean activate,
    boolean overwrite,
    TrainingConfig trainingConfig,
    FineTuneOptions fineTuneOptions,
    Map<String, Object> params,
    HnswParameters indexParameters) {}
