#!/usr/bin/env python3
"""gensim's in-process KeyedVectors.most_similar latency, the anchor for the HTTP load benchmark.

Picks the query words (a fixed-seed sample of the most frequent words), writes them one per line
for the load generator, then times most_similar(word, topn) for each of them in-process.

usage: gensim_neighbors.py VECTORS WORDS_OUT [--queries N] [--topn K] [--from-top M]
VECTORS is a word2vec binary (.bin) or text file.
"""
import argparse
import random
import time

from gensim.models import KeyedVectors

parser = argparse.ArgumentParser()
parser.add_argument("vectors")
parser.add_argument("words_out")
parser.add_argument("--queries", type=int, default=1000)
parser.add_argument("--topn", type=int, default=10)
parser.add_argument("--from-top", type=int, default=20000)
args = parser.parse_args()

start = time.perf_counter()
kv = KeyedVectors.load_word2vec_format(args.vectors, binary=not args.vectors.endswith((".txt", ".vec")))
load_s = time.perf_counter() - start
kv.fill_norms()

rng = random.Random(5)
candidates = kv.index_to_key[: args.from_top]
words = [rng.choice(candidates) for _ in range(args.queries)]
with open(args.words_out, "w", encoding="utf-8") as out:
    out.write("\n".join(words) + "\n")

for word in words[:50]:
    kv.most_similar(word, topn=args.topn)
latencies = []
for word in words:
    t = time.perf_counter()
    kv.most_similar(word, topn=args.topn)
    latencies.append((time.perf_counter() - t) * 1000)
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]


print(
    f"GENSIM vocab={len(kv)} dim={kv.vector_size} load_s={load_s:.2f} queries={len(words)} "
    f"p50_ms={pct(50):.3f} p99_ms={pct(99):.3f} mean_ms={sum(latencies) / len(latencies):.3f} "
    f"qps={1000 * len(latencies) / sum(latencies):.0f}"
)
