#!/usr/bin/env bash
# The Spark engine against the local trainer on one corpus: time, words/s, sync share and quality
# (Google analogies, WordSim-353) for the local trainer and for wordvec-spark at K = 1, 2, 4, 8
# partitions on local[2], and with MLLIB=1 Spark MLlib's Word2Vec at the same K as a baseline.
# Same pinned settings as bench/train-vs-gensim.sh (skip-gram, dim 100, window 5, negative 5,
# sample 1e-4, min-count 5, alpha 0.025, 5 epochs, seed 1), and the per-pair kernel for both
# wordvec engines (the Spark engine trains per pair; the local skip-gram default is batched).
# MLlib gets what it has of them (dim, window, min-count, alpha, epochs, seed, K): it trains
# hierarchical softmax without subsampling and syncs once per epoch (see MllibBaseline's javadoc).
#
# Usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM
# Environment: JAR (default target/wordvec.jar), SPARK_JAR (default spark/target/wordvec-spark.jar),
#   JAVA (default java), OUT (default a new temp dir), KS (default "1 2 4 8"; empty: no
#   wordvec-spark runs), MASTER (default local[2]), WORDS_PER_SYNC (default 1000000), EPOCHS
#   (default 5), SEED (default 1), THREADS (local trainer, 2), SKIP_LOCAL=1 (no local trainer run),
#   MLLIB=1 (also the MLlib baseline), MLLIB_KS (its K list, default KS; setting it implies
#   MLLIB=1), MLLIB_EPOCHS (default EPOCHS), MLLIB_JAVA_OPTS (default -Xmx4g), SPARK_ARGS (more
#   options for wordvec-spark, e.g. "--merge mean").
# The MLlib baseline is built, if target/mllib-baseline.classpath is missing from spark/, with
# `./mvnw -f spark/pom.xml -Pmllib-baseline process-classes` (the first time needs the network to
# fetch spark-mllib); it never enters wordvec-spark.jar or its lib/.
#
# Output: each run's lines, then a table: engine, K, epochs, analogy accuracy (3CosAdd, 30,000
# words), WordSim-353 Spearman rho, wall seconds of the whole command (JVM start included), and
# words/s = corpus tokens x epochs / those seconds (tokens as `wc -w` counts them; the wordvec
# engines train fewer words than that after subsampling, MLlib trains them all).
set -euo pipefail
CORPUS=${1:?usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM}
ANALOGIES=${2:?usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM}
WORDSIM=${3:?usage: bench/spark-train.sh CORPUS ANALOGIES WORDSIM}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
SPARK_JAR=${SPARK_JAR:-$ROOT/spark/target/wordvec-spark.jar}
JAVA=${JAVA:-java}
OUT=${OUT:-$(mktemp -d -t wordvec-spark-bench.XXXXXX)}
KS=${KS-1 2 4 8}
MASTER=${MASTER:-local[2]}
WORDS_PER_SYNC=${WORDS_PER_SYNC:-1000000}
EPOCHS=${EPOCHS:-5}
SEED=${SEED:-1}
THREADS=${THREADS:-2}
SKIP_LOCAL=${SKIP_LOCAL:-0}
if [[ -n "${MLLIB_KS+set}" ]]; then MLLIB=1; fi
MLLIB=${MLLIB:-0}
MLLIB_KS=${MLLIB_KS-$KS}
MLLIB_EPOCHS=${MLLIB_EPOCHS:-$EPOCHS}
read -r -a MLLIB_JAVA_OPTS <<< "${MLLIB_JAVA_OPTS:--Xmx4g}"
mkdir -p "$OUT"
common=(--sg --dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha 0.025
  --epochs "$EPOCHS" --seed "$SEED" --kernel pair --quiet)
# Spark launcher flags (SPARK_FLAGS)
source "$ROOT/bench/spark-flags.sh"
TOKENS=$(wc -w < "$CORPUS")
RESULTS="$OUT/results.tsv"
: > "$RESULTS"

