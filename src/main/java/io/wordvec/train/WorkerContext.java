package io.wordvec.train;

/**
 * What the {@link Worker}s of one run share. The two matrices are written by every worker without
 * locks (see {@link Worker}); the schedule is shared progress; everything else is read-only.
 *
 * @param config the run's settings
 * @param corpus the id file the workers read their ranges of
 * @param inputVectors word2vec.c's {@code syn0}, {@code vocabulary size * dimension}
 * @param outputVectors word2vec.c's {@code syn1neg}, same shape
 * @param sampler the noise distribution
 * @param keepThresholds subsampling: per word id, keep when 32 random bits are below it
 * @param lock which input rows are scaled
 * @param schedule words done, learning rate, stop flag
 * @param ngramVectors a subword model's n-gram input rows, written by every worker as the input
 *     rows are; null without subwords
 * @param subwords each word's n-gram rows; null without subwords
 * @param inputUpdates per input row, how many updates it received (an engine that merges partitions
 *     weighs them by these); null to count nothing. Incremented without locks like the rows
 *     themselves, so a count may miss an update that raced another: weights, not a ledger (each
 *     {@link BlockTrainer} thread counts into arrays of its own)
 * @param outputUpdates the same for the output rows
 */
record WorkerContext(
    TrainingConfig config,
    SentenceIds corpus,
    float[] inputVectors,
    float[] outputVectors,
    NoiseSampler sampler,
    long[] keepThresholds,
    InputLock lock,
    Schedule schedule,
    float[] ngramVectors,
    SubwordTable subwords,
    int[] inputUpdates,
    int[] outputUpdates) {

  /** The same context counting updates into {@code inputUpdates} and {@code outputUpdates}. */
  WorkerContext countingInto(int[] inputUpdates, int[] outputUpdates) {
    return new WorkerContext(
        config,
        corpus,
        inputVectors,
        outputVectors,
        sampler,
        keepThresholds,
        lock,
        schedule,
        ngramVectors,
        subwords,
        inputUpdates,
        outputUpdates);
  }
}
