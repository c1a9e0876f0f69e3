#!/usr/bin/env python3
"""Regenerates the gensim parity fixtures in this directory.

usage: python3 make_fixtures.py   (run from this directory, with gensim 4.2, numpy and scipy)

Trains a small skip-gram model on ../corpora/kjv-pentateuch.txt, saves its vectors in gensim's
word2vec text and binary formats, and records what gensim answers on them: neighbours
(most_similar, most_similar_cosmul, similar_by_vector), doesnt_match, n_similarity, and the
evaluation figures of evaluate_word_analogies / evaluate_word_pairs. wordvec's tests load the
same files and must give the same answers.
"""
import itertools
import logging
import os
import random
import subprocess
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    # gensim seeds each word's initial vector from hash(word): pin Python's string hashing.
    os.environ["PYTHONHASHSEED"] = "0"
    sys.exit(subprocess.call([sys.executable] + sys.argv))

import numpy as np
import gensim
from gensim.models import KeyedVectors, Word2Vec

logging.disable(logging.WARNING)
HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.dirname(HERE)
CORPUS = os.path.join(RESOURCES, "corpora", "kjv-pentateuch.txt")
QUESTIONS = os.path.join(RESOURCES, "..", "..", "main", "resources", "eval", "questions-words.txt")
WORDSIM = os.path.join(RESOURCES, "..", "..", "main", "resources", "eval", "wordsim353.txt")


def out(name):
    return os.path.join(HERE, name)


def fmt(results):
    return " ".join(f"{w}={s!r}" for w, s in results)


