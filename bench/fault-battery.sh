#!/usr/bin/env bash
# Fault battery: kill -9 the service at random moments while it trains and saves models, restart it
# on the same directories, and count what a crash may have broken.
#
# usage: bench/fault-battery.sh JAR [DATA_DIR]
#   JAR       the service jar (target/wordvec.jar after ./mvnw package)
#   DATA_DIR  a scratch directory for the data and models directories (default: a new temp dir);
#             it is reused as it is, so a second run continues from the first one's state
# env: ROUNDS (default 13), PORT (default 18090), JAVA (default java), SEED (default 18)
#
# Each round submits small training jobs (some activated, some overwriting a shared model name),
# then kills the service: half the rounds after a random delay, half as soon as a job is saving its
# model or has written an epoch checkpoint. After each restart it checks:
#   models lost                 models of SUCCEEDED jobs (as the API said before the kill) that
#                               are no longer served
#   leftover temp files         .*.tmp, *.part and *.ids files anywhere in the two directories
#   records disagreeing w/ disk a served model whose job is not SUCCEEDED, a SUCCEEDED job whose
#                               model is not served, a .default-model naming no served model, a
#                               job record that does not parse
# At the end it waits for every job to finish and counts the jobs that resumed from a checkpoint.
# Then it runs bench/fault-hostile.sh JAR DIR, if that exists and is executable, and prints its
# lines too. Every count but "resumed jobs" is expected to be 0 (kills and restarts: ROUNDS and
# ROUNDS + 1).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(realpath "${1:?usage: bench/fault-battery.sh JAR [DATA_DIR]}")
work=${2:-$(mktemp -d)}
mkdir -p "$work"
work=$(realpath "$work")
ROUNDS=${ROUNDS:-13}
PORT=${PORT:-18090}
JAVA=${JAVA:-java}
SEED=${SEED:-18}
RANDOM=$SEED
data="$work/data"
models="$work/models"
base="http://127.0.0.1:$PORT"
mkdir -p "$data" "$models"

pid=
kills=0
restarts=0
files_checked=0
models_lost=0
leftovers=0
disagreements=0
left_by_kills=0

cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true; }
trap cleanup EXIT

start() {
  "$JAVA" --add-modules jdk.incubator.vector -Xmx768m -jar "$jar" --server.port="$PORT" \
    --wordvec.data.dir="$data" --wordvec.models.dir="$models" --wordvec.jobs.threads=1 \
    --wordvec.jobs.max-queued=50 --spring.main.banner-mode=off >>"$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1; then
      # recovery runs once the application is ready: give its log lines a moment to appear
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "service died at startup; see $work/service.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "service never became ready; see $work/service.log" >&2
  exit 1
}

kill9() {
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  kills=$((kills + 1))
}

