#!/usr/bin/env bash
# Recall and speed of the approximate neighbour index (wordvec index / io.wordvec.index), with
# hnswlib and FAISS HNSW on the same vectors side by side.
#
# usage: bench/ann.sh MODEL.wvm [OUT_DIR]          sweep ef in process: recall@10 / p50 / p99 / QPS
#        bench/ann.sh --http MODEL.wvm [OUT_DIR]   the same model served over HTTP under wrk
#
# Sweep mode: builds MODEL's index beside it with `wordvec index` unless it exists (timed), then
# io.wordvec.bench.index.AnnBench answers QUERIES frequency-sampled words, QUERIES uniform words
# (the query word excluded) and QUERIES 3CosAdd analogies through the index for each ef of EFS,
# against the exact scan's answers, on one thread; bench/ann_anchors.py answers the same queries on
# the same unit rows with hnswlib and FAISS (both M=16, i.e. 32 base-level neighbours as wordvec's
# degree 32, efConstruction 100); bench/ann_report.py writes OUT_DIR/report.md with the sweep and
# every engine at matched recall.
# HTTP mode: serves MODEL (with its index) and, for each ef of HTTP_EFS and for exact=true, runs
# wrk with one connection (p50 per request) and with CONCURRENCY connections (requests/s) over the
# frequency-sampled query words of a previous sweep in OUT_DIR (or the model's first 1,000 words).
#
# env: QUERIES (1000), EFS (10,20,40,80,160,320), HTTP_EFS (40,100), DURATION (30s), WARMUP (10s),
#      CONCURRENCY (16), THREADS (2), PORT (18081), JAVA (java), JAVA_OPTS (none: default heap),
#      PYTHON (/usr/bin/python3 with python3-hnswlib, python3-faiss), SKIP_ANCHORS=1 (wordvec only),
#      SKIP_FAISS=1 (hnswlib as the only anchor), INDEX_OPTS (extra `wordvec index` options),
#      HNSWLIB_INDEX (a file to keep hnswlib's index in between runs: see bench/ann_anchors.py)
# Output: OUT_DIR (default /tmp/wordvec-ann-<model>): report.md, wordvec.tsv, anchors.tsv,
#         index.log, http.md; the unit rows as unit.f32 (4 bytes x rows x dim) for the anchors.
set -euo pipefail
cd "$(dirname "$0")/.."

http=0
if [[ "${1:-}" == --http ]]; then
  http=1
  shift
fi
MODEL=${1:?usage: bench/ann.sh [--http] MODEL.wvm [OUT_DIR]}
name=$(basename "$MODEL")
name=${name%%.*}
OUT=${2:-/tmp/wordvec-ann-$name}
QUERIES=${QUERIES:-1000}
EFS=${EFS:-10,20,40,80,160,320}
HTTP_EFS=${HTTP_EFS:-40,100}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
CONCURRENCY=${CONCURRENCY:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18081}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
PYTHON=${PYTHON:-/usr/bin/python3}
[[ -f "$MODEL" ]] || { echo "no such file: $MODEL" >&2; exit 1; }
mkdir -p "$OUT"
INDEX="${MODEL%.*}.hnsw"

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs),"
machine="$machine $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"

./mvnw -B -ntp -q -DskipTests package
if [[ ! -f "$INDEX" ]]; then
  echo "== wordvec index --model $MODEL"
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS --add-modules jdk.incubator.vector -jar target/wordvec.jar index \
    --model "$MODEL" --check 0 ${INDEX_OPTS:-} 2>&1 | tee "$OUT/index.log"
fi

