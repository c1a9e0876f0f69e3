#!/usr/bin/env bash
# Training time with phrase detection on and off, and example phrases, on one corpus.
# Same settings as bench/train-vs-gensim.sh (skip-gram, dim 100, window 5, negative 5, sample 1e-4,
# min-count 5, alpha 0.025, 5 epochs, 2 threads, seed 1); phrases with gensim's defaults (one pass,
# min count 5, threshold 10, the default score).
#
# Usage: bench/phrases.sh CORPUS
# Environment: JAR (default target/wordvec.jar), JAVA (default java), OUT (default a new temp dir),
#   PASSES (default 1), TOP (example phrases of each kind, default 20).
set -euo pipefail
CORPUS=${1:?usage: bench/phrases.sh CORPUS}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
JAVA=${JAVA:-java}
OUT=${OUT:-$(mktemp -d -t wordvec-phrases-bench.XXXXXX)}
PASSES=${PASSES:-1}
TOP=${TOP:-20}
WORDVEC=("$JAVA" --add-modules jdk.incubator.vector -jar "$JAR")
common=(--dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha 0.025 --epochs 5
  --threads 2 --seed 1 --quiet)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== example phrases (detection alone): the best-scoring, then the most frequent"
"${WORDVEC[@]}" phrases --corpus "$CORPUS" --passes "$PASSES" --top 0 >"$OUT/phrases.tsv"
head -1 "$OUT/phrases.tsv"
tail -n +2 "$OUT/phrases.tsv" | head -"$TOP"
echo "-- most frequent (pass, phrase, score, count)"
tail -n +2 "$OUT/phrases.tsv" | sort -t $'\t' -k4,4nr | head -"$TOP"

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
off=$(seconds "${WORDVEC[@]}" train --corpus "$CORPUS" --output "$OUT/plain.wvm" "${common[@]}")
on=$(seconds "${WORDVEC[@]}" train --corpus "$CORPUS" --output "$OUT/phrases.wvm" "${common[@]}" \
  --phrases "$PASSES")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| phrases | seconds |\n|---|---|\n| off | %.1f |\n| on (%s pass) | %.1f |\n' "$off" "$PASSES" "$on"
echo "models in $OUT"