def write_analogy_file():
    """Hand-made analogy sections in KJV vocabulary (some words deliberately missing)."""
    sections = {
        "family": [("brother", "sister"), ("father", "mother"), ("son", "daughter"),
                   ("man", "woman"), ("husband", "wife"), ("king", "queen"),
                   ("sons", "daughters"), ("men", "women"), ("he", "she"), ("his", "her")],
        "nations": [("egypt", "egyptians"), ("israel", "israelites"), ("canaan", "canaanites"),
                    ("moab", "moabites"), ("edom", "edomites"), ("ammon", "ammonites"),
                    ("rome", "romans")],
        "gram-plural": [("son", "sons"), ("daughter", "daughters"), ("man", "men"),
                        ("woman", "women"), ("ox", "oxen"), ("child", "children"),
                        ("camel", "camels"), ("tree", "trees"), ("city", "cities"),
                        ("day", "days"), ("year", "years"), ("priest", "priests")],
        "gram-past": [("eat", "ate"), ("go", "went"), ("come", "came"), ("give", "gave"),
                      ("take", "took"), ("say", "said"), ("see", "saw"), ("bring", "brought"),
                      ("make", "made"), ("hear", "heard"), ("know", "knew"), ("die", "died")],
    }
    lines = []
    for name, pairs in sections.items():
        lines.append(f": {name}")
        for (a, b), (c, d) in itertools.permutations(pairs, 2):
            lines.append(f"{a} {b} {c} {d}")
        lines.append("this line has five words")  # invalid: skipped, not counted
    with open(out("kjv-analogies.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def write_pairs_file(kv):
    """Word pairs with integer scores (many ties, to check average ranks), a comment, OOV pairs."""
    rnd = random.Random(7)
    words = kv.index_to_key[20:600]
    lines = ["# word1<TAB>word2<TAB>score: random pairs of KJV words, scores with ties"]
    for _ in range(150):
        a, b = rnd.sample(words, 2)
        lines.append(f"{a}\t{b}\t{rnd.randint(0, 10)}")
    for a, b in [("computer", "keyboard"), ("god", "internet"), ("telephone", "moses")]:
        lines.append(f"{a}\t{b}\t{rnd.randint(0, 10)}")
    with open(out("kjv-pairs.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def mixed_case(kv):
    """A copy with case variants: some placed before the original word (so a case-insensitive
    lookup must take them: first occurrence wins), some just after with a near-identical vector
    (so they come back as neighbours of their own lowercase word and must be skipped)."""
    rng = np.random.default_rng(3)
    before = {"egypt": "EGYPT", "son": "Son"}
    after = {"moses": "Moses", "god": "God", "israel": "Israel", "brother": "Brother"}
    keys, vecs = [], []
    for w in kv.index_to_key:
        v = kv[w]
        if w in before:
            keys.append(before[w]); vecs.append(rng.standard_normal(kv.vector_size).astype(np.float32))
        keys.append(w); vecs.append(v)
        if w in after:
            keys.append(after[w]); vecs.append((v + 0.01 * rng.standard_normal(kv.vector_size)).astype(np.float32))
    mixed = KeyedVectors(kv.vector_size)
    mixed.add_vectors(keys, np.array(vecs))
    return mixed


def neighbour_lines(kv):
    lines = []
    singles = [kv.index_to_key[r] for r in (5, 10, 20, 50, 100, 200, 400, 800, 1200, 1600, 2000)]
    singles += ["god", "lord", "moses", "aaron", "egypt", "israel", "land", "brother", "sister",
                "gold", "silver", "ox", "sheep", "water", "blood", "altar", "tabernacle"]
    for w in singles:
        lines.append(f"most_similar\t{w}\t\t10\t0\t{fmt(kv.most_similar(positive=[w], topn=10))}")
    multi = [(["god", "lord"], []), (["moses"], ["aaron"]), (["gold", "silver"], ["brass"]),
             ([], ["god"]), (["land", "water", "blood"], ["sea", "fire"])]
    for pos, neg in multi:
        for restrict in (0, 500):
            res = kv.most_similar(positive=pos, negative=neg, topn=10, restrict_vocab=restrict or None)
            lines.append(f"most_similar\t{','.join(pos)}\t{','.join(neg)}\t10\t{restrict}\t{fmt(res)}")
    triples = [("man", "woman", "king"), ("father", "mother", "son"), ("brother", "sister", "son"),
               ("egypt", "pharaoh", "israel"), ("gold", "silver", "bullock"), ("eat", "did", "go"),
               ("son", "sons", "daughter"), ("moses", "aaron", "joshua"), ("day", "night", "morning")]
    for a, b, c in triples:
        res = kv.most_similar(positive=[b, c], negative=[a], topn=10)
        lines.append(f"most_similar\t{b},{c}\t{a}\t10\t0\t{fmt(res)}")
        # gensim 4.2 ignores restrict_vocab in most_similar_cosmul: compare unrestricted only
        res = kv.most_similar_cosmul(positive=[b, c], negative=[a], topn=10)
        lines.append(f"most_similar_cosmul\t{b},{c}\t{a}\t10\t0\t{fmt(res)}")
    for pos, neg in [(["god"], []), (["moses", "aaron"], []), (["land"], ["water", "sea"])]:
        res = kv.most_similar_cosmul(positive=pos, negative=neg, topn=10)
        lines.append(f"most_similar_cosmul\t{','.join(pos)}\t{','.join(neg)}\t10\t0\t{fmt(res)}")
    # similar_by_vector of the raw sum of two words' vectors (the test rebuilds it from the file)
    for a, b in [("god", "land"), ("water", "blood")]:
        res = kv.similar_by_vector(kv[a] + kv[b], topn=10)
        lines.append(f"similar_by_vector\t{a},{b}\t\t10\t0\t{fmt(res)}")
    for words in [["god", "lord", "moses", "bullock"], ["gold", "silver", "brass", "sheep"],
                  ["eat", "drink", "did", "tabernacle", "bread"]]:
        lines.append(f"doesnt_match\t{','.join(words)}\t\t0\t0\t{kv.doesnt_match(words)}")
    for a, b in [(["god", "lord"], ["moses", "aaron"]), (["gold"], ["silver", "brass"]),
                 (["land", "water"], ["sea"])]:
        lines.append(f"n_similarity\t{','.join(a)}\t{','.join(b)}\t0\t0\t{float(kv.n_similarity(a, b))!r}")
    return lines


def evaluation_lines(name, kv):
    lines = []
    for path, label in [(QUESTIONS, "questions-words.txt"), (out("kjv-analogies.txt"), "kjv-analogies.txt")]:
        for restrict in (30000, 300):
            score, sections = kv.evaluate_word_analogies(path, restrict_vocab=restrict, case_insensitive=True)
            with open(path) as f:
                questions = sum(1 for line in f if not line.startswith(": ") and len(line.split()) == 4)
            for s in sections:
                lines.append(f"analogies\t{name}\t{label}\t{restrict}\t{s['section']}\t"
                             f"{len(s['correct'])}\t{len(s['incorrect'])}")
            lines.append(f"analogies_score\t{name}\t{label}\t{restrict}\t{score!r}\t{questions}")
    for path, label in [(WORDSIM, "wordsim353.txt"), (out("kjv-pairs.txt"), "kjv-pairs.txt")]:
        for restrict in (30000, 300):
            pearson, spearman, oov = kv.evaluate_word_pairs(path, restrict_vocab=restrict, case_insensitive=True)
            lines.append(f"pairs\t{name}\t{label}\t{restrict}\t{float(spearman[0])!r}\t"
                         f"{float(pearson[0])!r}\t{float(oov)!r}")
    return lines


def main():
    with open(CORPUS) as f:
        sentences = [line.split() for line in f]
    model = Word2Vec(sentences, vector_size=50, window=5, min_count=3, sg=1, negative=5,
                     sample=1e-3, epochs=10, seed=1, workers=1)
    kv = model.wv
    kv.save_word2vec_format(out("kjv50.txt"), binary=False)
    kv.save_word2vec_format(out("kjv50.bin"), binary=True)
    # what the tests load: the text file, exactly as gensim reads it back
    kv = KeyedVectors.load_word2vec_format(out("kjv50.txt"), binary=False)
    write_analogy_file()
    write_pairs_file(kv)
    mixed = mixed_case(kv)
    mixed.save_word2vec_format(out("kjv50-mixed.txt"), binary=False)
    mixed = KeyedVectors.load_word2vec_format(out("kjv50-mixed.txt"), binary=False)
    lines = [f"# gensim {gensim.__version__}, numpy {np.__version__}: expected answers on kjv50.txt",
             "# kind<TAB>positive<TAB>negative<TAB>topn<TAB>restrict<TAB>answer"]
    lines += neighbour_lines(kv)
    with open(out("expected-queries.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    lines = [f"# gensim {gensim.__version__}: evaluate_word_analogies / evaluate_word_pairs, case_insensitive=True",
             "# analogies<TAB>model<TAB>set<TAB>restrict<TAB>section<TAB>correct<TAB>incorrect",
             "# analogies_score<TAB>model<TAB>set<TAB>restrict<TAB>score<TAB>questions",
             "# pairs<TAB>model<TAB>set<TAB>restrict<TAB>spearman<TAB>pearson<TAB>oov_percent"]
    lines += evaluation_lines("kjv50.txt", kv)
    lines += evaluation_lines("kjv50-mixed.txt", mixed)
    with open(out("expected-evaluation.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"kjv50: {len(kv)} words x {kv.vector_size}; mixed: {len(mixed)} words")


if __name__ == "__main__":
    main()
