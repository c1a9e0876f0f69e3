#!/usr/bin/env bash
# Runs the JMH kernel benchmarks (src/test/java/io/wordvec/bench/train/KernelBench.java) twice:
# with the Vector API kernels and with the scalar fallback (-Dwordvec.simd.disabled=true).
#
# Usage: bench/jmh.sh [JMH options, e.g. -p dim=100]
# Environment: JAVA (default java).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
./mvnw -B -ntp -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
CP=target/test-classes:target/classes:$(cat target/jmh.classpath)
for mode in simd scalar; do
  extra=()
  if [[ $mode == scalar ]]; then extra=(-jvmArgsAppend -Dwordvec.simd.disabled=true); fi
  echo "== $mode kernels"
  "$JAVA" --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main \
    'io.wordvec.bench.train.KernelBench' "${extra[@]}" "$@" 2>&1 | grep -E '^(Benchmark|KernelBench)'
done
