#!/usr/bin/env bash
# A real Spark cluster on this machine: a standalone Master and one Worker on 127.0.0.1, started
# from the jars of spark/target/lib, and a wordvec-spark training submitted to it. Prints the
# training's last progress and summary lines; stops the cluster at the end, whatever happens.
#
# Usage: bench/spark-standalone.sh CORPUS [TRAIN OPTIONS...]
# Environment: SPARK_LIB (default spark/target/lib), SPARK_JAR (default
#   spark/target/wordvec-spark.jar), JAVA (default java), PORT (default 7177), CORES (Worker cores,
#   default 2), MEMORY (Worker memory, default 1g), OUT (default a new temp dir).
#   KILL_WORKER=1: a dead executor. Once the training has synced its first round, the Worker (and
#   with it its executor) is killed with SIGKILL; the training must then end by itself, failing with
#   a clear reason within EXECUTOR_TIMEOUT (default 30s) and writing no model. The script exits 0
#   when it does.
set -euo pipefail
CORPUS=${1:?usage: bench/spark-standalone.sh CORPUS [TRAIN OPTIONS...]}
shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SPARK_LIB=${SPARK_LIB:-$ROOT/spark/target/lib}
SPARK_JAR=${SPARK_JAR:-$ROOT/spark/target/wordvec-spark.jar}
JAVA=${JAVA:-java}
PORT=${PORT:-7177}
CORES=${CORES:-2}
MEMORY=${MEMORY:-1g}
OUT=${OUT:-$(mktemp -d -t wordvec-spark-standalone.XXXXXX)}
# Spark launcher flags (SPARK_FLAGS)
source "$ROOT/bench/spark-flags.sh"

# The Worker starts executors from SPARK_HOME/jars (links to lib/'s jars will do, no 220 MB copy);
# an empty RELEASE file marks a distribution.
export SPARK_HOME="$OUT/spark-home"
export SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/work"
ln -s "$(cd "$SPARK_LIB" && pwd)"/*.jar "$SPARK_HOME/jars/"
touch "$SPARK_HOME/RELEASE"

pids=()
# Executors run in SPARK_HOME/work/<app>/<n>: any process whose working directory is in there is
# one of this cluster's, left behind if its Worker died first.
executors() {
  for d in /proc/[0-9]*; do
    [[ "$(readlink "$d/cwd" 2>/dev/null)" == "$SPARK_HOME/work/"* ]] && echo "${d#/proc/}"
  done
  return 0
}
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  local left
  left=$(executors)
  if [[ -n "$left" ]]; then
    echo "executor processes left behind: $left (killed)"
    kill $left 2>/dev/null || true
  fi
}
trap cleanup EXIT

"$JAVA" "${SPARK_FLAGS[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$PORT" --webui-port 0 > "$OUT/master.log" 2>&1 &
pids+=($!)
"$JAVA" "${SPARK_FLAGS[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" --webui-port 0 \
  --work-dir "$SPARK_HOME/work" "spark://127.0.0.1:$PORT" > "$OUT/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "Successfully registered with master" "$OUT/worker.log" && break
  sleep 1
done
grep -q "Successfully registered with master" "$OUT/worker.log" \
  || { echo "the Worker did not register; see $OUT/worker.log" >&2; exit 1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
if [[ "${KILL_WORKER:-}" == "1" ]]; then
  "$JAVA" --add-modules jdk.incubator.vector -jar "$SPARK_JAR" train \
    --master "spark://127.0.0.1:$PORT" --corpus "$CORPUS" --output "$OUT/model.wvm" --quiet \
    --conf "spark.wordvec.executorTimeout=${EXECUTOR_TIMEOUT:-30s}" "$@" \
    > "$OUT/train.jsonl" 2> "$OUT/train.log" &
  driver=$!
  pids+=("$driver")
  for _ in $(seq 1 600); do
    grep -q '"event":"sync"' "$OUT/train.jsonl" 2>/dev/null && break
    kill -0 "$driver" 2>/dev/null || break
    sleep 0.5
  done
  grep -q '"event":"sync"' "$OUT/train.jsonl" \
    || { echo "the training ended before its first sync; see $OUT/train.log" >&2; exit 1; }
  echo "killing the Worker (pid ${pids[1]}) after the first sync, at $(echo "$(date +%s.%N) - $start" | bc) s"
  kill -9 "${pids[1]}"
  killed=$(date +%s.%N)
  code=0
  wait "$driver" || code=$?
  echo "the training ended $(echo "$(date +%s.%N) - $killed" | bc) s after the kill, exit code $code"
  grep '^wordvec train:' "$OUT/train.log" || true
  if [[ -e "$OUT/model.wvm" ]]; then
    echo "FAIL: a model was written" >&2
    exit 1
  fi
  echo "no model written"
  [[ "$code" != "0" ]] || { echo "FAIL: the training succeeded without its executor" >&2; exit 1; }
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
"$JAVA" --add-modules jdk.incubator.vector -jar "$SPARK_JAR" train \
  --master "spark://127.0.0.1:$PORT" --corpus "$CORPUS" --output "$OUT/model.wvm" --quiet "$@" \
  > "$OUT/train.jsonl" 2> "$OUT/train.log"
echo "seconds: $(echo "$(date +%s.%N) - $start" | bc)"
grep '"event":"progress"' "$OUT/train.jsonl" | tail -n 1
grep '"event":"summary"' "$OUT/train.jsonl"
ls -l "$OUT/model.wvm"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
