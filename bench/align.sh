#!/usr/bin/env bash
# Cross-model alignment on one corpus: how well an orthogonal map (Procrustes) learnt from the
# words frequent in both models translates other words to themselves.
#
# 1. seeds: two skip-gram models of the whole corpus, --seed 1 and --seed 2;
# 2. halves: one model of the corpus's first half of lines, one of its second half (seed 1).
# Each pair is aligned by `wordvec align` from the PAIRS words frequent in both models, and tested
# on the TEST identical words that follow them in frequency (none a training word): P@1 by plain
# nearest neighbour and by CSLS (k 10, the 100 nearest re-ranked).
#
# Usage: bench/align.sh CORPUS
# Environment: OUT (work directory, default a new temp dir; models already in it are reused),
#   JAR (default target/wordvec.jar), JAVA (default java), THREADS (2), PAIRS (5000), TEST (1000).
# Training settings: the pinned reference ones (sg, dim 100, window 5, negative 5, sample 1e-4,
# min_count 5, alpha 0.025, 5 epochs).
set -euo pipefail

CORPUS=${1:?usage: $0 CORPUS}
JAVA=${JAVA:-java}
THREADS=${THREADS:-2}
PAIRS=${PAIRS:-5000}
TEST=${TEST:-1000}
OUT=${OUT:-$(mktemp -d -t wordvec-align-bench.XXXXXX)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
mkdir -p "$OUT"

if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi
WORDVEC=("$JAVA" --add-modules jdk.incubator.vector -jar "$JAR")
SETTINGS=(--sg --dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha 0.025
  --epochs 5 --threads "$THREADS")

quiet_jvm() { # drops the JVM's incubator warning and the vector-math log line
  grep -v -e 'WARNING: Using incubator' -e 'VectorOpsProvider' -e '^INFO: Vector math' || true
}

train() { # corpus output seed
  if [[ -f $2 ]]; then
    echo "reusing $2"
    return
  fi
  echo "== train $(basename "$2") (seed $3) on $(basename "$1")"
  "${WORDVEC[@]}" train --corpus "$1" --output "$2" "${SETTINGS[@]}" --seed "$3" --quiet 2>&1 |
    quiet_jvm
}

ROWS=()
align() { # label source target
  echo "== align $2 -> $3"
  local log="$OUT/align-$1.log" start end
  start=$(date +%s.%N)
  "${WORDVEC[@]}" align --source "$2" --target "$3" --pairs "$PAIRS" --test "$TEST" 2>&1 |
    quiet_jvm | tee "$log"
  end=$(date +%s.%N)
  local words fit nn csls nn_s csls_s
  words="$(sed -n 's/^source: .*(\([0-9]*\) words.*/\1/p' "$log") / $(sed -n 's/^target: .*(\([0-9]*\) words.*/\1/p' "$log")"
  fit=$(sed -n 's/^fit: mean cosine \([0-9.]*\).*/\1/p' "$log")
  nn=$(sed -n 's/^P@1 nn: \([0-9.]*\) (\([0-9]*\) of \([0-9]*\).*/\1 (\2\/\3)/p' "$log")
  csls=$(sed -n 's/^P@1 csls: \([0-9.]*\) (\([0-9]*\) of \([0-9]*\).*/\1 (\2\/\3)/p' "$log")
  nn_s=$(sed -n 's/^P@1 nn: .* in \([0-9.]*\) s$/\1/p' "$log")
  csls_s=$(sed -n 's/^P@1 csls: .* in \([0-9.]*\) s$/\1/p' "$log")
  ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s s / %s s | %.1f s |' "$1" "$words" "$fit" "$nn" "$csls" \
    "$nn_s" "$csls_s" "$(echo "$end - $start" | bc)")")
}

echo "corpus: $CORPUS ($(wc -l <"$CORPUS") lines)   work dir: $OUT"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "java: $("$JAVA" -version 2>&1 | head -1)   load before: $(cut -d' ' -f1-3 /proc/loadavg)"

train "$CORPUS" "$OUT/seed1.wvm" 1
train "$CORPUS" "$OUT/seed2.wvm" 2
lines=$(wc -l <"$CORPUS")
half=$((lines / 2))
if [[ ! -f $OUT/half1.wvm || ! -f $OUT/half2.wvm ]]; then
  head -n "$half" "$CORPUS" >"$OUT/half1.txt"
  tail -n +"$((half + 1))" "$CORPUS" >"$OUT/half2.txt"
fi
train "$OUT/half1.txt" "$OUT/half1.wvm" 1
train "$OUT/half2.txt" "$OUT/half2.wvm" 1
rm -f "$OUT/half1.txt" "$OUT/half2.txt"

align seeds "$OUT/seed1.wvm" "$OUT/seed2.wvm"
align halves "$OUT/half1.wvm" "$OUT/half2.wvm"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| models | words (source / target) | mean cos (train pairs) | P@1 nn | P@1 csls | test time nn / csls | align run |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
