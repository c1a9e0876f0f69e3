/**
 * Spark MLlib's Word2Vec run as a baseline for the Spark engine's quality table (issue 14): built
 * only under the {@code mllib-baseline} Maven profile, into its own class folder, never into {@code
 * wordvec-spark.jar} or its {@code lib/}. Imports Spark, MLlib and wordvec's {@code vocab} package
 * (for the tokenizer); nothing of {@code io.wordvec.spark}.
 */
package io.wordvec.spark.baseline;
