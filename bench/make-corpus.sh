#!/usr/bin/env bash
# Builds a bigger training corpus for the scaling runs from one text file: COPIES copies of it,
# each with its lines in a different shuffled order (seeded, so the file is reproducible). The
# result is not new text: its vocabulary is the source's, each word COPIES times as frequent,
# which is what a scaling run of the same trainer needs (more tokens, a vocabulary that grows only
# through min-count). gutenberg-17m x 6 gives about 102M tokens.
#
# Usage: bench/make-corpus.sh SOURCE COPIES OUTPUT
set -euo pipefail
SOURCE=${1:?usage: bench/make-corpus.sh SOURCE COPIES OUTPUT}
COPIES=${2:?usage: bench/make-corpus.sh SOURCE COPIES OUTPUT}
OUTPUT=${3:?usage: bench/make-corpus.sh SOURCE COPIES OUTPUT}
if ! [[ $COPIES =~ ^[1-9][0-9]*$ ]]; then
  echo "COPIES must be a positive whole number, not '$COPIES'" >&2
  exit 2
fi

# A fixed stream of bytes per copy, so that `shuf` gives the same order on every machine.
seeded() { openssl enc -aes-256-ctr -pass "pass:wordvec-corpus-$1" -nosalt </dev/zero 2>/dev/null; }

tmp=$OUTPUT.partial
: >"$tmp"
for ((i = 1; i <= COPIES; i++)); do
  shuf --random-source=<(seeded "$i") "$SOURCE" >>"$tmp"
done
mv "$tmp" "$OUTPUT"
echo "$OUTPUT: $(wc -l <"$OUTPUT") lines, $(wc -w <"$OUTPUT") words ($COPIES shuffled copies of $SOURCE)"
