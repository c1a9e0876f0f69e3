#!/usr/bin/env bash
# Fault battery: kill -9 the service at random moments while it trains and saves models, restart it
# on the same directories, and count what a crash may have broken.
#
# usage: bench/fault-battery.sh JAR [DATA_DIR]
#   JAR       the service jar (target/wordvec.jar after ./mvnw package)
#   DATA_DIR  a scratch directory for the data and models directories (default: a new temp dir);
#             it is reused as it is, so a second run continues from the first one's state
# env: ROUNDS (default 13), PORT (default 18090), JAVA (default java), PYTHON (default python3),
#      SEED (default 18), HOSTILE (default 1: then run bench/fault-hostile.sh too)
#
# Each round submits small training jobs (some activated, some overwriting a shared model name),
# opens a read progress stream on each and one stream that never reads, then kills the service:
# odd rounds after a random delay, even rounds as soon as a job is saving its model or has written
# an epoch checkpoint. After each restart it checks:
#   models lost                 models of SUCCEEDED jobs (as the API said before the kill) that
#                               are no longer served
#   leftover temp files         .*.tmp, *.part and *.ids files a kill left in the two directories
#                               that the restart did not remove (a save under way after the
#                               restart, or a job taken up again, writes its own)
#   records disagreeing w/ disk a served model whose job is not SUCCEEDED, a SUCCEEDED job whose
#                               model is not served, a .default-model naming no served model, a
#                               job record that does not parse
# and, over all the read streams, the longest wait between two reads (heartbeat 1 s; it must stay
# below the 10 s write timeout whatever the stalled clients do).
# At the end it waits for every job to finish and counts the jobs that resumed from a checkpoint.
# Then it runs bench/fault-hostile.sh JAR (memory with hostile inputs, slow clients) and prints
# its lines too. Every problem count is expected to be 0 (kills and restarts: ROUNDS and
# ROUNDS + 1); the script exits 1 if one is not.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done
jar=$(realpath "${1:?usage: bench/fault-battery.sh JAR [DATA_DIR]}")
[[ -f "$jar" ]] || { echo "error: no jar at $jar" >&2; exit 2; }
work=${2:-$(mktemp -d)}
mkdir -p "$work"
work=$(realpath "$work")
ROUNDS=${ROUNDS:-13}
PORT=${PORT:-18090}
JAVA=${JAVA:-java}
PYTHON=${PYTHON:-python3}
SEED=${SEED:-18}
HOSTILE=${HOSTILE:-1}
RANDOM=$SEED
data="$work/data"
models="$work/models"
streams_out="$work/streams.jsonl"
base="http://127.0.0.1:$PORT"
mkdir -p "$data" "$models"
: >"$streams_out"

pid=
clients=()
kills=0
restarts=0
files_checked=0
models_lost=0
leftovers=0
disagreements=0
left_by_kills=0
shared_busy=0

stop_clients() {
  local c
  for c in "${clients[@]+"${clients[@]}"}"; do
    kill "$c" 2>/dev/null || true
    wait "$c" 2>/dev/null || true
  done
  clients=()
}

