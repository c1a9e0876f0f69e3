#!/bin/sh
# Makes the phrase fixtures: the phrases gensim 4 (Debian's python3-gensim, 4.2.0) joins in the
# King James Pentateuch (../corpora/kjv-pentateuch.txt), with their scores, for a few settings.
# Run from this directory:
#   sh make-fixture.sh
# Each file lists, per pass, every distinct phrase that Phrases[...] writes into the corpus, as
# `pass<TAB>phrase<TAB>score` (score with 17 significant digits), sorted by pass then phrase. Pass 2
# is learned on the output of pass 1, as longer phrases are built with gensim.
set -eu
/usr/bin/python3 - <<'PY'
from gensim.models.phrases import Phrases, original_scorer, npmi_scorer

with open("../corpora/kjv-pentateuch.txt", encoding="utf-8") as f:
    corpus = [line.split() for line in f if line.split()]

def run(name, passes, **kwargs):
    rows = []
    sentences = corpus
    for p in range(1, passes + 1):
        model = Phrases(sentences, delimiter="_", **kwargs)
        found = {}
        out = []
        for sentence in sentences:
            tokens = []
            for token, score in model.analyze_sentence(sentence):
                if score is not None:
                    found[token] = score
                tokens.append(token)
            out.append(tokens)
        rows += [(p, phrase, score) for phrase, score in found.items()]
        sentences = out
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(name, "w", encoding="utf-8") as f:
        for p, phrase, score in rows:
            f.write("%d\t%s\t%.17g\n" % (p, phrase, score))

# gensim's defaults (min_count 5, threshold 10, the default scorer), two passes.
run("default-2passes.tsv", 2, min_count=5, threshold=10.0, scoring="default")
# A lower threshold and min_count, so more (and rarer) pairs are phrases.
run("default-low.tsv", 1, min_count=2, threshold=2.0, scoring="default")
# NPMI, two passes.
run("npmi-2passes.tsv", 2, min_count=5, threshold=0.5, scoring="npmi")
# A count table capped at 20,000 entries, so that it is pruned while counting.
run("default-pruned.tsv", 1, min_count=5, threshold=10.0, scoring="default", max_vocab_size=20000)
PY
