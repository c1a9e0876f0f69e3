#!/usr/bin/env python3
"""gensim's side of bench/query-vs-gensim.sh: load time and KeyedVectors.most_similar latency.

usage: gensim_query_bench.py VECTORS.bin QUERIES.txt [--own-format TMPFILE] [--loads N]

Loads a word2vec binary file (timed), optionally saves it in gensim's own format and times
KeyedVectors.load of that (--loads runs, default 10, median), then times most_similar(word,
topn=10) for every word of QUERIES.txt after fill_norms() and a warm-up of 50 queries, then
most_similar_cosmul for analogy triples made of the words (i, i + n, i + 2n; n a third of them).
Wall and process CPU time (all threads, as BLAS may use several). One JSON object per measurement.
"""
import argparse, gc, json, logging, statistics, time

from gensim.models import KeyedVectors

ap = argparse.ArgumentParser()
ap.add_argument("vectors")
ap.add_argument("queries")
ap.add_argument("--own-format")
ap.add_argument("--loads", type=int, default=10)
a = ap.parse_args()
logging.disable(logging.WARNING)

c, t = time.process_time(), time.perf_counter()
kv = KeyedVectors.load_word2vec_format(a.vectors, binary=True)
print(json.dumps({"tool": "gensim", "what": "load", "format": "bin",
                  "seconds": round(time.perf_counter() - t, 3),
                  "cpu_seconds": round(time.process_time() - c, 3),
                  "words": len(kv), "dim": kv.vector_size}))
# "warm": the median of the loads after the first WARM_FROM, the same for both tools: by then the
# JVM has compiled its load code (Python has nothing to warm up, so this changes little for it).
WARM_FROM = 4
if a.own_format:
    kv.save(a.own_format)
    runs, cpus, ready = [], [], []
    for _ in range(a.loads):
        gc.collect()  # as the Java side collects before each load; not timed
        c, t = time.process_time(), time.perf_counter()
        again = KeyedVectors.load(a.own_format)
        runs.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
        again.fill_norms()  # what a first query would pay on top
        ready.append(time.perf_counter() - t)
        del again
    print(json.dumps({"tool": "gensim", "what": "load", "format": "gensim KeyedVectors.save",
                      "seconds": round(statistics.median(runs), 3),
                      "cpu_seconds": round(statistics.median(cpus), 3),
                      "with_fill_norms": round(statistics.median(ready), 3),
                      "warm": round(statistics.median(runs[WARM_FROM:] or runs), 3),
                      "first": round(runs[0], 3), "runs": [round(r, 3) for r in runs]}))

with open(a.queries) as f:
    words = [w.strip() for w in f if w.strip()]
kv.fill_norms()
for w in words[:50]:
    kv.most_similar(w, topn=10)
lat = []
c = time.process_time()
for w in words:
    t = time.perf_counter()
    kv.most_similar(w, topn=10)
    lat.append(int((time.perf_counter() - t) * 1e6))
cpu = (time.process_time() - c) / len(words) * 1e6
lat.sort()
print(json.dumps({"tool": "gensim", "what": "most_similar top-10", "queries": len(lat),
                  "p50_us": lat[len(lat) // 2], "p99_us": lat[int(len(lat) * 0.99)],
                  "mean_us": round(statistics.mean(lat)), "cpu_us_per_query": round(cpu)}))

# 3CosMul analogies: triple i is words i, i + n and i + 2n (n = a third of the list)
n = len(words) // 3
for i in range(min(n, 50)):
    kv.most_similar_cosmul(positive=[words[i + n], words[i + 2 * n]], negative=[words[i]], topn=10)
lat = []
for i in range(n):
    t = time.perf_counter()
    kv.most_similar_cosmul(positive=[words[i + n], words[i + 2 * n]], negative=[words[i]], topn=10)
    lat.append(int((time.perf_counter() - t) * 1e6))
lat.sort()
print(json.dumps({"tool": "gensim", "what": "most_similar_cosmul top-10", "queries": len(lat),
                  "p50_us": lat[len(lat) // 2], "p99_us": lat[int(len(lat) * 0.99)]}))
