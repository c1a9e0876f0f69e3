#!/usr/bin/env python3
"""Trains gensim 4 Word2Vec on a corpus file (corpus_file mode) with wordvec's pinned settings.

Prints one JSON line on stdout: wall-clock seconds (vocabulary pass included), corpus words,
words per second over all epochs. Saves the vectors in word2vec binary format.

Usage: gensim_train.py CORPUS OUTPUT.bin [--cbow] [--dim 100] [--window 5] [--negative 5]
       [--sample 1e-4] [--min-count 5] [--alpha A] [--epochs 5] [--threads 2] [--seed 1]
"""
import argparse
import json
import logging
import sys
import time

from gensim.models import Word2Vec


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("output")
    p.add_argument("--cbow", action="store_true")
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negative", type=int, default=5)
    p.add_argument("--sample", type=float, default=1e-4)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--alpha", type=float, default=None)
    p.add_argument("--min-alpha", type=float, default=0.0001)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--verbose", action="store_true")
    a = p.parse_args()
    if a.verbose:
        logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO, stream=sys.stderr)
    alpha = a.alpha if a.alpha is not None else (0.05 if a.cbow else 0.025)
    start = time.perf_counter()
    model = Word2Vec(
        corpus_file=a.corpus,
        sg=0 if a.cbow else 1,
        hs=0,
        cbow_mean=1,
        vector_size=a.dim,
        window=a.window,
        negative=a.negative,
        sample=a.sample,
        min_count=a.min_count,
        alpha=alpha,
        min_alpha=a.min_alpha,
        epochs=a.epochs,
        workers=a.threads,
        seed=a.seed,
    )
    seconds = time.perf_counter() - start
    words = model.corpus_total_words
    model.wv.save_word2vec_format(a.output, binary=True)
    print(
        json.dumps(
            {
                "tool": "gensim",
                "seconds": round(seconds, 2),
                "corpus_words": words,
                "words_per_second": round(words * a.epochs / seconds),
                "vocabulary": len(model.wv),
            }
        )
    )


if __name__ == "__main__":
    main()
