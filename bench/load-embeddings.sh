#!/usr/bin/env bash
# Load benchmark of the OpenAI-compatible embeddings endpoint: POST /v1/embeddings with batches of
# short texts under wrk (16 connections, 32 texts a request by default).
#
# usage: bench/load-embeddings.sh [MODEL_FILE [TEXTS]]
#   MODEL_FILE  a model file to serve as the default (default: models/gutenberg.wvm)
#   TEXTS       a text file; each line's first WORDS words make one text
#               (default: src/test/resources/corpora/kjv-pentateuch.txt)
# env: DURATION (60s), WARMUP (15s), CONCURRENCY (16), THREADS (2), BATCH (32), WORDS (10),
#      ENCODING (float | base64), PORT (18081), JAR (target/wordvec.jar), JAVA_OPTS (-Xmx2g).
# Build the jar first: ./mvnw -B -ntp -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."

MODEL_FILE=${1:-models/gutenberg.wvm}
TEXTS=${2:-src/test/resources/corpora/kjv-pentateuch.txt}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-15s}
CONCURRENCY=${CONCURRENCY:-16}
THREADS=${THREADS:-2}
BATCH=${BATCH:-32}
WORDS=${WORDS:-10}
ENCODING=${ENCODING:-float}
PORT=${PORT:-18081}
JAR=${JAR:-target/wordvec.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}

for tool in java wrk curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
[[ -f "$JAR" ]] || { echo "no $JAR: run ./mvnw -B -ntp -DskipTests package" >&2; exit 1; }
[[ -f "$MODEL_FILE" ]] || { echo "no such file: $MODEL_FILE" >&2; exit 1; }
[[ -f "$TEXTS" ]] || { echo "no such file: $TEXTS" >&2; exit 1; }

# shellcheck source=bench/model-dir.sh
source bench/model-dir.sh
work=$(mktemp -d)
models=$(models_dir_for "$MODEL_FILE")
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work" "$models"
}
trap cleanup EXIT

serve_as "$MODEL_FILE" "$models" "bench.${MODEL_FILE##*.}"
# short texts: the first WORDS words of each non-empty line
awk -v n="$WORDS" 'NF { line = $1; for (i = 2; i <= NF && i <= n; i++) line = line " " $i; print line }' \
  "$TEXTS" >"$work/texts.txt"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== $(wc -l <"$work/texts.txt") texts of up to $WORDS words from $(basename "$TEXTS")"
echo "== starting wordvec on port $PORT"
# shellcheck disable=SC2086
java $JAVA_OPTS --add-modules jdk.incubator.vector -jar "$JAR" \
  --server.port="$PORT" --wordvec.models.dir="$models" --wordvec.models.default-model=bench \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null \
  || { echo "server not ready" >&2; tail -50 "$work/server.log" >&2; exit 1; }
echo "== wordvec ready; sample answer (first 3 dimensions):"
curl -fs "http://localhost:$PORT/v1/embeddings" -H 'Content-Type: application/json' \
  -d "{\"model\": \"default\", \"input\": \"$(head -1 "$work/texts.txt")\"}" \
  | grep -o '"embedding":\[[^,]*,[^,]*,[^,]*' || true
echo

export TEXTS_FILE="$work/texts.txt" BATCH ENCODING MODEL=default
echo "== warm-up $WARMUP"
wrk -t"$THREADS" -c"$CONCURRENCY" -d"$WARMUP" -s bench/embeddings.lua \
  "http://localhost:$PORT" >/dev/null
echo "== wrk -t$THREADS -c$CONCURRENCY -d$DURATION /v1/embeddings, $BATCH texts a request ($ENCODING)"
wrk -t"$THREADS" -c"$CONCURRENCY" -d"$DURATION" --latency -s bench/embeddings.lua \
  "http://localhost:$PORT" | tee "$work/wrk.txt"

result=$(grep '^RESULT' "$work/wrk.txt")
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
echo
echo "== summary"
printf '%-40s %10s %10s %10s %10s %8s\n' "" "req/s" "texts/s" "p50 ms" "p99 ms" "errors"
printf '%-40s %10s %10s %10s %10s %8s\n' "wordvec /v1/embeddings, c=$CONCURRENCY" \
  "$(field rps "$result")" "$(field texts_per_s "$result")" "$(field p50_ms "$result")" \
  "$(field p99_ms "$result")" \
  "$(( $(field non2xx "$result") + $(field socket_errors "$result") ))"
