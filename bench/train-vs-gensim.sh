#!/usr/bin/env bash
# Trains wordvec and gensim 4 side by side on one corpus with the pinned reference settings
# (dim 100, window 5, negative 5, sample 1e-4, min_count 5, 5 epochs (EPOCHS), 2 threads; skip-gram alpha
# 0.025, CBOW alpha 0.05), scores every model with wordvec's own evaluator (3CosAdd over the
# 30,000 most frequent words, WordSim-353 Spearman) and prints a table.
#
# gensim runs in two modes, two anchors: corpus_file (its fast mode, the speed anchor; its
# per-worker progress makes alpha a saw-tooth) and iterable (sentences= streaming the file's lines;
# alpha decays linearly, as word2vec.c and wordvec's default).
#
# Usage: bench/train-vs-gensim.sh CORPUS [EVAL_DIR]
#   EVAL_DIR holds questions-words.txt and wordsim353.txt (default: the bundled copies).
# Environment:
#   ARCHS="sg cbow"       architectures (default both)
#   EPOCHS=5              epochs (EPOCHS=1 for the scaling runs on a big corpus)
#   SEEDS="1"             seeds; each runs every tool (SEEDS="1 2 3" for the 3-seed table, which
#                         then ends with the means over seeds)
#   SCHEDULES="linear"    wordvec's learning-rate schedules, each a row: linear,
#                         per-worker-sawtooth, or NAME:MIN_ALPHA for a raised floor (linear:0.0025)
#   ANCHORS="corpus_file iterable"  gensim's modes to run; SKIP_GENSIM=1 runs none
#   JAR (default target/wordvec.jar), JAVA (default java), PYTHON (a python3 with gensim, default
#   /usr/bin/python3), OUT (work directory, default a new temp dir), WORDVEC_OPTS (extra train
#   options).
# Times are each tool's own training call, vocabulary pass included, model saving excluded;
# words/s = corpus words x epochs / time; ratio = words/s over gensim corpus_file's (same arch,
# same seed). Peak RSS is the whole process's (/usr/bin/time), saving included, mapped file pages
# included. Runs are back to back so all see the same machine.
set -euo pipefail

CORPUS=${1:?usage: $0 CORPUS [EVAL_DIR]}
EVAL_DIR=${2:-src/main/resources/eval}
ARCHS=${ARCHS:-sg cbow}
SEEDS=${SEEDS:-1}
EPOCHS=${EPOCHS:-5}
SCHEDULES=${SCHEDULES:-linear}
ANCHORS=${ANCHORS-corpus_file iterable}
if [[ -n ${SKIP_GENSIM:-} ]]; then ANCHORS=; fi
JAVA=${JAVA:-java}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=${OUT:-$(mktemp -d -t wordvec-train-bench.XXXXXX)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR=${JAR:-$ROOT/target/wordvec.jar}
TABLE=("$PYTHON" "$HERE/train_table.py")
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
: >"$RESULTS"

if [[ ! -f $JAR ]]; then
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi
# Through the launcher, with the JVM settings a user gets (bin/wordvec says which and why).
export WORDVEC_JAR=$JAR JAVA
WORDVEC=("$ROOT/bin/wordvec")

evaluate() { # model -> "accuracy seen rho oov%"
  "${WORDVEC[@]}" evaluate --model "$1" --analogies "$EVAL_DIR/questions-words.txt" \
    --pairs "$EVAL_DIR/wordsim353.txt" --json 2>/dev/null | "${TABLE[@]}" scores
}

peak_mb() { # /usr/bin/time's %M file (KB) -> MB
  awk '{ printf "%.0f", $1 / 1024 }' "$1"
}

echo "corpus: $CORPUS ($(wc -c <"$CORPUS") bytes)   work dir: $OUT"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "java: $("$JAVA" -version 2>&1 | head -1)   load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for seed in $SEEDS; do
  for arch in $ARCHS; do
    if [[ $arch == cbow ]]; then alpha=0.05; gflag=--cbow; wflag=--cbow; else alpha=0.025; gflag=; wflag=--sg; fi
    common=(--dim 100 --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha $alpha --epochs "$EPOCHS" --threads 2 --seed "$seed")

    for mode in $ANCHORS; do
      run=gensim-$mode-$arch-$seed
      /usr/bin/time -f '%M' -o "$OUT/$run.rss" \
        "$PYTHON" "$HERE/gensim_train.py" "$CORPUS" "$OUT/$run.bin" --mode "$mode" $gflag "${common[@]}" >"$OUT/$run.json"
      read -r acc seen rho _ < <(evaluate "$OUT/$run.bin")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$arch" "gensim-$mode" \
        "$([[ $mode == corpus_file ]] && echo per-worker-sawtooth || echo linear)" "$seed" \
        "$("${TABLE[@]}" field "$OUT/$run.json" seconds)" \
        "$("${TABLE[@]}" field "$OUT/$run.json" words_per_second)" \
        "$acc" "$seen" "$rho" "$(peak_mb "$OUT/$run.rss")" >>"$RESULTS"
    done

    for schedule in $SCHEDULES; do
      name=${schedule%%:*}
      options=(--schedule "$name")
      if [[ $schedule == *:* ]]; then
        options+=(--min-alpha "${schedule#*:}")
      fi
      run=wordvec-${schedule//:/-}-$arch-$seed
      # shellcheck disable=SC2086
      /usr/bin/time -f '%M' -o "$OUT/$run.rss" \
        "${WORDVEC[@]}" train --corpus "$CORPUS" --output "$OUT/$run.bin" $wflag "${common[@]}" \
        "${options[@]}" --quiet ${WORDVEC_OPTS:-} >"$OUT/$run.log"
      seconds=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' "$OUT/$run.log")
      wps=$(sed -n 's/.* s (\([0-9,]*\) words\/s).*/\1/p' "$OUT/$run.log" | tr -d ,)
      read -r acc seen rho _ < <(evaluate "$OUT/$run.bin")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$arch" wordvec "$schedule" "$seed" \
        "$seconds" "$wps" "$acc" "$seen" "$rho" "$(peak_mb "$OUT/$run.rss")" >>"$RESULTS"
    done
  done
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"${TABLE[@]}" table "$RESULTS"
