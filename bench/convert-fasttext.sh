#!/usr/bin/env bash
# Memory of `wordvec convert` from a fastText .bin to .wvm, which streams: a generated model of the
# published cc.* models' shape (2,000,000 n-gram buckets x 300, here with 200,000 words by
# default; io.wordvec.io.FastTextFiles: seeded uniform rows, n-grams of 3 to 6), converted under
# the default JVM settings (no -Xmx) and again with a heap far smaller than the model (-Xmx256m).
# The RSS is sampled every 100 ms and split into its anonymous part (heap and JVM) and its
# file-backed part (pages of the mapped input and of the output the kernel has not written back:
# page cache, which it drops under pressure).
#
# usage: bench/convert-fasttext.sh DIR [WORDS [BUCKETS [DIM]]]
# env:   JAVA (default java), SEED (default 13)
# Disk:  the defaults write a 2.7 GB .bin and a 3.0 GB .wvm into DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/convert-fasttext.sh DIR [WORDS [BUCKETS [DIM]]]}
words=${2:-200000}
buckets=${3:-2000000}
dim=${4:-300}
JAVA=${JAVA:-java}
SEED=${SEED:-13}
mkdir -p "$dir"

if [[ ! -f target/wordvec.jar || ! -f target/test-classes/io/wordvec/io/FastTextFiles.class ]]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
if [[ ! -f target/bench.classpath ]]; then
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

bin="$dir/fasttext-${words}w-${buckets}b-${dim}.bin"
if [[ ! -f "$bin" ]]; then
  "$JAVA" -cp "$CP" io.wordvec.io.FastTextFiles "$words" "$buckets" "$dim" "$SEED" "$bin"
fi

# Runs a command, sampling its RSS (KB) every 100 ms; prints the peaks of the total, anonymous and
# file-backed parts.
sampled() {
  "$@" >/dev/null 2>"$dir/convert.err" &
  local pid=$! total=0 anon=0 file=0 t a f
  while kill -0 "$pid" 2>/dev/null; do
    if read -r t a f < <(awk '/^VmRSS/{t=$2} /^RssAnon/{a=$2} /^RssFile/{f=$2} END{print t, a, f}' \
      "/proc/$pid/status" 2>/dev/null); then
      ((t > total)) && total=$t
      ((a > anon)) && anon=$a
      ((f > file)) && file=$f
    fi
    sleep 0.1
  done
  wait "$pid" || { cat "$dir/convert.err" >&2; return 1; }
  echo "$((total / 1024)) $((anon / 1024)) $((file / 1024))"
}

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $bin ($(stat -c %s "$bin") bytes)"
echo "| JVM heap | seconds | peak RSS (MB) | peak anonymous (MB) | peak file-backed (MB) |"
echo "|---|---|---|---|---|"
for heap in default -Xmx256m; do
  wvm="$dir/converted.wvm"
  rm -f "$wvm"
  flags=(--add-modules jdk.incubator.vector)
  [[ $heap != default ]] && flags+=("$heap")
  start=$(date +%s%N)
  read -r total anon file < <(sampled "$JAVA" "${flags[@]}" -jar target/wordvec.jar convert \
    --input "$bin" --output "$wvm")
  end=$(date +%s%N)
  printf '| %s | %.1f | %d | %d | %d |\n' "$heap" "$(((end - start) / 1000000))e-3" \
    "$total" "$anon" "$file"
done
echo "output: $wvm ($(stat -c %s "$wvm") bytes); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
