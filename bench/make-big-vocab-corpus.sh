#!/usr/bin/env bash
# Writes a synthetic corpus whose vocabulary at min-count 5 is about 1,050,000 words (issue 14,
# "done when" 4: a model Spark MLlib cannot train), of about TOKENS tokens, and three word-pair
# files beside it (OUTPUT.pairs-{head,mid,tail}.tsv) that say whether a trained model put words of
# one synthetic topic together. The text is synthetic: Zipf-distributed letter-only words with a
# floor of 5 occurrences, sentences of one topic each (bench/big_vocab_corpus.py says how).
# Nothing it writes belongs in git: 30M tokens are about 170 MB.
#
# Usage: bench/make-big-vocab-corpus.sh OUTPUT TOKENS [--vocab N] [--min-count N] [--topics N]
#   [--seed N]
# Example: bench/make-big-vocab-corpus.sh /tmp/big-vocab.txt 30000000
set -euo pipefail
OUTPUT=${1:?usage: bench/make-big-vocab-corpus.sh OUTPUT TOKENS [options]}
TOKENS=${2:?usage: bench/make-big-vocab-corpus.sh OUTPUT TOKENS [options]}
shift 2
if ! [[ $TOKENS =~ ^[1-9][0-9]*$ ]]; then
  echo "TOKENS must be a positive whole number, not '$TOKENS'" >&2
  exit 2
fi
exec python3 "$(dirname "$0")/big_vocab_corpus.py" "$OUTPUT" "$TOKENS" "$@"