if [[ $http == 0 ]]; then
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
  CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
  echo "== wordvec: $QUERIES queries per set, ef $EFS"
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS --add-modules jdk.incubator.vector -cp "$CP" \
    io.wordvec.bench.index.AnnBench "$MODEL" "$INDEX" "$OUT" "$QUERIES" "$EFS" 2>&1 \
    | grep -v 'WARNING: Using incubator' | tee "$OUT/wordvec.log"
  shape=$(grep -m1 '^model ' "$OUT/wordvec.log" | sed 's/.*: //')
  rows=${shape%% x *}
  dim=${shape##* x }
  notes=("machine: $machine" "model: $MODEL ($shape)"
    "index build: $(grep -m1 '^indexed' "$OUT/index.log" 2>/dev/null || echo 'existing file')")
  if [[ "${SKIP_ANCHORS:-0}" != 1 ]]; then
    echo "== hnswlib and FAISS HNSW on the same rows"
    "$PYTHON" bench/ann_anchors.py "$OUT" "$rows" "$dim" "$EFS" | tee "$OUT/anchors.log"
    notes+=("$(grep '^BUILD' "$OUT/anchors.log" | sed 's/BUILD //' | paste -sd ';' | sed 's/;/, /g;s/^/anchor builds (all cores): /')")
  fi
  "$PYTHON" bench/ann_report.py "$OUT" "ANN sweep: $name" "${notes[@]}" | tee "$OUT/report.md"
  exit 0
fi

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
# shellcheck source=bench/model-dir.sh
source bench/model-dir.sh
work=$(mktemp -d)
models=$(models_dir_for "$MODEL")
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work" "$models"
}
trap cleanup EXIT
serve_as "$MODEL" "$models" bench.wvm
serve_as "$INDEX" "$models" bench.hnsw
echo "== starting wordvec on port $PORT"
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS --add-modules jdk.incubator.vector -jar target/wordvec.jar \
  --server.port="$PORT" --wordvec.models.dir="$models" --wordvec.models.default-model=bench \
  --wordvec.explore.max-prefix-matches=1000 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://localhost:$PORT/api/v1/models/bench" | grep -q '"search":"hnsw"' \
  || { echo "the model is not served with its index" >&2; tail -30 "$work/server.log" >&2; exit 1; }
words="$OUT/words-frequency.txt"
if [[ ! -s "$words" ]]; then
  # No sweep in OUT_DIR: the model's 1,000 most frequent words (the service runs with a prefix
  # search limit of 1,000 for this).
  words="$work/words.txt"
  curl -fs "http://localhost:$PORT/api/v1/models/bench/words?limit=1000" \
    | grep -o '"word":"[^"]*"' | cut -d'"' -f4 >"$words"
fi
export WORDS_FILE="$words" TOPN=10 MODEL=bench
run() { # label extra-query connections duration
  EXTRA="$2" wrk -t"$(( $3 < THREADS ? $3 : THREADS ))" -c"$3" -d"$4" --latency \
    -s bench/neighbors.lua "http://localhost:$PORT" | grep '^RESULT' | sed "s/^RESULT/$1 c=$3/"
}
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
{
  echo "## ANN over HTTP: $name"
  echo
  echo "- machine: $machine"
  echo "- wrk over the frequency-sampled query words, topn=10; warm-up $WARMUP per setting"
  echo "- load (the service's log): $(grep -o "Loaded model 'bench'.*" "$work/server.log" | head -1)"
  echo
  echo "| search | p50 ms (1 connection) | p99 ms (1 connection) | requests/s ($CONCURRENCY connections) | p50 ms ($CONCURRENCY) | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
} >"$OUT/http.md"
for setting in $(tr ',' ' ' <<<"$HTTP_EFS") exact; do
  if [[ $setting == exact ]]; then extra="&exact=true"; label="exact"; else extra="&ef=$setting"; label="hnsw ef=$setting"; fi
  echo "== $label"
  EXTRA="$extra" wrk -t"$THREADS" -c"$CONCURRENCY" -d"$WARMUP" -s bench/neighbors.lua \
    "http://localhost:$PORT" >/dev/null
  one=$(run "$label" "$extra" 1 "$DURATION")
  many=$(run "$label" "$extra" "$CONCURRENCY" "$DURATION")
  echo "$one"
  echo "$many"
  echo "| $label | $(field p50_ms "$one") | $(field p99_ms "$one") | $(field rps "$many") | $(field p50_ms "$many") | $(( $(field non2xx "$many") + $(field socket_errors "$many") + $(field non2xx "$one") + $(field socket_errors "$one") )) |" >>"$OUT/http.md"
done
cat "$OUT/http.md"
