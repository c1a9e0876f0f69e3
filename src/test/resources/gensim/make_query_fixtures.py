#!/usr/bin/env python3
"""Records gensim's answers to the relation and text-distance queries on kjv50.txt.

usage: /usr/bin/python3 make_query_fixtures.py   (run from this directory; Debian's
python3-gensim and python3-pyemd, which gensim 4.2 solves the transport with)

Reads the vectors make_fixtures.py wrote (nothing is trained here) and writes:
- expected-relations.tsv: distances(word, other_words), rank(a, b), closer_than(a, b)
- expected-wmd.tsv: wmdistance(doc1, doc2) on pairs of texts, tokens separated by spaces
"""
import logging
import os
import random

import gensim
import numpy as np
import pyemd
from gensim.models import KeyedVectors

logging.disable(logging.WARNING)
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpora", "kjv-pentateuch.txt")


def out(name):
    return os.path.join(HERE, name)


def relation_lines(kv):
    lines = []
    for word, others in [("god", ["lord", "moses", "bullock", "god"]),
                         ("water", ["blood", "sea", "land"]),
                         ("gold", ["silver", "brass", "sheep", "ox", "tabernacle"])]:
        d = kv.distances(word, others)
        lines.append(f"distances\t{word}\t{','.join(others)}\t{' '.join(repr(float(x)) for x in d)}")
    for a, b in [("god", "lord"), ("god", "moses"), ("gold", "silver"), ("gold", "sheep"),
                 ("water", "blood"), ("moses", "aaron"), ("land", "egypt"), ("ox", "sheep")]:
        lines.append(f"rank\t{a}\t{b}\t{kv.rank(a, b)}")
        lines.append(f"closer_than\t{a}\t{b}\t{','.join(kv.closer_than(a, b))}")
    return lines


def wmd_pairs(kv):
    with open(CORPUS) as f:
        lines = [line.split() for line in f if line.strip()]
    rnd = random.Random(11)
    pairs = [
        ("god spake unto moses", "the lord said unto aaron"),
        ("gold and silver", "brass and iron"),
        ("the land of egypt", "the land of canaan"),
        ("moses", "aaron"),
        ("water water water blood", "blood water"),
        ("god", "god god"),
        ("the ox and the sheep", "the sheep and the ox"),
        ("god spake unto moses xyzzy", "plugh the lord said unto aaron"),
        ("tabernacle of the congregation", "door of the tent"),
    ]
    # longer texts: random verses of the corpus
    for _ in range(6):
        a, b = rnd.sample(lines, 2)
        pairs.append((" ".join(a[:40]), " ".join(b[:40])))
    return pairs


def main():
    kv = KeyedVectors.load_word2vec_format(out("kjv50.txt"), binary=False)
    with open(out("expected-relations.tsv"), "w") as f:
        f.write(f"# gensim {gensim.__version__}, numpy {np.__version__}: on kjv50.txt\n")
        f.write("# distances<TAB>word<TAB>others<TAB>distances | rank<TAB>a<TAB>b<TAB>rank"
                " | closer_than<TAB>a<TAB>b<TAB>words in vocabulary order\n")
        f.write("\n".join(relation_lines(kv)) + "\n")
    with open(out("expected-wmd.tsv"), "w") as f:
        f.write(f"# gensim {gensim.__version__}, pyemd {pyemd.__version__}: wmdistance on kjv50.txt\n")
        f.write("# text1<TAB>text2<TAB>distance (tokens split on spaces; unknown words dropped)\n")
        for a, b in wmd_pairs(kv):
            f.write(f"{a}\t{b}\t{float(kv.wmdistance(a.split(), b.split()))!r}\n")


if __name__ == "__main__":
    main()
