/**
 * Training engine: the parameters ({@link io.wordvec.train.TrainingConfig}, {@link
 * io.wordvec.train.FineTuneOptions}), the {@link io.wordvec.train.TrainingEngine} seam and its
 * local multi-threaded implementation (run state, workers, noise sampler, schedule, id file).
 *
 * <p>Imports only {@code vocab} and the public {@code vectors} facade: never Spring, the service
 * packages, {@code io}, {@code eval} or {@code cli}.
 */
package io.wordvec.train;
