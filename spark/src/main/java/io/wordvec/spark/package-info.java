/**
 * The Spark training engine: wordvec's negative-sampling trainer on Apache Spark, a separate
 * artifact ({@code wordvec-spark.jar}) so that Spark stays off the service's classpath.
 *
 * <h2>Roles</h2>
 *
 * Spark schedules and holds the data; the maths is the local trainer's kernel, run by {@link
 * io.wordvec.train.BlockTrainer} inside each task on {@code spark.task.cpus} Hogwild threads.
 * {@link io.wordvec.spark.SparkTrainingEngine} is the second implementation of {@link
 * io.wordvec.train.TrainingEngine}; {@link io.wordvec.spark.SparkCli} reuses {@code wordvec
 * train}'s command, options and model writing.
 *
 * <h2>Vocabulary</h2>
 *
 * The corpus is read once. The driver cuts its files into K byte ranges ({@link
 * io.wordvec.spark.CorpusFiles}); each task reads its range as bytes, whole lines only ({@link
 * io.wordvec.spark.SplitStream}: a line belongs to the range it starts in), tokenised by the local
 * reader (same tokenizer, word cut, sentence splits), counting its words with the local {@link
 * io.wordvec.vocab.VocabularyBuilder} and keeping its tokens as indices into its own distinct words
 * ({@link io.wordvec.spark.PartitionText}, cached). Counts are merged by key ({@code combineByKey},
 * without a map-side combine, since a partition's words are distinct already, and with Kryo for the
 * pairs); words below {@code minCount} are dropped on the executors; the driver feeds the rest into
 * one builder and calls the same {@code build(minCount, maxVocab)} as a local run, so pruning and
 * ties (count, then word order) are the local rules. The vocabulary and the noise and subsampling
 * tables are broadcast. Each partition then maps its kept tokens to vocabulary ids, without reading
 * the text again, into id blocks of {@code wordsPerSync / K} words, cached on the executors for all
 * epochs. Compressed files, which cannot be cut at a byte offset, go through Spark's {@code
 * textFile} and a shuffle of their lines instead. Why not {@code textFile} always: it makes a
 * {@code String} of every line, and the first version, which also counted and encoded in two passes
 * with a {@code String} per token, spent more time reading the text than training on it
 * (BENCHMARKS.md, "Training on Apache Spark").
 *
 * <h2>Synchronisation</h2>
 *
 * Data-parallel and synchronous: in every round each of the K partitions trains its next block from
 * the same broadcast model, and returns, for each row it updated, the row's change and its number
 * of updates. Rows nobody touched are not sent at all. The driver merges the changes of each row
 * ({@link io.wordvec.spark.MergeRule}, {@code --merge}):
 *
 * <ul>
 *   <li>{@code adasum}, the default ({@link io.wordvec.spark.AdaptiveSum}): the adaptive sum of
 *       Maleki et al. (2020). Changes at right angles add up, a change repeated counts once, and a
 *       row one partition changed gets its whole change. The output side of a row several
 *       partitions changed moves by 1.5 times its adaptive sum ({@code spark.wordvec.outputGain}):
 *       most of an output row's change is the push of the noise draws, which every partition makes
 *       alike, so the adaptive sum counts it once where a sequential pass makes it K times; without
 *       the gain the output rows trained slower than the input rows, whose norms grew and shared a
 *       common direction.
 *   <li>{@code mean} ({@link io.wordvec.spark.WeightedAverage}): the mean of the changes weighted
 *       by the update counts, so that a rare word seen in one partition keeps that partition's
 *       whole change where a plain mean would divide it by K.
 * </ul>
 *
 * Why not the mean: a frequent word, updated everywhere, moves by the mean of K changes, about 1/K
 * of what a sequential pass over the same words moves it, so K=8 trained its frequent rows at about
 * alpha / 8 and lost 31 analogy points against K=1 on gutenberg-17m. Why not the plain sum: what
 * the partitions learned in common about a row is already in each of their changes, and adding K of
 * them overshoots (the sum diverged at K=4). The adaptive sum sits between the two, row by row,
 * from the changes themselves (BENCHMARKS.md, "Training on Apache Spark").
 *
 * <p>Models larger than a Java array ({@link io.wordvec.spark.SyncRounds}). Both matrices of a 1M x
 * 300 model are 2.4 GB, more than one byte array holds; packed into one (as the engine first did)
 * they stopped it at 894k words at 300 dimensions, the limit Spark MLlib's Word2Vec had until Spark
 * 1.6 (SPARK-12096; since then it refuses vocabulary x dimension of 2^31 floats and more, about
 * 7.16M words at 300 dimensions). Here the driver keeps the model as chunks of rows ({@link
 * io.wordvec.spark.ModelState}, 256 MB each by default), merges into them in place and broadcasts
 * them as they are; each task copies them into two float arrays, one per matrix, the local
 * trainer's layout; and the changes come back in slices of rows ({@link
 * io.wordvec.spark.TrainedCopy}): one Spark job per slice of at most 96 MB per partition, the
 * trained copies cached on their executors between the jobs (in local mode, one job per round: the
 * driver reads the copies themselves). The one limit left is a float array per matrix, vocabulary x
 * dimension under 2^31 - 8 (about 7.16M words at 300 dimensions), checked with a clear message once
 * the vocabulary is known. Memory per executor, in local mode where the executor is the driver: the
 * model and one trained copy per task (each the model's size), and a few slices and the model's
 * serialized broadcast when {@link io.wordvec.spark.InJvmExchange} is off; about 3 x 2.5 GB for a
 * 1M x 300 model at K=2, which trained in a 10 GB heap where the serialized path ran out of memory
 * (BENCHMARKS.md, "Scale").
 *
 * <p>Several syncs per epoch, every {@code wordsPerSync} corpus words (1M by default, about 17 per
 * epoch on a 17M-word corpus): partitions drift apart between syncs, and the more often they meet
 * the closer the run stays to one sequential training; each sync costs a broadcast of the whole
 * model and the deltas back, so too often makes the network the bottleneck. More partitions need
 * shorter intervals: on gutenberg-17m, K=8 scored 4.6 analogy points under one partition at 1M
 * words per sync, 0.5 under it at 250k and level with it at 125k (means of seeds 1-3; WordSim-353
 * within 0.01 rho at both). The default keeps two partitions fast, where 250k did not score clearly
 * better than 1M; eight want 250k or less, at the cost of more rounds (BENCHMARKS.md, "Output rows
 * merged with a gain"). The learning rate follows the global word count: a block starts from the
 * words all partitions had done and assumes the others advance at its pace (K words of the run per
 * word of its own).
 *
 * <p>The changes travel as bfloat16s ({@link io.wordvec.spark.RowDelta#pack}): each change's sign,
 * exponent and 7 bits of mantissa, rounded to the nearest, half the bytes of a float. A change is
 * applied once, so its rounding (at most 2^-8 of it) does not accumulate as an error in the model
 * would; on gutenberg-17m, 5 epochs, K=1 and K=8 scored within 0.05 analogy points and 0.0011
 * WordSim-353 rho of the same runs with float changes, and the rounds' time outside training fell
 * by a sixth at K=1 (BENCHMARKS.md, "Where a sync round's time goes"). The model itself is
 * broadcast in full precision: its rows, unlike the changes, carry every round's work.
 *
 * <p>In local mode the round's model and changes do not travel at all ({@link
 * io.wordvec.spark.InJvmExchange}): the tasks run in the driver's JVM, where Spark would still
 * serialize the broadcast into pieces nobody fetches and each result into bytes read back in the
 * same process. The tasks read the driver's model by reference, train into copies of it that stay
 * in the driver from round to round ({@link io.wordvec.spark.ResidentCopies}), and hand them over
 * as they are, in one job per round; the driver's merge reads each change as a trained row less the
 * model's, rounded as a packed change is, and writes each merged row back into the copies. So the
 * merge and the model are those of the cluster's path float for float, without the tasks' passes to
 * copy the model, subtract and pack. On gutenberg-17m, handing over by reference cut a K=1 round's
 * time outside training by about 40%; the resident copies and the merge row by row cut a K=2
 * round's by a further quarter (BENCHMARKS.md, "Sync rounds in local mode by reference").
 *
 * <p>How often matters more than the bytes suggest. Partitions start from the same random model
 * and, left apart too long early on, learn different arrangements of the space, whose average keeps
 * neither: on the 157k-token test corpus (3 epochs, dimension 32), K=2 agreed with a local model
 * (rank correlation of the pairwise similarities of the 150 most frequent words) at 0.34 with 10k
 * words per partition between syncs, and at 0.71 with 2.5k; K=1 at 0.86, and a local model with
 * half the learning rate at 0.62. So {@code wordsPerSync} should stay a small share of the corpus
 * (a few percent per partition); with many partitions that is many syncs.
 *
 * <p>Not kept: pWord2Vec's (Ji et al.) "frequent rows every round, all rows periodically". Built
 * and measured (BENCHMARKS.md, "Syncing the frequent rows more often"): each round's blocks trained
 * in sub-rounds, one Spark job each, the rows of the most frequent words merged after every
 * sub-round and all changed rows at the round's end. At K=8 on gutenberg-17m it gained up to 2
 * analogy points and lost WordSim-353 rho, more the more rows synced often (-0.11 with the top
 * 8,192 words): under the adaptive sum, how often a row syncs changes how fast it learns, so that
 * syncing some rows more often than others is not simply "closer to one sequential pass". Here
 * every touched row travels back every round and the whole model is broadcast every round; for
 * vocabularies of millions, fewer bytes per sync would still come from syncing the long tail less
 * often, once a merge makes the step independent of the interval.
 *
 * <h2>Failures</h2>
 *
 * A run ends with a reason and writes nothing when its master cannot be reached ({@link
 * io.wordvec.spark.MasterCheck}, before Spark starts: Spark's own client retries for a minute),
 * when its corpus cannot be read (the first Spark job fails with Hadoop's message), and when a
 * cluster leaves it without executors for {@code spark.wordvec.executorTimeout} ({@link
 * io.wordvec.spark.ExecutorWatch}: a dead Worker's tasks would otherwise wait for resources
 * forever). A lost executor whose Worker lives on is replaced by the Worker, and Spark retries its
 * tasks from the cached blocks' lineage.
 *
 * <p>Not supported yet: subwords, phrases, checkpoints and fine-tuning (the local engine does
 * them).
 */
package io.wordvec.spark;
