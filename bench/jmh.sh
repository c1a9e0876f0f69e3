#!/usr/bin/env bash
# Runs JMH benchmarks twice: with the Vector API kernels and with the scalar fallback
# (-Dwordvec.simd.disabled=true). By default the training kernels
# (src/test/java/io/wordvec/bench/train/KernelBench.java); BENCH=BlockTrainingBench times one pass
# of the trainer's own worker over a synthetic block, per-pair kernel against batched
# (src/test/java/io/wordvec/bench/train/BlockTrainingBench.java); BENCH=ScanBench runs the exact
# neighbour scans on heap rows against the same rows mapped from a .wvm
# (src/test/java/io/wordvec/bench/vectors/ScanBench.java).
#
# Usage: bench/jmh.sh [JMH options, e.g. -p dim=100]
# Environment: JAVA (default java), BENCH (default KernelBench), MODES (default "simd scalar").
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
./mvnw -B -ntp -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
CP=target/test-classes:target/classes:$(cat target/jmh.classpath)
BENCH=${BENCH:-KernelBench}
case "$BENCH" in
  KernelBench | BlockTrainingBench) pattern="io.wordvec.bench.train.$BENCH" ;;
  *) pattern="io.wordvec.bench.vectors.$BENCH" ;;
esac
for mode in ${MODES:-simd scalar}; do
  extra=()
  if [[ $mode == scalar ]]; then extra=(-jvmArgsAppend -Dwordvec.simd.disabled=true); fi
  echo "== $mode kernels"
  "$JAVA" --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main \
    "$pattern" "${extra[@]}" "$@" 2>&1 | grep -E "^(Benchmark|$BENCH)"
done
