#!/bin/sh
# Makes the fastText fixture: a skip-gram model with character n-grams trained by fastText 0.9.2
# (Debian's `fasttext`), and fastText's own answers for it. Run from this directory:
#   sh make-fixture.sh
# Files written: tiny.bin (the model), word-vectors.txt (`print-word-vectors` for known and
# unknown words), ngrams.txt (`print-ngrams` for a few words), tiny.ftz (the same model
# quantised, which wordvec must refuse).
set -eu
cat ../corpora/hamlet.txt extra.txt extra.txt extra.txt extra.txt extra.txt extra.txt > corpus.tmp
fasttext skipgram -input corpus.tmp -output tiny -minn 3 -maxn 6 -dim 10 -bucket 1000 \
  -minCount 5 -epoch 5 -lr 0.02 -thread 1 -seed 1 -verbose 0
rm -f corpus.tmp tiny.vec
# Known words (with and without non-ASCII letters), then words the model never saw.
printf '%s\n' the king hamlet café naïve москва 東京 \
  hamlets kingly naïveté москвы 東京駅 smörgås x qz Ünïcödé > words.tmp
fasttext print-word-vectors tiny.bin < words.tmp > word-vectors.txt
: > ngrams.txt
for w in king hamlets naïveté москвы 東京駅; do
  echo "# $w" >> ngrams.txt
  fasttext print-ngrams tiny.bin "$w" >> ngrams.txt
done
rm -f words.tmp
