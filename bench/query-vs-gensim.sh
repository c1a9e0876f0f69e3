#!/usr/bin/env bash
# Top-10 neighbour latency, 3CosMul analogy latency and load time, wordvec and gensim side by
# side in one run.
#
# usage: bench/query-vs-gensim.sh random [N] [DIM]      random Gaussian vectors (default 100000 300)
#        bench/query-vs-gensim.sh file VECTORS.bin      an existing word2vec binary file
#
# env: PYTHON (default /usr/bin/python3, needs gensim 4), JAVA (default java), WORK (scratch dir),
#      ROUNDS (default 2: wordvec and gensim alternate, so both see the same machine load),
#      LOADS (default 14: loads of each tool's own format per round; the median of all, "seconds",
#      and of those after the fourth, "warm", once the JVM has compiled its load code),
#      HEAP_OPTS (default "-Xms2g -Xmx6g")
# The same 1,000 query words (a seeded sample of the 20,000 most frequent) go to both tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}
JAVA=${JAVA:-java}
WORK=${WORK:-$(mktemp -d)}
ROUNDS=${ROUNDS:-2}
LOADS=${LOADS:-14}
mode=${1:-random}
mkdir -p "$WORK"

./mvnw -B -ntp -q test-compile
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
# A heap sized for the model (about 2.5x the vectors), as a deployment would give it: without
# -Xms, repeated loads in one JVM also time G1 growing and shrinking the heap between them.
read -r -a HEAP <<< "${HEAP_OPTS:--Xms2g -Xmx6g}"
JVM=(--add-modules jdk.incubator.vector "${HEAP[@]}")

if [[ "$mode" == random ]]; then
  n=${2:-100000}; dim=${3:-300}
  model="$WORK/random-${n}x${dim}.bin"
  [[ -f "$model" ]] || "$JAVA" "${JVM[@]}" -cp "$CP" io.wordvec.bench.vectors.QueryBench random "$n" "$dim" 1 "$model" 2>/dev/null
else
  model=$2
fi

"$PYTHON" - "$model" "$WORK/queries.txt" <<'PY'
import random, sys
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=True, limit=20000)
with open(sys.argv[2], "w") as f:
    f.write("\n".join(random.Random(5).sample(kv.index_to_key, 1000)) + "\n")
PY

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1)"
echo "# model: $model"
for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" "${JVM[@]}" -Dwordvec.bench.loads="$LOADS" -cp "$CP" io.wordvec.bench.vectors.QueryBench measure "$model" "$WORK/queries.txt" "$WORK/model.wvm" 2>/dev/null
  "$PYTHON" bench/gensim_query_bench.py "$model" "$WORK/queries.txt" --own-format "$WORK/gensim.kv" --loads "$LOADS"
done
rm -f "$WORK/model.wvm" "$WORK/gensim.kv" "$WORK/gensim.kv.vectors.npy"
