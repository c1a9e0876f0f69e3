#!/usr/bin/env bash
# Load benchmark of the neighbours endpoint: wordvec over HTTP under wrk, next to gensim's
# in-process most_similar on the same vectors and the same query words.
#
# usage: bench/load-neighbors.sh VECTORS
#   VECTORS  a word2vec binary (.bin) or text (.txt) file; it is served as the default model.
# Also runs one connection for SINGLE_DURATION: per-request latency without queueing, the figure
# to hold against gensim's single-threaded in-process latency.
# env: DURATION (60s), WARMUP (15s), CONCURRENCY (16), THREADS (2), TOPN (10), PORT (18080),
#      SINGLE_DURATION (20s),
#      JAR (target/wordvec.jar), PYTHON (/usr/bin/python3, needs gensim), JAVA_OPTS (-Xmx2g).
# Build the jar first: ./mvnw -B -ntp -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."

VECTORS=${1:?usage: bench/load-neighbors.sh VECTORS.bin}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-15s}
CONCURRENCY=${CONCURRENCY:-16}
SINGLE_DURATION=${SINGLE_DURATION:-20s}
THREADS=${THREADS:-2}
TOPN=${TOPN:-10}
PORT=${PORT:-18080}
JAR=${JAR:-target/wordvec.jar}
PYTHON=${PYTHON:-/usr/bin/python3}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}

for tool in java wrk curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
[[ -f "$JAR" ]] || { echo "no $JAR: run ./mvnw -B -ntp -DskipTests package" >&2; exit 1; }
[[ -f "$VECTORS" ]] || { echo "no such file: $VECTORS" >&2; exit 1; }

# shellcheck source=bench/model-dir.sh
source bench/model-dir.sh
work=$(mktemp -d)
models=$(models_dir_for "$VECTORS")
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work" "$models"
}
trap cleanup EXIT

ext=${VECTORS##*.}
serve_as "$VECTORS" "$models" "bench.$ext"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== gensim in-process most_similar(topn=$TOPN) on $(basename "$VECTORS")"
"$PYTHON" bench/gensim_neighbors.py "$VECTORS" "$work/words.txt" --topn "$TOPN" | tee "$work/gensim.txt"

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
simd=$(curl -fs "http://localhost:$PORT/actuator/info" | grep -o '"simd":"[^"]*"' || true)
echo "== wordvec ready ($simd); sample answer:"
curl -fs "http://localhost:$PORT/api/v1/models/default/neighbors?word=$(head -1 "$work/words.txt")&topn=3"
echo

export WORDS_FILE="$work/words.txt" TOPN MODEL=default
echo "== warm-up $WARMUP"
wrk -t"$THREADS" -c"$CONCURRENCY" -d"$WARMUP" -s bench/neighbors.lua \
  "http://localhost:$PORT" >/dev/null
echo "== wrk -t$THREADS -c$CONCURRENCY -d$DURATION neighbors?topn=$TOPN"
wrk -t"$THREADS" -c"$CONCURRENCY" -d"$DURATION" --latency -s bench/neighbors.lua \
  "http://localhost:$PORT" | tee "$work/wrk.txt"

echo "== wrk -t1 -c1 -d$SINGLE_DURATION neighbors?topn=$TOPN (one connection)"
wrk -t1 -c1 -d"$SINGLE_DURATION" --latency -s bench/neighbors.lua \
  "http://localhost:$PORT" | tee "$work/wrk1.txt"

result=$(grep '^RESULT' "$work/wrk.txt")
single=$(grep '^RESULT' "$work/wrk1.txt")
gensim=$(grep '^GENSIM' "$work/gensim.txt")
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
echo
echo "== summary"
printf '%-44s %10s %10s %10s %8s\n' "" "req/s" "p50 ms" "p99 ms" "errors"
printf '%-44s %10s %10s %10s %8s\n' "wordvec HTTP, c=$CONCURRENCY, $DURATION" \
  "$(field rps "$result")" "$(field p50_ms "$result")" "$(field p99_ms "$result")" \
  "$(( $(field non2xx "$result") + $(field socket_errors "$result") ))"
printf '%-44s %10s %10s %10s %8s\n' "wordvec HTTP, c=1, $SINGLE_DURATION" \
  "$(field rps "$single")" "$(field p50_ms "$single")" "$(field p99_ms "$single")" \
  "$(( $(field non2xx "$single") + $(field socket_errors "$single") ))"
printf '%-44s %10s %10s %10s %8s\n' "gensim most_similar in-process, 1 thread" \
  "$(field qps "$gensim")" "$(field p50_ms "$gensim")" "$(field p99_ms "$gensim")" "-"
