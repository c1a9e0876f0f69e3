#!/usr/bin/env bash
# Query latency (p50/p99) of neighbors?topn=10 with no job running, then while a training job runs
# in the same service. Needs wrk and curl, and the jar (./mvnw -q -DskipTests package).
#
#   bench/query-latency-during-training.sh CORPUS [SECONDS] [CONCURRENCY]
#
# CORPUS is a plain-text corpus (one sentence per line), e.g. the 17M-token Gutenberg corpus. A
# query model is first trained from it by the CLI (1 epoch, so the benchmark stays short); then the
# service starts on that model, wrk measures for SECONDS (default 30) at CONCURRENCY connections
# (default 16) without a job, then again while a train job (pinned settings, the service's default
# training threads) runs on the same corpus. The job is cancelled at the end. MODEL=file.wvm skips
# the CLI training and serves that model instead.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:?usage: $0 CORPUS [SECONDS] [CONCURRENCY]}
seconds=${2:-30}
concurrency=${3:-16}
port=${PORT:-18090}
jar=target/wordvec.jar
[[ -f $jar ]] || { echo "build the jar first: ./mvnw -q -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

java_opts=(--add-modules jdk.incubator.vector -Xmx4g)
mkdir -p "$work/models" "$work/data"
if [[ -n ${MODEL:-} ]]; then
  cp "$MODEL" "$work/models/bench.wvm"
else
  echo "== training the query model (CLI, 1 epoch)" >&2
  java "${java_opts[@]}" -jar "$jar" train --corpus "$corpus" --output "$work/models/bench.wvm" \
    --epochs 1 --quiet >&2
fi

echo "== starting the service on port $port" >&2
java "${java_opts[@]}" -jar "$jar" --server.port="$port" \
  --wordvec.models.dir="$work/models" --wordvec.data.dir="$work/data" \
  >"$work/service.log" 2>&1 &
server_pid=$!
base="http://localhost:$port"
for _ in $(seq 1 120); do
  if curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fs "$base/actuator/health/readiness" >/dev/null

url="$base/api/v1/models/default/neighbors?word=king&topn=10"
curl -fs "$url" >/dev/null
run_wrk() {
  wrk -t2 -c"$concurrency" -d"${seconds}s" --latency "$url"
}
summary() {
  awk -v label="$1" '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rps=$2}
    /Non-2xx|Socket errors/ {err=err $0}
    END {printf "%-22s p50 %-9s p99 %-9s req/s %-9s errors: %s\n", label, p50, p99, rps, (err == "" ? "none" : err)}'
}

echo "== warm-up (10 s)" >&2
wrk -t2 -c"$concurrency" -d10s "$url" >/dev/null
echo "== no job: $seconds s at $concurrency connections" >&2
idle=$(run_wrk)

echo "== uploading the corpus and starting a train job" >&2
corpus_id=$(curl -fs -H 'Content-Type: text/plain' --data-binary @"$corpus" "$base/api/v1/corpora" |
  sed -E 's/.*"id":"([^"]+)".*/\1/')
job_id=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"type\":\"train\",\"corpus\":\"$corpus_id\",\"outputModel\":\"bench-job\",\"params\":{\"epochs\":5}}" \
  "$base/api/v1/jobs" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
for _ in $(seq 1 300); do
  if curl -fs "$base/api/v1/jobs/$job_id" | grep -q '"phase" *: *"training"'; then break; fi
  sleep 1
done
job_threads=$(curl -fs "$base/api/v1/jobs/$job_id" | sed -E 's/.*"threads":([0-9]+).*/\1/')
echo "== training job $job_id running with $job_threads thread(s): $seconds s at $concurrency connections" >&2
busy=$(run_wrk)
state=$(curl -fs "$base/api/v1/jobs/$job_id" | sed -E 's/.*"state":"([A-Z]+)".*/\1/')
words_per_s=$(curl -fs "$base/api/v1/jobs/$job_id" | sed -E 's/.*"wordsPerSecond":([0-9.E]+).*/\1/')
curl -fs -X DELETE "$base/api/v1/jobs/$job_id" >/dev/null || true
for _ in $(seq 1 60); do
  if curl -fs "$base/api/v1/jobs/$job_id" | grep -q '"state":"CANCELLED"'; then break; fi
  sleep 1
done
# the machine's load drifts: measure without a job once more, so the job's run is bracketed
echo "== no job again: $seconds s at $concurrency connections" >&2
after=$(run_wrk)

echo "machine: $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "query: GET /api/v1/models/default/neighbors?word=king&topn=10, wrk -t2 -c$concurrency -d${seconds}s"
echo "$idle" | summary "no job"
echo "$busy" | summary "training job running"
echo "$after" | summary "no job (after)"
echo "job state at the end of the measurement: $state, training at $words_per_s words/s"