# evaluate MODEL ENGINE K EPOCHS SECONDS: prints the scores, appends a row to the results
evaluate() {
  local json
  json=$("$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" evaluate --model "$1" \
    --analogies "$ANALOGIES" --pairs "$WORDSIM" --json 2>/dev/null)
  echo "$json" > "${1%.*}.eval.json"
  python3 - "$2" "$3" "$4" "$5" "$TOKENS" "$json" >> "$RESULTS" <<'EOF'
import json, sys
engine, k, epochs, seconds, tokens, text = sys.argv[1:7]
r = json.loads(text)
a, p = r["analogies"][0], r["pairs"][0]
wps = int(tokens) * int(epochs) / float(seconds)
print(f"{engine}\t{k}\t{epochs}\t{100 * a['accuracy']:.2f}\t{a['coverage'] * 100:.1f}\t"
      f"{p['spearman']:.4f}\t{float(seconds):.1f}\t{wps:,.0f}")
EOF
  tail -n 1 "$RESULTS"
}

seconds_since() {
  echo "$(date +%s.%N) - $1" | bc
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $CORPUS, $TOKENS tokens"
if [[ "$SKIP_LOCAL" != 1 ]]; then
  echo "== local trainer, $THREADS threads"
  start=$(date +%s.%N)
  "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" train --corpus "$CORPUS" \
    --output "$OUT/local.wvm" --threads "$THREADS" "${common[@]}"
  secs=$(seconds_since "$start")
  echo "seconds: $secs"
  evaluate "$OUT/local.wvm" local "-" "$EPOCHS" "$secs"
fi

for k in $KS; do
  echo "== wordvec-spark, $MASTER, K=$k, $WORDS_PER_SYNC words per sync"
  start=$(date +%s.%N)
  "$JAVA" --add-modules jdk.incubator.vector -jar "$SPARK_JAR" train --master "$MASTER" \
    --partitions "$k" --words-per-sync "$WORDS_PER_SYNC" --corpus "$CORPUS" \
    --output "$OUT/spark-k$k.wvm" "${common[@]}" ${SPARK_ARGS:-} > "$OUT/spark-k$k.jsonl" \
    2> "$OUT/spark-k$k.log"
  secs=$(seconds_since "$start")
  echo "seconds: $secs"
  grep '"event":"progress"' "$OUT/spark-k$k.jsonl" | tail -n 1
  grep '"event":"summary"' "$OUT/spark-k$k.jsonl"
  evaluate "$OUT/spark-k$k.wvm" wordvec-spark "$k" "$EPOCHS" "$secs"
done

if [[ "$MLLIB" == 1 && -n "$MLLIB_KS" ]]; then
  SPARK_DIR="$ROOT/spark"
  if [[ ! -s "$SPARK_DIR/target/mllib-baseline.classpath" ]]; then
    echo "== building the MLlib baseline (spark/pom.xml, profile mllib-baseline)"
    (cd "$ROOT" && ./mvnw -q -B -f spark/pom.xml -Pmllib-baseline process-classes)
  fi
  CP="$SPARK_DIR/target/mllib-baseline-classes:$SPARK_DIR/target/classes"
  CP="$CP:$(cat "$SPARK_DIR/target/mllib-baseline.classpath")"
  for k in $MLLIB_KS; do
    echo "== MLlib Word2Vec, $MASTER, K=$k, $MLLIB_EPOCHS epochs (hierarchical softmax, no subsampling)"
    start=$(date +%s.%N)
    "$JAVA" "${SPARK_FLAGS[@]}" "${MLLIB_JAVA_OPTS[@]}" -cp "$CP" io.wordvec.spark.baseline.MllibBaseline \
      --master "$MASTER" --partitions "$k" --corpus "$CORPUS" --output "$OUT/mllib-k$k.txt" \
      --dim 100 --window 5 --min-count 5 --alpha 0.025 --epochs "$MLLIB_EPOCHS" --seed "$SEED" \
      > "$OUT/mllib-k$k.jsonl" 2> "$OUT/mllib-k$k.log"
    secs=$(seconds_since "$start")
    echo "seconds: $secs"
    cat "$OUT/mllib-k$k.jsonl"
    evaluate "$OUT/mllib-k$k.txt" mllib "$k" "$MLLIB_EPOCHS" "$secs"
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| engine | K | epochs | analogy % | analogy coverage % | WS-353 rho | time s | words/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
sed 's/\t/ | /g; s/^/| /; s/$/ |/' "$RESULTS"
echo "models and logs in $OUT"
