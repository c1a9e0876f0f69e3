#!/usr/bin/env bash
# Trains a model Spark MLlib's Word2Vec cannot (issue 14, "done when" 4): vocabulary >= 1M x 300
# dimensions, with wordvec-spark on local[2] and K=2 partitions, one epoch, then loads the model
# the way the service does and scores it on the corpus's own word pairs. Made for the synthetic
# corpus of bench/make-big-vocab-corpus.sh (its OUTPUT.pairs-*.tsv files are used when present).
#
# Prints: vocabulary, tokens, time (the CLI's own "trained ... in S s" and the whole process),
# words/s, sync rounds and their share of the training time, bytes per sync (broadcast, deltas),
# the driver JVM's heap (-Xmx) and peak RSS (GNU time) and its largest heap occupancy (GC log),
# the model file's size, Spark MLlib's limits by arithmetic (vocabulary x dim x 8 < Int.MaxValue
# until Spark 1.5, vocabulary x dim < Int.MaxValue since 1.6, SPARK-12096), and `wordvec evaluate`
# on the model.
# In local mode the executors are threads of the driver JVM: its memory is the memory of the
# one executor and the driver together.
#
# Usage: bench/spark-scale.sh CORPUS
# Environment: SPARK_JAR (default spark/target/wordvec-spark.jar), JAR (default
#   target/wordvec.jar, for the evaluation), JAVA (default java), OUT (default a new temp dir),
#   HEAP (driver -Xmx, default 16g), MEMORY_FRACTION (spark.memory.fraction, default 0.8: the
#   trained copies and the broadcast are Spark storage), DIM (default 300), PARTITIONS (K,
#   default 2), MASTER (default local[$PARTITIONS]), WORDS_PER_SYNC (default 5000000), EPOCHS
#   (default 1), KEEP_MODEL (set to 1 to keep the .wvm, a few GB; deleted otherwise), JAVA_OPTS
#   (default -XX:+UseParallelGC -Xmn2g: with G1, the first run of this script failed with an
#   OutOfMemoryError at 11.4 GB of 16 GB live, unable to find contiguous regions for a task's new
#   1.26 GB matrix copy; the parallel collector compacts large arrays, and a 2 GB young generation
#   leaves the old one room for the model, its broadcast and the K trained copies), SPARK_ARGS
#   (more options for wordvec-spark, e.g. "--conf spark.wordvec.inJvmExchange=false").
set -euo pipefail
CORPUS=${1:?usage: bench/spark-scale.sh CORPUS}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SPARK_JAR=${SPARK_JAR:-$ROOT/spark/target/wordvec-spark.jar}
JAR=${JAR:-$ROOT/target/wordvec.jar}
JAVA=${JAVA:-java}
OUT=${OUT:-$(mktemp -d -t wordvec-spark-scale.XXXXXX)}
HEAP=${HEAP:-16g}
MEMORY_FRACTION=${MEMORY_FRACTION:-0.8}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseParallelGC -Xmn2g}
DIM=${DIM:-300}
PARTITIONS=${PARTITIONS:-2}
MASTER=${MASTER:-local[$PARTITIONS]}
WORDS_PER_SYNC=${WORDS_PER_SYNC:-5000000}
EPOCHS=${EPOCHS:-1}
mkdir -p "$OUT"
if [[ ! -x /usr/bin/time ]]; then
  echo "needs GNU time (/usr/bin/time) for the peak RSS: apt-get install time" >&2
  exit 2
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
echo "driver JVM: -Xmx$HEAP $JAVA_OPTS, spark.memory.fraction=$MEMORY_FRACTION" | tee -a "$OUT/load.txt"
echo "memory before: $(free -m | awk '/^Mem:/ {print $7 " MB available of " $2 " MB"}')" \
  | tee -a "$OUT/load.txt"
start=$(date +%s.%N)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
/usr/bin/time -v -o "$OUT/time.txt" "$JAVA" -Xmx"$HEAP" $JAVA_OPTS -Xlog:gc:file="$OUT/gc.log" \
  --add-modules jdk.incubator.vector -jar "$SPARK_JAR" train \
  --master "$MASTER" --partitions "$PARTITIONS" --words-per-sync "$WORDS_PER_SYNC" \
  --conf spark.memory.fraction="$MEMORY_FRACTION" \
  --corpus "$CORPUS" --output "$OUT/scale.wvm" --quiet \
  --sg --dim "$DIM" --window 5 --negative 5 --sample 1e-4 --min-count 5 --alpha 0.025 \
  --epochs "$EPOCHS" --seed 1 --kernel pair ${SPARK_ARGS:-} \
  >"$OUT/train.jsonl" 2>"$OUT/train.log" || {
  echo "training failed (exit $?); its log:" >&2
  tail -20 "$OUT/train.log" >&2
  exit 1
}
end=$(date +%s.%N)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
echo "$start $end" >"$OUT/wall.txt"
ls -l "$OUT/scale.wvm" | awk '{print $5}' >"$OUT/model-bytes.txt"

