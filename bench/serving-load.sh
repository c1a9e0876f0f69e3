#!/usr/bin/env bash
# Heap and load time of a trained native model read for serving (no output matrix) vs in full.
#
# usage: bench/serving-load.sh [N] [DIM]      a random N x DIM trained model (default 100000 300)
#
# env: JAVA (default java), WORK (scratch dir), LOADS (default 7 loads of each kind, median
#      reported), HEAP_OPTS (default "-Xms2g -Xmx6g")
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
WORK=${WORK:-$(mktemp -d)}
LOADS=${LOADS:-7}
n=${1:-100000}; dim=${2:-300}
mkdir -p "$WORK"

./mvnw -B -ntp -q test-compile
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
read -r -a HEAP <<< "${HEAP_OPTS:--Xms2g -Xmx6g}"

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1)"
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" --add-modules jdk.incubator.vector "${HEAP[@]}" -cp "$CP" \
  io.wordvec.bench.io.ServingLoadBench "$n" "$dim" "$WORK/trained-${n}x${dim}.wvm" "$LOADS" 2>/dev/null
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$WORK/trained-${n}x${dim}.wvm"