temp_files() {
  find "$data" "$models" \( -name '.*.tmp' -o -name '*.part' -o -name '*.ids' \) -type f | wc -l
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
restarts=$((restarts + 1))
corpus_id=$(curl -sf -H 'Content-Type: text/plain' --data-binary @"$corpus" "$base/api/v1/corpora" | jq -r .id)

submit() { # name activate overwrite epochs
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' "$base/api/v1/jobs" \
    -d "{\"type\":\"train\",\"corpus\":\"$corpus_id\",\"outputModel\":\"$1\",\"activate\":$2,\
\"overwrite\":$3,\"params\":{\"dim\":32,\"epochs\":$4,\"minCount\":2,\"threads\":1,\
\"seed\":$((RANDOM % 1000))}}"
}

# Models of SUCCEEDED jobs, as the API says now.
succeeded_models() {
  curl -sf "$base/api/v1/jobs" | jq -r '.[] | select(.state == "SUCCEEDED") | .model' | sort -u
}

check() {
  local expected=$1 served jobs name state
  served=$(curl -sf "$base/api/v1/models" | jq -r '.models[].name' | sort -u)
  jobs=$(curl -sf "$base/api/v1/jobs")
  for name in $expected; do
    grep -qx "$name" <<<"$served" || { models_lost=$((models_lost + 1)); echo "lost: $name" >&2; }
  done
  for name in $served; do
    [[ $name == fb-* ]] || continue
    # the newest job that produced this name must say SUCCEEDED
    state=$(jq -r --arg n "$name" '[.[] | select(.outputModel == $n)] | sort_by(.createdAt)
      | map(select(.state == "SUCCEEDED")) | length' <<<"$jobs")
    if [[ $state == 0 ]]; then
      disagreements=$((disagreements + 1))
      echo "served model $name has no SUCCEEDED job" >&2
    fi
  done
  for name in $(jq -r '.[] | select(.state == "SUCCEEDED") | .model' <<<"$jobs" | sort -u); do
    grep -qx "$name" <<<"$served" || {
      disagreements=$((disagreements + 1)); echo "SUCCEEDED job's model $name is not served" >&2; }
  done
  if [[ -f "$models/.default-model" ]]; then
    name=$(tr -d '\n' <"$models/.default-model")
    grep -qx "$name" <<<"$served" || {
      disagreements=$((disagreements + 1)); echo ".default-model names $name, not served" >&2; }
  fi
  for record in "$data"/jobs/*.json; do
    [[ -e $record ]] || continue
    jq -e .id "$record" >/dev/null 2>&1 || {
      disagreements=$((disagreements + 1)); echo "unreadable record $record" >&2; }
  done
  leftovers=$((leftovers + $(temp_files)))
  files_checked=$((files_checked + $(find "$data" "$models" -type f | wc -l)))
}

for round in $(seq 1 "$ROUNDS"); do
  touch "$work/round-start"
  for k in 1 2; do
    submit "fb-$round-$k" $((RANDOM % 2 == 0 ? 1 : 0)) false $((3 + RANDOM % 3)) >/dev/null
  done
  submit fb-shared $((RANDOM % 2 == 0 ? 1 : 0)) true 3 >/dev/null
  if ((round % 2 == 1)); then
    sleep "$((RANDOM % 40 / 10)).$((RANDOM % 10))"
  else
    # until a job saves its model or writes a checkpoint, polled every 20 ms (30 s at most)
    for _ in $(seq 1 1500); do
      if curl -sf "$base/api/v1/jobs" | jq -e 'any(.[]; .phase == "saving")' >/dev/null ||
        [[ -n $(find "$data/jobs" -name 'checkpoint.bin' -newer "$work/round-start" 2>/dev/null) ]]; then
        break
      fi
      sleep 0.02
    done
  fi
  expected=$(succeeded_models)
  kill9
  left_by_kills=$((left_by_kills + $(temp_files)))
  start
  restarts=$((restarts + 1))
  check "$expected"
done

# Let every job finish, then the last checks.
for _ in $(seq 1 3000); do
  active=$(curl -sf "$base/api/v1/jobs" | jq '[.[] | select(.state == "QUEUED" or .state == "RUNNING")] | length')
  [[ $active == 0 ]] && break
  sleep 0.2
done
check "$(succeeded_models)"
jobs=$(curl -sf "$base/api/v1/jobs")
resumed=$(jq '[.[] | select(.resumedAfterEpoch != null)] | length' <<<"$jobs")
restarted=$(jq '[.[] | select(.restarts != null)] | length' <<<"$jobs")
succeeded=$(jq '[.[] | select(.state == "SUCCEEDED")] | length' <<<"$jobs")
failed=$(jq '[.[] | select(.state == "FAILED")] | length' <<<"$jobs")
still=$(jq '[.[] | select(.state == "QUEUED" or .state == "RUNNING")] | length' <<<"$jobs")
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=

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
if [[ -x bench/fault-hostile.sh ]]; then
  bench/fault-hostile.sh "$jar" "$work/hostile"
fi
