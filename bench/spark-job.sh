#!/usr/bin/env bash
# A training job on the Spark engine, end to end through the service: starts the service with the
# real wordvec-spark.jar, uploads CORPUS, posts {"type": "train", "engine": "spark", ...}, follows
# the job's Server-Sent Events to the end and checks that the model is published and answers. Then
# a second job is cancelled once it trains: it must end CANCELLED, with no driver process left
# under the service, no work files and no model. A third is training when the service is stopped
# (its driver must stop too), and again when the restarted service is killed with SIGKILL (its
# driver must stop by itself). Prints a summary; stops the service at the end.
#
# Usage: bench/spark-job.sh CORPUS [PARAMS_JSON]
#   PARAMS_JSON: the job's params (default {"dim": 50, "epochs": 2, "minCount": 5, "seed": 1})
# Environment: JAR (default target/wordvec.jar), SPARK_JAR (default
#   spark/target/wordvec-spark.jar), MASTER (default local[2]), PARTITIONS (default 2),
#   WORDS_PER_SYNC (default 100000), PORT (default 18080), JAVA (default java), OUT (default a new
#   temp dir, which keeps the service log and the event streams).
set -euo pipefail
CORPUS=${1:?usage: bench/spark-job.sh CORPUS [PARAMS_JSON]}
PARAMS=${2:-'{"dim": 50, "epochs": 2, "minCount": 5, "seed": 1}'}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
SPARK_JAR=${SPARK_JAR:-$ROOT/spark/target/wordvec-spark.jar}
MASTER=${MASTER:-local[2]}
PARTITIONS=${PARTITIONS:-2}
WORDS_PER_SYNC=${WORDS_PER_SYNC:-100000}
PORT=${PORT:-18080}
JAVA=${JAVA:-java}
OUT=${OUT:-$(mktemp -d -t wordvec-spark-job.XXXXXX)}
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT/models" "$OUT/data"

