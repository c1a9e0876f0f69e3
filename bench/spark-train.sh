#!/usr/bin/env bash
# The Spark engine against the local trainer on one corpus: time, words/s, sync share and quality
# (Google analogies, WordSim-353) for the local trainer and for wordvec-spark at K = 1, 2, 4, 8
# partitions on local[2]. Same pinned settings as bench/train-vs-gensim.sh (skip-gram, dim 100,
# window 5, negative 5, sample 1e-4, min-count 5, alpha 0.025, 5 epochs, seed 1), and the per-pair
# kernel for both (the Spark engine trains per pair; the local skip-gram default is batched).
#
# Usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM
# Environment: JAR (default target/wordvec.jar), SPARK_JAR (default spark/target/wordvec-spark.jar),
#   JAVA (default java), OUT (default a new temp dir), KS (default "1 2 4 8"), MASTER (default
#   local[2]), WORDS_PER_SYNC (default 1000000), EPOCHS (default 5), THREADS (local trainer, 2).
set -euo pipefail
CORPUS=${1:?usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM}
ANALOGIES=${2:?usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM}
WORDSIM=${3:?usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
SPARK_JAR=${SPARK_JAR:-$ROOT/spark/target/wordvec-spark.jar}
JAVA=${JAVA:-java}
OUT=${OUT:-$(mktemp -d -t wordvec-spark-bench.XXXXXX)}
KS=${KS:-1 2 4 8}
MASTER=${MASTER:-local[2]}
WORDS_PER_SYNC=${WORDS_PER_SYNC:-1000000}
EPOCHS=${EPOCHS:-5}
THREADS=${THREADS:-2}
common=(--sg --dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha 0.025
  --epochs "$EPOCHS" --seed 1 --kernel pair --quiet)

evaluate() {
  "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" evaluate --model "$1" \
    --analogies "$ANALOGIES" --pairs "$WORDSIM" 2>/dev/null | tail -n 4
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== local trainer, $THREADS threads"
start=$(date +%s.%N)
"$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" train --corpus "$CORPUS" \
  --output "$OUT/local.wvm" --threads "$THREADS" "${common[@]}"
echo "seconds: $(echo "$(date +%s.%N) - $start" | bc)"
evaluate "$OUT/local.wvm"

for k in $KS; do
  echo "== wordvec-spark, $MASTER, K=$k, $WORDS_PER_SYNC words per sync"
  start=$(date +%s.%N)
  "$JAVA" --add-modules jdk.incubator.vector -jar "$SPARK_JAR" train --master "$MASTER" \
    --partitions "$k" --words-per-sync "$WORDS_PER_SYNC" --corpus "$CORPUS" \
    --output "$OUT/spark-k$k.wvm" "${common[@]}" > "$OUT/spark-k$k.jsonl" 2> "$OUT/spark-k$k.log"
  echo "seconds: $(echo "$(date +%s.%N) - $start" | bc)"
  grep '"event":"progress"' "$OUT/spark-k$k.jsonl" | tail -n 1
  grep '"event":"summary"' "$OUT/spark-k$k.jsonl"
  evaluate "$OUT/spark-k$k.wvm"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "models and logs in $OUT"
