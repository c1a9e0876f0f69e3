#!/usr/bin/env bash
# Trains wordvec's subword models and fastText 0.9.2 (Debian `fasttext`) side by side on one
# corpus with the same settings: character n-grams of 3 to 6 in 2,000,000 buckets, dim 100,
# window 5, negative 5, sample 1e-4, min count 5, 5 epochs, 2 threads; skip-gram alpha 0.025,
# CBOW alpha 0.05 (fastText's -lr set to the same). Both models are scored by wordvec's evaluator
# (3CosAdd over the 30,000 most frequent words, WordSim-353 Spearman; fastText's .bin is read
# directly), including the questions the protocol skips because a word is outside the evaluated
# vocabulary, answered from n-grams.
#
# Usage: bench/subwords-vs-fasttext.sh CORPUS [EVAL_DIR]
#   EVAL_DIR holds questions-words.txt and wordsim353.txt (default: the bundled copies).
# Environment: ARCHS="sg cbow" (default both), JAR (default target/wordvec.jar), JAVA (default
#   java), FASTTEXT (default fasttext), OUT (work directory, default a new temp dir).
# Times are wall-clock times of each tool's training command, vocabulary pass and model saving
# included for both; words/s = corpus words x epochs / time. Runs are back to back.
set -euo pipefail

CORPUS=${1:?usage: $0 CORPUS [EVAL_DIR]}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
EVAL_DIR=${2:-$ROOT/src/main/resources/eval}
ARCHS=${ARCHS:-sg cbow}
JAVA=${JAVA:-java}
FASTTEXT=${FASTTEXT:-fasttext}
OUT=${OUT:-$(mktemp -d -t wordvec-subwords-bench.XXXXXX)}
JAR=${JAR:-$ROOT/target/wordvec.jar}
mkdir -p "$OUT"

if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi
WORDVEC=("$JAVA" --add-modules jdk.incubator.vector -jar "$JAR")
WORDS=$(wc -w <"$CORPUS")

evaluate() { # model -> "accuracy seen rho oov% | oov-answered oov-correct oov-acc | oov-pairs oov-rho all-rho"
  "${WORDVEC[@]}" evaluate --model "$1" --analogies "$EVAL_DIR/questions-words.txt" \
    --pairs "$EVAL_DIR/wordsim353.txt" --json 2>/dev/null |
    python3 -c 'import json,sys
d=json.load(sys.stdin); a=d["analogies"][0]["total"]; p=d["pairs"][0]
o=d.get("oov", {"analogies": [{}], "pairs": [{}]}); oa=o["analogies"][0]; op=o["pairs"][0]
f=lambda v, s: "-" if v is None else s % v
print(" ".join([f(100*a["accuracy"], "%.2f"), str(a["seen"]), f(p["spearman"], "%.3f"),
  f(p["oovPercent"], "%.1f"), str(oa.get("answered", "-")), str(oa.get("correct", "-")),
  f(None if oa.get("accuracy") is None else 100*oa["accuracy"], "%.2f"),
  str(op.get("oovPairs", "-")), f(op.get("oovSpearman"), "%.3f"), f(op.get("allSpearman"), "%.3f")]))'
}

seconds() { # command... -> wall seconds on stdout, the command's output to $OUT/last.log
  local start end
  start=$(date +%s.%N)
  "$@" >"$OUT/last.log" 2>&1
  end=$(date +%s.%N)
  python3 -c "print('%.1f' % ($end - $start))"
}

echo "corpus: $CORPUS ($WORDS words)   work dir: $OUT"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "java: $("$JAVA" -version 2>&1 | head -1)   fastText: $(dpkg-query -W -f='${Version}' fasttext 2>/dev/null || echo '?')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
ROWS=()
for arch in $ARCHS; do
  if [[ $arch == cbow ]]; then alpha=0.05; ft=cbow; wflag=--cbow; else alpha=0.025; ft=skipgram; wflag=--sg; fi

  f_sec=$(seconds "$FASTTEXT" "$ft" -input "$CORPUS" -output "$OUT/fasttext-$arch" -minn 3 -maxn 6 \
    -bucket 2000000 -dim 100 -ws 5 -neg 5 -t 1e-4 -minCount 5 -lr $alpha -epoch 5 -thread 2 -verbose 0)
  f_wps=$(python3 -c "print(int($WORDS * 5 / $f_sec))")
  read -r f_acc f_seen f_rho f_oov f_oa f_oc f_oacc f_op f_orho f_arho < <(evaluate "$OUT/fasttext-$arch.bin")

  w_sec=$(seconds "${WORDVEC[@]}" train --corpus "$CORPUS" --output "$OUT/wordvec-$arch.wvm" $wflag \
    --minn 3 --maxn 6 --bucket 2000000 --dim 100 --window 5 --negative 5 --sample 1e-4 \
    --min-count 5 --alpha $alpha --epochs 5 --threads 2 --seed 1 --quiet)
  w_wps=$(python3 -c "print(int($WORDS * 5 / $w_sec))")
  read -r w_acc w_seen w_rho w_oov w_oa w_oc w_oacc w_op w_orho w_arho < <(evaluate "$OUT/wordvec-$arch.wvm")

  ratio=$(python3 -c "print('%.2f' % ($w_wps / $f_wps))")
  ROWS+=("$(printf '| %-4s | fastText | %7s | %9s |       | %6s%% | %5s | %5s | %4s / %4s = %6s%% | %3s: %6s | %5s |' \
    "$arch" "$f_sec" "$f_wps" "$f_acc" "$f_seen" "$f_rho" "$f_oc" "$f_oa" "$f_oacc" "$f_op" "$f_orho" "$f_arho")")
  ROWS+=("$(printf '| %-4s | wordvec  | %7s | %9s | %5sx | %6s%% | %5s | %5s | %4s / %4s = %6s%% | %3s: %6s | %5s |' \
    "$arch" "$w_sec" "$w_wps" "$ratio" "$w_acc" "$w_seen" "$w_rho" "$w_oc" "$w_oa" "$w_oacc" "$w_op" "$w_orho" "$w_arho")")
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| arch | tool     |  time s |   words/s | ratio | analogy | seen  | ws353 | analogies from n-grams: correct / answered | ws353 pairs from n-grams: n, rho | ws353 all |"
echo "|------|----------|--------:|----------:|------:|--------:|------:|------:|------:|------:|------:|"
printf '%s\n' "${ROWS[@]}"
