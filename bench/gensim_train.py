#!/usr/bin/env python3
"""Trains gensim 4 Word2Vec on a corpus file with wordvec's pinned settings, in one of gensim's two
training modes:

- corpus_file (the default): gensim's fast mode. Each worker reads its own share of the file and
  decays alpha by its own progress over the whole corpus, so with W workers alpha falls only 1/W of
  the way within each epoch (a saw-tooth) and the run ends near alpha / (W x epochs).
- iterable: sentences= with a streaming iterable over the file's lines (gensim's LineSentence,
  nothing held in memory), trained through gensim's job queue; alpha decays linearly over all
  words, as word2vec.c does.

Prints one JSON line on stdout: mode, wall-clock seconds (vocabulary pass included), corpus words,
words per second over all epochs. Saves the vectors in word2vec binary format.

Usage: gensim_train.py CORPUS OUTPUT.bin [--mode corpus_file|iterable] [--cbow] [--dim 100]
       [--window 5] [--negative 5] [--sample 1e-4] [--min-count 5] [--alpha A] [--epochs 5]
       [--threads 2] [--seed 1]
"""
import argparse
import json
import logging
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("output")
    p.add_argument("--mode", choices=("corpus_file", "iterable"), default="corpus_file")
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
    if a.mode == "corpus_file":
        source = {"corpus_file": a.corpus}
    else:
        # LineSentence streams the file again on every pass, as the corpus_file mode reads it.
        source = {"sentences": LineSentence(a.corpus)}
    start = time.perf_counter()
    model = Word2Vec(
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
        **source,
    )
    seconds = time.perf_counter() - start
    words = model.corpus_total_words
    model.wv.save_word2vec_format(a.output, binary=True)
    print(
        json.dumps(
            {
                "tool": "gensim",
                "mode": a.mode,
                "seconds": round(seconds, 2),
                "corpus_words": words,
                "words_per_second": round(words * a.epochs / seconds),
                "vocabulary": len(model.wv),
            }
        )
    )


if __name__ == "__main__":
    main()
