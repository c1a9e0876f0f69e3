#!/usr/bin/env bash
# Trains wordvec and gensim 4 side by side on one corpus with the pinned reference settings
# (dim 100, window 5, negative 5, sample 1e-4, min_count 5, 5 epochs, 2 threads; skip-gram alpha
# 0.025, CBOW alpha 0.05), scores both models with wordvec's own evaluator (3CosAdd over the
# 30,000 most frequent words, WordSim-353 Spearman) and prints a table.
#
# Usage: bench/train-vs-gensim.sh CORPUS [EVAL_DIR]
#   EVAL_DIR holds questions-words.txt and wordsim353.txt (default: the bundled copies).
# Environment: ARCHS="sg cbow" (default both), JAR (default target/wordvec.jar), JAVA (default
#   java), PYTHON (a python3 with gensim, default /usr/bin/python3), OUT (work directory, default
#   a new temp dir), WORDVEC_OPTS (extra train options), SKIP_GENSIM=1 to time wordvec only.
# Times are each tool's own training call, vocabulary pass included, model saving excluded;
# words/s = corpus words x epochs / time. Runs are back to back so both see the same machine.
set -euo pipefail

CORPUS=${1:?usage: $0 CORPUS [EVAL_DIR]}
EVAL_DIR=${2:-src/main/resources/eval}
ARCHS=${ARCHS:-sg cbow}
JAVA=${JAVA:-java}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=${OUT:-$(mktemp -d -t wordvec-train-bench.XXXXXX)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
mkdir -p "$OUT"

if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi
WORDVEC=("$JAVA" --add-modules jdk.incubator.vector -jar "$JAR")

evaluate() { # model -> "accuracy seen rho oov%"
  "${WORDVEC[@]}" evaluate --model "$1" --analogies "$EVAL_DIR/questions-words.txt" \
    --pairs "$EVAL_DIR/wordsim353.txt" --json 2>/dev/null |
    python3 -c 'import json,sys
d=json.load(sys.stdin); a=d["analogies"][0]["total"]; p=d["pairs"][0]
print("%.2f %d %.3f %.1f" % (100*a["accuracy"], a["seen"], p["spearman"], p["oovPercent"]))'
}

echo "corpus: $CORPUS ($(wc -c <"$CORPUS") bytes)   work dir: $OUT"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "java: $("$JAVA" -version 2>&1 | head -1)   load before: $(cut -d' ' -f1-3 /proc/loadavg)"
ROWS=()
for arch in $ARCHS; do
  if [[ $arch == cbow ]]; then alpha=0.05; gflag=--cbow; wflag=--cbow; else alpha=0.025; gflag=; wflag=--sg; fi
  common=(--dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha $alpha --epochs 5 --threads 2 --seed 1)

  if [[ -z ${SKIP_GENSIM:-} ]]; then
    "$PYTHON" "$HERE/gensim_train.py" "$CORPUS" "$OUT/gensim-$arch.bin" $gflag "${common[@]}" >"$OUT/gensim-$arch.json"
    g_sec=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$OUT/gensim-$arch.json")
    g_wps=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["words_per_second"])' "$OUT/gensim-$arch.json")
    read -r g_acc g_seen g_rho g_oov < <(evaluate "$OUT/gensim-$arch.bin")
  fi

  # shellcheck disable=SC2086
  "${WORDVEC[@]}" train --corpus "$CORPUS" --output "$OUT/wordvec-$arch.bin" $wflag "${common[@]}" \
    --quiet ${WORDVEC_OPTS:-} >"$OUT/wordvec-$arch.log"
  w_sec=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' "$OUT/wordvec-$arch.log")
  w_wps=$(sed -n 's/.* s (\([0-9,]*\) words\/s).*/\1/p' "$OUT/wordvec-$arch.log" | tr -d ,)
  read -r w_acc w_seen w_rho w_oov < <(evaluate "$OUT/wordvec-$arch.bin")

  if [[ -z ${SKIP_GENSIM:-} ]]; then
    ratio=$(python3 -c "print('%.2f' % ($w_wps / $g_wps))")
    ROWS+=("$(printf '| %-4s | gensim 4  | %7.1f | %9s |       | %6s%% | %5s | %5s |' "$arch" "$g_sec" "$g_wps" "$g_acc" "$g_seen" "$g_rho")")
  else
    ratio=-
  fi
  ROWS+=("$(printf '| %-4s | wordvec   | %7.1f | %9s | %5sx | %6s%% | %5s | %5s |' "$arch" "$w_sec" "$w_wps" "$ratio" "$w_acc" "$w_seen" "$w_rho")")
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| arch | tool      |  time s |   words/s | ratio | analogy | seen  | ws353 |"
echo "|------|-----------|--------:|----------:|------:|--------:|------:|------:|"
printf '%s\n' "${ROWS[@]}"
