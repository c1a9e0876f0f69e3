#!/usr/bin/env bash
# Generates the models of the big-model benchmarks into DIR: uniform random and clustered vectors
# (io.wordvec.bench.io.ModelGenerator), as word2vec binary files of GoogleNews's shape, each then
# converted to .wvm with `wordvec convert` under the default JVM settings, timed. Files that
# exist are kept, so a second run only adds what is missing.
#
# usage: bench/make-models.sh DIR [ROWS...]      (default ROWS: 1000000 3000000)
#        bench/make-models.sh DIR --small        20000 and 50000 rows, for CI and smoke tests
#
# env: DIM (default 300), KINDS (default "random clustered"), JAVA (default java),
#      SKIP_WVM=1 (write the .bin files only), SEED (default 13)
# Output: DIR/{random,clustered}-<ROWS>x<DIM>.bin and .wvm; one JSON line per file written.
# Disk: a 3M x 300 model takes 3.6 GB as .bin and 4.6 GB as .wvm (unit rows, norms, 8-bit rows).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/make-models.sh DIR [ROWS...|--small]}
shift
if [[ "${1:-}" == --small ]]; then
  rows=(20000 50000)
elif [[ $# -gt 0 ]]; then
  rows=("$@")
else
  rows=(1000000 3000000)
fi
JAVA=${JAVA:-java}
DIM=${DIM:-300}
KINDS=${KINDS:-random clustered}
SEED=${SEED:-13}
mkdir -p "$dir"

./mvnw -B -ntp -q -DskipTests package
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

for kind in $KINDS; do
  for n in "${rows[@]}"; do
    bin="$dir/$kind-${n}x$DIM.bin"
    if [[ ! -f "$bin" ]]; then
      "$JAVA" -cp "$CP" io.wordvec.bench.io.ModelGenerator "$kind" "$n" "$DIM" "$SEED" "$bin"
    fi
    wvm="${bin%.bin}.wvm"
    if [[ -z "${SKIP_WVM:-}" && ! -f "$wvm" ]]; then
      # The default JVM settings (no -Xmx): the conversion streams, whatever the file's size.
      start=$(date +%s%N)
      "$JAVA" --add-modules jdk.incubator.vector -jar target/wordvec.jar convert \
        --input "$bin" --output "$wvm" 2>/dev/null >/dev/null
      end=$(date +%s%N)
      printf '{"converted":"%s","ms":%d,"bytes":%d}\n' \
        "$wvm" $(((end - start) / 1000000)) "$(stat -c %s "$wvm")"
    fi
  done
done