# The model as the service loads it (ModelFiles.loadForServing), scored on the corpus's pairs.
pairs=()
for band in head mid tail; do
  if [[ -f $CORPUS.pairs-$band.tsv ]]; then
    pairs+=(--pairs "$CORPUS.pairs-$band.tsv")
  fi
done
if ((${#pairs[@]} > 0)); then
  "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" evaluate --model "$OUT/scale.wvm" \
    "${pairs[@]}" >"$OUT/evaluate.txt" 2>"$OUT/evaluate.log"
else
  "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" evaluate --model "$OUT/scale.wvm" \
    >"$OUT/evaluate.txt" 2>"$OUT/evaluate.log"
fi
if [[ -z ${KEEP_MODEL:-} ]]; then
  rm -f "$OUT/scale.wvm"
fi

python3 - "$OUT" "$HEAP" "$DIM" "$PARTITIONS" "$WORDS_PER_SYNC" <<'EOF'
import json, re, sys
out, heap, dim, k, per_sync = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
log = open(f"{out}/train.log").read()
m = re.search(r"trained (\d+) words x (\d+) dims on ([\d,]+) tokens in ([\d.]+) s \(([\d,]+) words/s\)", log)
vocab, tokens, seconds, rate = int(m[1]), int(m[3].replace(",", "")), float(m[4]), m[5]
summary, syncs = None, []
for line in open(f"{out}/train.jsonl"):
    e = json.loads(line)
    if e.get("event") == "summary":
        summary = e
    elif e.get("event") == "sync":
        syncs.append(e)
time_txt = open(f"{out}/time.txt").read()
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_txt)[1])
start, end = map(float, open(f"{out}/wall.txt").read().split())
# G1's lines: "... Pause Young (Normal) (G1 Evacuation Pause) 5012M->3120M(16384M) 45.123ms"
before, after = [], []
for g in re.finditer(r"(\d+)M->(\d+)M\((\d+)M\)", open(f"{out}/gc.log").read()):
    before.append(int(g[1]))
    after.append(int(g[2]))
model_bytes = int(open(f"{out}/model-bytes.txt").read())
cells = vocab * dim
print()
print(f"vocabulary x dim          {vocab:,} x {dim}")
print(f"tokens                    {tokens:,}")
print(f"partitions, words/sync    K={k}, {int(per_sync):,}")
print(f"trained in (CLI)          {seconds:.1f} s, {rate} words/s")
print(f"process wall time         {end - start:.1f} s (JVM start and model write included)")
if summary:
    print(f"sync rounds               {summary['syncs']}, {summary['wallSeconds']:.1f} s, "
          f"sync share {100 * summary['syncShare']:.1f}% (time not training, over the rounds)")
    print(f"bytes per sync            broadcast {summary['broadcastBytesPerSync'] / 1e9:.2f} GB, "
          f"deltas {summary['resultBytesPerSync'] / 1e9:.2f} GB"
          + (f" in {syncs[0]['slices']} slices" if syncs and "slices" in syncs[0] else ""))
print(f"driver heap (-Xmx)        {heap}; largest occupancy before / after a GC: "
      f"{max(before, default=0) / 1024:.1f} / {max(after, default=0) / 1024:.1f} GB")
print(f"driver peak RSS           {rss_kb / 1024 / 1024:.1f} GB (local mode: the executors are "
      f"threads of this JVM)")
print(f"model file                {model_bytes / 1e9:.2f} GB")
old_ok = cells * 8 < 2**31 - 1
new_ok = cells < 2**31 - 1
print(f"MLlib, Spark <= 1.5       vocabulary x dim x 8 = {cells * 8:,} "
      f"{'<' if old_ok else '>='} Int.MaxValue: {'trains it' if old_ok else 'refuses it'} "
      f"(at most {(2**31 - 2) // (8 * dim):,} words at dim {dim})")
print(f"MLlib, Spark >= 1.6       vocabulary x dim = {cells:,} "
      f"{'<' if new_ok else '>='} Int.MaxValue: {'trains it' if new_ok else 'refuses it'} "
      f"(SPARK-12096; at most {(2**31 - 2) // dim:,} words at dim {dim})")
print()
print("wordvec evaluate on the model (loaded as the service loads it):")
print(open(f"{out}/evaluate.txt").read())
EOF
cat "$OUT/load.txt"
echo "logs in $OUT"