svc=
leftover=
start_service() {
  "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" --server.port="$PORT" \
    --wordvec.models.dir="$OUT/models" --wordvec.data.dir="$OUT/data" \
    --wordvec.spark.jar="$SPARK_JAR" --wordvec.spark.master="$MASTER" >> "$OUT/service.log" 2>&1 &
  svc=$!
  for _ in $(seq 1 120); do
    curl -fsS "$BASE/actuator/health/readiness" > /dev/null 2>&1 && break
    kill -0 "$svc" 2>/dev/null || { echo "the service died; see $OUT/service.log" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "$BASE/actuator/health/readiness" > /dev/null
}
stop() {
  [[ -n "$svc" ]] && { kill "$svc" 2>/dev/null || true; wait "$svc" 2>/dev/null || true; }
  for pid in $leftover; do kill -9 "$pid" 2>/dev/null || true; done
}
trap stop EXIT
# the driver processes the service runs now
drivers() { { ps -o pid= --ppid "$svc" || true; } | tr -d ' ' | tr '\n' ' '; }
start_service

field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

corpus=$(curl -fsS -X POST "$BASE/api/v1/corpora?name=$(basename "$CORPUS")" \
  -H 'Content-Type: text/plain' --data-binary @"$CORPUS" | field "['id']")
submit() {
  curl -fsS -X POST "$BASE/api/v1/jobs" -H 'Content-Type: application/json' -d "{
    \"type\": \"train\", \"engine\": \"spark\", \"partitions\": $PARTITIONS,
    \"wordsPerSync\": $WORDS_PER_SYNC, \"corpus\": \"$corpus\", \"outputModel\": \"$1\",
    \"params\": $PARAMS}" | field "['id']"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
job=$(submit spark-job)
curl -sN --max-time 3600 "$BASE/api/v1/jobs/$job/events" > "$OUT/events.txt"
echo "job $job: $(echo "$(date +%s.%N) - $start" | bc) s from submission to its end event"
python3 - "$OUT/events.txt" <<'PY'
import json, sys
events, name = [], None
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if line.startswith("event:"):
        name = line[6:].strip()
    elif line.startswith("data:"):
        events.append((name, json.loads(line[5:])))
progress = [d for n, d in events if n == "progress"]
end = [d for n, d in events if n == "end"][-1]
print("progress events:", len(progress), "phases:", sorted({d.get("phase") for d in progress if d.get("phase")}))
print("highest words/s in an event: %.0f" % max([d.get("wordsPerSecond", 0) for d in progress] or [0]))
print("end:", end["state"], "engine:", end.get("engine"), "partitions:", end.get("partitions"),
      "model:", end.get("model"), "error:", end.get("error"))
for loss in end.get("losses", []):
    print("  epoch %d: loss %.4g over %d examples (mean %.4f)" % (
        loss["epoch"], loss["loss"], loss["examples"], loss["meanLoss"]))
print("words processed:", end.get("wordsProcessed"), "vocabulary:", (end.get("result") or {}).get("vocabularySize"))
print("evaluation:", (end.get("result") or {}).get("evaluation"))
sys.exit(0 if end["state"] == "SUCCEEDED" else 1)
PY
curl -fsS "$BASE/api/v1/models/spark-job" | python3 -c "
import json, sys
m = json.load(sys.stdin)
print('model spark-job is published and served:', {k: m[k] for k in m if k in ('name', 'dimension', 'words', 'vocabularySize', 'size')})"

# Waits until job $1 trains (words processed), printing where it is.
await_training() {
  python3 - "$BASE/api/v1/jobs/$1/events" <<'PY'
import json, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=600) as stream:
    for raw in stream:
        line = raw.decode().strip()
        if line.startswith("data:"):
            d = json.loads(line[5:])
            if (d.get("phase") == "training" and d.get("wordsProcessed", 0) > 0) or d["state"] not in ("QUEUED", "RUNNING"):
                print("  job at", d["state"], d.get("phase"), "epoch", d.get("epoch"), "words", d.get("wordsProcessed"))
                break
PY
}

# A cancel once the driver trains.
cancelled=$(submit spark-cancel)
await_training "$cancelled"
drivers=$(drivers)
echo "driver process(es) under the service before the cancel: ${drivers:-none}"
curl -fsS -X DELETE "$BASE/api/v1/jobs/$cancelled" > /dev/null
for _ in $(seq 1 120); do
  state=$(curl -fsS "$BASE/api/v1/jobs/$cancelled" | field "['state']")
  [[ "$state" == "RUNNING" ]] || break
  sleep 0.5
done
echo "cancelled job: $state"
left=$(drivers)
echo "driver process(es) under the service after the cancel: ${left:-none}"
for pid in $drivers; do
  if kill -0 "$pid" 2>/dev/null; then echo "FAIL: driver $pid still runs" >&2; exit 1; fi
done
[[ -e "$OUT/data/jobs/$cancelled" ]] && { echo "FAIL: its work directory is left" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/models/spark-cancel")
echo "model spark-cancel: HTTP $code"
[[ "$state" == "CANCELLED" && "$code" == "404" ]] || exit 1

# The service stops (SIGTERM) while a job trains: its driver must stop with it.
third=$(submit spark-stopped)
await_training "$third"
leftover=$(drivers)
echo "driver(s) before the service stops: $leftover"
kill "$svc"; wait "$svc" 2>/dev/null || true
for pid in $leftover; do
  if kill -0 "$pid" 2>/dev/null; then echo "FAIL: driver $pid outlived the service's stop" >&2; exit 1; fi
done
echo "the service stopped, and its driver with it"

# Started again, the service runs the job again from the start; killed with SIGKILL, it cannot
# stop its driver, which must notice its closed standard input and stop by itself.
start_service
await_training "$third"
leftover=$(drivers)
echo "driver(s) before kill -9 of the service: $leftover"
kill -9 "$svc"; wait "$svc" 2>/dev/null || true
svc=
killed=$(date +%s.%N)
for _ in $(seq 1 120); do
  alive=
  for pid in $leftover; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
  [[ -z "$alive" ]] && break
  sleep 0.5
done
if [[ -n "$alive" ]]; then echo "FAIL: driver(s)$alive outlived kill -9 of the service" >&2; exit 1; fi
echo "the orphaned driver stopped $(echo "$(date +%s.%N) - $killed" | bc) s after the service died"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
