#!/usr/bin/env bash
# Speed of the Spark engine against the local trainer, run back to back on one corpus (issue 14,
# "done when" 3): the local trainer with 1 and 2 threads, wordvec-spark K=1 on local[1], K=2 on
# local[2] (one thread per task), and K=1 on local[2] with two Hogwild threads in its one task
# (--task-threads 2: one machine's cores without the partitions' averaging). Skip-gram, dim 100,
# window 5, negative 5, sample 1e-4, min-count 5, seed 1, per-pair kernel everywhere (the Spark
# engine trains per pair; the local skip-gram default is batched). Prints a table
# (bench/spark_speed_report.py):
#   - end to end: tokens x epochs / the CLI's own "trained ... in S s" (vocabulary, encoding and
#     training; JVM start and model write excluded), and the whole process' wall time;
#   - training: retained words x epochs / the training phase (local: first progress line of epoch
#     1 to the end of the last epoch; Spark: the sync rounds, broadcast to merged model);
#   - sync share: the rounds' time not spent training (slowest partition), over the rounds' time;
#   - bytes per sync: the model broadcast, and all partitions' deltas, per round;
#   - Spark's fixed costs: process start to the context's first progress line (JVM and Spark
#     start), and from there to the first round (reading, vocabulary, encoding into blocks).
#
# Usage: bench/spark-speed.sh CORPUS
# Environment: JAR (default target/wordvec.jar), SPARK_JAR (default spark/target/wordvec-spark.jar),
#   JAVA (default java), OUT (default a new temp dir), RUNS (default 1), EPOCHS (default 1),
#   WORDS_PER_SYNC (default 1000000), KINDS (the runs, default "local1 k1 local2 k2 k1t2"), JFR
#   (set to 1: record the first K=1 driver with JFR's profile settings into $OUT/k1.jfr).
set -euo pipefail
CORPUS=${1:?usage: bench/spark-speed.sh CORPUS}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
SPARK_JAR=${SPARK_JAR:-$ROOT/spark/target/wordvec-spark.jar}
JAVA=${JAVA:-java}
OUT=${OUT:-$(mktemp -d -t wordvec-spark-speed.XXXXXX)}
RUNS=${RUNS:-1}
EPOCHS=${EPOCHS:-1}
WORDS_PER_SYNC=${WORDS_PER_SYNC:-1000000}
mkdir -p "$OUT"
common=(--sg --dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha 0.025
  --epochs "$EPOCHS" --seed 1 --kernel pair)

# Prefixes every line with the time it arrived (seconds since the epoch).
stamp() {
  python3 -u -c '
import sys, time
for line in sys.stdin:
    sys.stdout.write("%.3f %s" % (time.time(), line))'
}

timed() {
  local name=$1
  shift
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$start $end" > "$OUT/$name.wall"
}

local_run() {
  "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" train --corpus "$CORPUS" \
    --output "$OUT/$1.wvm" --threads "$2" "${common[@]}" 2>&1 | stamp > "$OUT/$1.log"
}

spark_run() {
  local threads=${3:-1}
  local jfr=()
  if [[ -n "${JFR:-}" && $1 == k1-1 ]]; then
    jfr=("-XX:StartFlightRecording=filename=$OUT/k1.jfr,settings=profile")
  fi
  "$JAVA" "${jfr[@]}" --add-modules jdk.incubator.vector -jar "$SPARK_JAR" train \
    --master "local[$(($2 * threads))]" --partitions "$2" --task-threads "$threads" \
    --words-per-sync "$WORDS_PER_SYNC" \
    --corpus "$CORPUS" --output "$OUT/$1.wvm" --quiet "${common[@]}" \
    > >(tee "$OUT/$1.jsonl" | stamp > "$OUT/$1.jsonl.t") 2> >(stamp > "$OUT/$1.log")
}

KINDS=${KINDS:-local1 k1 local2 k2 k1t2}
for run in $(seq 1 "$RUNS"); do
  echo "run $run: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
  for kind in $KINDS; do
    case $kind in
      local1) timed "local1-$run" local_run "local1-$run" 1 ;;
      local2) timed "local2-$run" local_run "local2-$run" 2 ;;
      k1) timed "k1-$run" spark_run "k1-$run" 1 ;;
      k2) timed "k2-$run" spark_run "k2-$run" 2 ;;
      k1t2) timed "k1t2-$run" spark_run "k1t2-$run" 1 2 ;;
      *) echo "unknown run kind '$kind' in KINDS" >&2; exit 2 ;;
    esac
  done
done
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
python3 "$ROOT/bench/spark_speed_report.py" "$OUT"
echo "logs in $OUT"
