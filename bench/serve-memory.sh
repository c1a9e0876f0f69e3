#!/usr/bin/env bash
# Serving a big model under the default JVM settings (no -Xmx), wordvec and gensim side by side:
# time to ready, heap after the load, and process RSS after 1,000 top-10 neighbour queries (over
# HTTP for wordvec, in process for gensim); and the time to convert the word2vec file to .wvm
# against gensim's load_word2vec_format of it.
#
# usage: bench/serve-memory.sh MODEL.bin [MODEL.wvm]
#   MODEL.bin  a word2vec binary file (bench/make-models.sh makes them)
#   MODEL.wvm  the same vectors as .wvm, served (default: MODEL.bin with .wvm, or the conversion
#              this script times when that does not exist)
# env: JAVA (default java), PYTHON (default /usr/bin/python3, needs gensim 4), WORK (scratch dir,
#      gensim's own format goes there: as big as the vectors), PORT (default 18080),
#      QUERIES (default 1000), SKIP_GENSIM=1, SKIP_CONVERT=1 (do not time a conversion into WORK,
#      which needs room for the .wvm: 4.6 GB for 3M x 300), INDEX (the model's .hnsw from
#      `wordvec index`: served beside it, so that the queries walk the index instead of scanning)
# Prints one JSON object per measurement. Run it on a quiet machine: other work moves every
# figure.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:?usage: bench/serve-memory.sh MODEL.bin [MODEL.wvm]}")
wvm=${2:-${bin%.bin}.wvm}
JAVA=${JAVA:-java}
PYTHON=${PYTHON:-/usr/bin/python3}
WORK=${WORK:-$(mktemp -d)}
PORT=${PORT:-18080}
QUERIES=${QUERIES:-1000}
mkdir -p "$WORK/data"
# shellcheck source=bench/model-dir.sh
source bench/model-dir.sh

./mvnw -B -ntp -q -DskipTests package
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"
echo "# model: $bin ($(stat -c %s "$bin") bytes), load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ -z "${SKIP_CONVERT:-}" ]]; then
  converted="$WORK/converted.wvm"
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$WORK/convert.maxrss" "$JAVA" --add-modules jdk.incubator.vector \
    -jar target/wordvec.jar convert --input "$bin" --output "$converted" >/dev/null 2>&1
  end=$(date +%s%N)
  printf '{"tool":"wordvec","what":"convert bin to wvm","seconds":%.1f,"peak_rss_mb":%d}\n' \
    "$(echo "($end - $start) / 1000000000" | bc -l)" $(($(cat "$WORK/convert.maxrss") / 1024))
  [[ -f "$wvm" ]] || wvm=$converted
fi
[[ -f "$wvm" ]] || { echo "no $wvm: unset SKIP_CONVERT or give MODEL.wvm" >&2; exit 2; }

# Query words: a seeded sample of the file's first 20,000 words, the same for both tools.
"$PYTHON" - "$bin" "$WORK/queries.txt" "$QUERIES" <<'PY'
import random, sys
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=True, limit=20000)
words = random.Random(5).choices(kv.index_to_key, k=int(sys.argv[3]))
with open(sys.argv[2], "w") as f:
    f.write("\n".join(words) + "\n")
PY

# wordvec: the model alone in a models directory, the default JVM settings.
models=$(models_dir_for "$wvm")
serve_as "$wvm" "$models" big.wvm
if [[ -n "${INDEX:-}" ]]; then
  serve_as "$INDEX" "$models" big.hnsw
fi
start=$(date +%s%N)
"$JAVA" --add-modules jdk.incubator.vector -jar target/wordvec.jar \
  --server.port="$PORT" --wordvec.models.dir="$models" --wordvec.data.dir="$WORK/data" \
  > "$WORK/wordvec.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$models"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; do
  if ! kill -0 $pid 2>/dev/null; then
    echo "wordvec exited; see $WORK/wordvec.log" >&2
    exit 1
  fi
  sleep 0.05
done
ready=$(date +%s%N)
load_ms=$(grep -o "Loaded model 'big' from big.wvm: .* in [0-9]* ms" "$WORK/wordvec.log" | grep -o '[0-9]* ms' | tail -1)
jcmd $pid GC.run >/dev/null
heap=$(curl -s "http://127.0.0.1:$PORT/actuator/metrics/jvm.memory.used?tag=area:heap" \
  | "$PYTHON" -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))')
max_heap=$(curl -s "http://127.0.0.1:$PORT/actuator/metrics/jvm.memory.max?tag=area:heap" \
  | "$PYTHON" -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))')
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
printf '{"tool":"wordvec","what":"ready","seconds_from_jvm_start":%.2f,"model_load":"%s",' \
  "$(echo "($ready - $start) / 1000000000" | bc -l)" "$load_ms"
printf '"heap_after_load_mb":%d,"max_heap_mb":%d,"rss_mb":%d}\n' \
  $((heap / 1048576)) $((max_heap / 1048576)) $(($(rss_kb $pid) / 1024))
"$PYTHON" - "$PORT" "$WORK/queries.txt" <<'PY'
import collections, json, statistics, sys, time, urllib.parse, urllib.request
port, words = sys.argv[1], [w.strip() for w in open(sys.argv[2]) if w.strip()]
lat = []
searches = collections.Counter()
for w in words:
    t = time.perf_counter()
    url = f"http://127.0.0.1:{port}/api/v1/models/big/neighbors?topn=10&word={urllib.parse.quote(w)}"
    with urllib.request.urlopen(url) as r:
        body = json.loads(r.read())
    lat.append(time.perf_counter() - t)
    searches[str(body.get("search"))] += 1
lat.sort()
print(json.dumps({"tool": "wordvec", "what": "neighbors over HTTP", "queries": len(lat),
                  "searches": dict(searches),
                  "p50_ms": round(1000 * lat[len(lat) // 2], 2),
                  "p99_ms": round(1000 * lat[int(len(lat) * 0.99)], 2)}))
PY
read -r anon file_rss < <(awk '/^RssAnon/ {a=$2} /^RssFile/ {f=$2} END {print a, f}' "/proc/$pid/status")
printf '{"tool":"wordvec","what":"after queries","rss_mb":%d,"rss_anon_mb":%d,"rss_file_mb":%d}\n' \
  $(($(rss_kb $pid) / 1024)) $((anon / 1024)) $((file_rss / 1024))
kill $pid
wait $pid 2>/dev/null || true
rm -rf "$models"
trap - EXIT

if [[ -z "${SKIP_GENSIM:-}" ]]; then
  "$PYTHON" bench/gensim_serve_memory.py load "$bin" --save "$WORK/gensim.kv"
  "$PYTHON" bench/gensim_serve_memory.py mmap "$WORK/gensim.kv" --queries "$WORK/queries.txt"
  rm -f "$WORK/gensim.kv" "$WORK/gensim.kv.vectors.npy"
fi
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg)"