# On any exit (an error included) nothing this script started is left running.
cleanup() {
  stop_clients
  if [[ -n "$pid" ]]; then
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT
trap 'echo "error: fault battery stopped at line $LINENO (round ${round:-0}); service log: $work/service.log" >&2' ERR

fail() {
  echo "error: $*" >&2
  echo "service log: $work/service.log" >&2
  exit 1
}

# api METHOD PATH JQ_CHECK [curl args...]: the response body, after checking that the status is
# 2xx (or $ALSO_OK) and that the body satisfies the jq expression JQ_CHECK; stops the battery with
# a clear message otherwise, instead of letting jq fail later on an unexpected shape.
api() {
  local method=$1 path=$2 shape=$3 response status body
  shift 3
  response=$(curl -sS -X "$method" -w '\n%{http_code}' "$@" "$base$path") ||
    fail "$method $path: no answer from the service (pid ${pid:-none})"
  status=${response##*$'\n'}
  body=${response%$'\n'*}
  [[ $status == 2?? || $status == "${ALSO_OK:-}" ]] ||
    fail "$method $path answered HTTP $status: ${body:0:500}"
  jq -e "$shape" >/dev/null 2>&1 <<<"$body" ||
    fail "$method $path answered a body of an unexpected shape (wanted $shape): ${body:0:500}"
  printf '%s\n' "$body"
}

jobs_json() { api GET /api/v1/jobs 'type == "array"'; }
# the model list omits "models" while there is none
served_models() { api GET /api/v1/models 'type == "object"' | jq -r '(.models // [])[].name' | sort -u; }

start() {
  "$JAVA" --add-modules jdk.incubator.vector -Xmx768m -jar "$jar" --server.port="$PORT" \
    --wordvec.data.dir="$data" --wordvec.models.dir="$models" --wordvec.jobs.threads=1 \
    --wordvec.jobs.max-queued=50 --wordvec.jobs.events-heartbeat=1s \
    --spring.main.banner-mode=off >>"$work/service.log" 2>&1 &
  pid=$!
  local _
  for _ in $(seq 1 3000); do
    # readiness waits for the models, and startup recovery has run before it answers UP
    if curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1; then
      restarts=$((restarts + 1))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || fail "the service died at startup"
    sleep 0.2
  done
  fail "the service was not ready after 10 minutes"
}

kill9() {
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  kills=$((kills + 1))
  stop_clients
}

temp_list() {
  find "$data" "$models" \( -name '.*.tmp' -o -name '*.part' -o -name '*.ids' \) -type f
}

: >"$work/temps-after-kill"

# The temporary files a kill left (listed before the restart) that the restart did not remove.
# A save under way after the restart writes temporary files of its own, under new names; a job
# taken up again may use its own work files again, so those of a job still queued or running are
# not counted. Each list is counted once.
stale_temp_files() { # jobs-json
  local file id count=0
  while IFS= read -r file; do
    [[ -n $file && -e $file ]] || continue
    id=$(sed -n "s#^$data/jobs/\([^/]*\)/.*#\1#p" <<<"$file")
    if [[ -n $id ]] && jq -e --arg id "$id" \
      'any(.[]; .id == $id and (.state == "QUEUED" or .state == "RUNNING"))' <<<"$1" >/dev/null; then
      continue
    fi
    count=$((count + 1))
    echo "left behind: $file" >&2
  done <"$work/temps-after-kill"
  : >"$work/temps-after-kill"
  echo "$count"
}

# A corpus of Zipf-like words: each epoch takes a few hundred milliseconds with one thread.
corpus="$work/corpus.txt"
if [[ ! -f "$corpus" ]]; then
  awk -v seed="$SEED" 'BEGIN { srand(seed);
    for (s = 0; s < 30000; s++) { n = 8 + int(rand() * 12); line = "";
      for (i = 0; i < n; i++) { line = line (i ? " " : "") "w" int(exp(rand() * log(3000))) }
      print line } }' >"$corpus"
fi

start
corpus_id=$(api POST /api/v1/corpora '.id | type == "string"' -H 'Content-Type: text/plain' \
  --data-binary @"$corpus" | jq -r .id)

# name activate overwrite epochs -> the job id; for the shared name, "busy" when a queued job
# produces it already (409 model-exists: overwrite replaces a model, not another job's output)
submit() {
  ALSO_OK=$([[ $3 == true ]] && echo 409) api POST /api/v1/jobs \
    '(.id | type == "string") or .type == "/problems/model-exists"' \
    -H 'Content-Type: application/json' \
    -d "{\"type\":\"train\",\"corpus\":\"$corpus_id\",\"outputModel\":\"$1\",\"activate\":$2,\
\"overwrite\":$3,\"params\":{\"dim\":32,\"epochs\":$4,\"minCount\":2,\"threads\":1,\
\"seed\":$((RANDOM % 1000))}}" | jq -r '.id // "busy"'
}

# Models of SUCCEEDED jobs, as the API says now.
succeeded_models() { jobs_json | jq -r '.[] | select(.state == "SUCCEEDED") | .model' | sort -u; }

# The service keeps running jobs while it is checked: each rule reads the API in the order that
# makes a publication between two reads harmless (a model is registered before its job says
# SUCCEEDED, and before .default-model may name it).
check() {
  local expected=$1 remembered='' served jobs_before jobs_after name count record
  if [[ -f "$models/.default-model" ]]; then
    remembered=$(tr -d '\n' <"$models/.default-model")
  fi
  jobs_before=$(jobs_json)
  served=$(served_models)
  jobs_after=$(jobs_json)
  for name in $expected; do
    grep -qx "$name" <<<"$served" || { models_lost=$((models_lost + 1)); echo "lost: $name" >&2; }
  done
  # a served model's job SUCCEEDED, or is between registering the model and saying so
  for name in $served; do
    [[ $name == fb-* ]] || continue
    count=$(jq -r --arg n "$name" '[.[] | select(.outputModel == $n and (.state == "SUCCEEDED"
      or (.state == "RUNNING" and .phase == "saving")))] | length' <<<"$jobs_after")
    if [[ $count == 0 ]]; then
      disagreements=$((disagreements + 1))
      echo "served model $name has no SUCCEEDED job" >&2
    fi
  done
  for name in $(jq -r '.[] | select(.state == "SUCCEEDED") | .model' <<<"$jobs_before" | sort -u); do
    grep -qx "$name" <<<"$served" || {
      disagreements=$((disagreements + 1)); echo "SUCCEEDED job's model $name is not served" >&2; }
  done
  if [[ -n $remembered ]]; then
    grep -qx "$remembered" <<<"$served" || {
      disagreements=$((disagreements + 1)); echo ".default-model names $remembered, not served" >&2; }
  fi
  for record in "$data"/jobs/*.json; do
    [[ -e $record ]] || continue
    jq -e '.id | type == "string"' "$record" >/dev/null 2>&1 || {
      disagreements=$((disagreements + 1)); echo "unreadable record $record" >&2; }
  done
  leftovers=$((leftovers + $(stale_temp_files "$jobs_after")))
  files_checked=$((files_checked + $(find "$data" "$models" -type f | wc -l)))
}

# A read stream and, for the first job of a round, a stream that never reads.
watch_job() { # job-id stall?
  "$PYTHON" bench/fault_stream.py read "$PORT" "$1" "$streams_out" &
  clients+=($!)
  if [[ $2 == 1 ]]; then
    "$PYTHON" bench/fault_stream.py stall "$PORT" "$1" 600 &
    clients+=($!)
  fi
}

for round in $(seq 1 "$ROUNDS"); do
  touch "$work/round-start"
  for k in 1 2; do
    job=$(submit "fb-$round-$k" $((RANDOM % 2 == 0 ? 1 : 0)) false $((3 + RANDOM % 3)))
    watch_job "$job" $((k == 1 ? 1 : 0))
  done
  job=$(submit fb-shared $((RANDOM % 2 == 0 ? 1 : 0)) true 3)
  if [[ $job == busy ]]; then
    shared_busy=$((shared_busy + 1))
  else
    watch_job "$job" 0
  fi
  if ((round % 2 == 1)); then
    sleep "$((RANDOM % 40 / 10)).$((RANDOM % 10))"
  else
    # until a job saves its model or writes a checkpoint, polled every 20 ms (30 s at most)
    for _ in $(seq 1 1500); do
      if jobs_json | jq -e 'any(.[]; .phase == "saving")' >/dev/null ||
        [[ -n $(find "$data/jobs" -name 'checkpoint.bin' -newer "$work/round-start" 2>/dev/null) ]]; then
        break
      fi
      sleep 0.02
    done
  fi
  expected=$(succeeded_models)
  kill9
  temp_list >"$work/temps-after-kill"
  left_by_kills=$((left_by_kills + $(wc -l <"$work/temps-after-kill")))
  start
  check "$expected"
  echo "round $round: kills $kills, restarts $restarts, lost $models_lost, leftovers $leftovers," \
    "disagreements $disagreements" >&2
done

# Let every job finish (the last streams read to the end), then the last checks.
mapfile -t unfinished < <(jobs_json | jq -r '.[] | select(.state == "QUEUED" or .state == "RUNNING") | .id')
for job in "${unfinished[@]+"${unfinished[@]}"}"; do
  watch_job "$job" 0
done
for _ in $(seq 1 6000); do
  active=$(jobs_json | jq '[.[] | select(.state == "QUEUED" or .state == "RUNNING")] | length')
  [[ $active == 0 ]] && break
  sleep 0.2
done
# the read streams end with the jobs' end events
for c in "${clients[@]+"${clients[@]}"}"; do
  wait "$c" 2>/dev/null || true
done
clients=()
check "$(succeeded_models)"
jobs=$(jobs_json)
resumed=$(jq '[.[] | select(.resumedAfterEpoch != null)] | length' <<<"$jobs")
restarted=$(jq '[.[] | select(.restarts != null)] | length' <<<"$jobs")
succeeded=$(jq '[.[] | select(.state == "SUCCEEDED")] | length' <<<"$jobs")
failed=$(jq '[.[] | select(.state == "FAILED")] | length' <<<"$jobs")
still=$(jq '[.[] | select(.state == "QUEUED" or .state == "RUNNING")] | length' <<<"$jobs")
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=

streams=$(jq -s 'length' "$streams_out")
ended=$(jq -s 'map(select(.ended)) | length' "$streams_out")
refused=$(jq -s 'map(select(.stopped == "refused")) | length' "$streams_out")
longest=$(jq -s 'map(.longest_ms) | max // 0' "$streams_out")
silent=$(jq -s 'map(select(.stopped | tostring | startswith("silent"))) | length' "$streams_out")

echo "# fault battery: $ROUNDS rounds, seed $SEED, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kills: $kills"
echo "restarts: $restarts"
echo "files checked: $files_checked"
echo "temp files the kills left (removed at restart): $left_by_kills"
echo "models lost: $models_lost"
echo "leftover temp files: $leftovers"
echo "records disagreeing with disk: $disagreements"
echo "jobs taken up again after a kill: $restarted"
echo "resumed jobs (from an epoch checkpoint): $resumed"
echo "jobs: $succeeded succeeded, $failed failed, $still unfinished"
echo "fb-shared submissions refused while another job produced it (409): $shared_busy"
echo "read streams: $streams ($ended to their end event, the others cut by a kill), $refused refused"
echo "stalled clients: $((ROUNDS * 1))"
echo "longest wait between two reads of a read stream: $longest ms (write timeout 10000 ms)"
echo "read streams silent for 120 s: $silent"
problems=$((models_lost + leftovers + disagreements + still + refused + silent))
if ((longest >= 10000)); then problems=$((problems + 1)); fi
if [[ $HOSTILE == 1 && -x bench/fault-hostile.sh ]]; then
  WORK="$work/hostile" PORT="$PORT" JAVA="$JAVA" PYTHON="$PYTHON" bench/fault-hostile.sh "$jar"
fi
if ((problems > 0)); then
  echo "error: $problems problem(s) found (see above)" >&2
  exit 1
fi
