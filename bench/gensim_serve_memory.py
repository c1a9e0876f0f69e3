#!/usr/bin/env python3
"""gensim's side of bench/serve-memory.sh: load time, memory, and RSS after queries.

usage: gensim_serve_memory.py load VECTORS.bin [--save KV]
           load_word2vec_format (timed), peak RSS; then optionally save gensim's own format
       gensim_serve_memory.py mmap KV [--queries QUERIES.txt]
           KeyedVectors.load(KV, mmap='r') and fill_norms() (timed: ready for most_similar), then
           most_similar(word, topn=10) for every query word, and the RSS after them

Each mode runs in a fresh process, so its peak RSS is its own. One JSON object per measurement.
"""
import argparse, json, logging, resource, time

from gensim.models import KeyedVectors


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


ap = argparse.ArgumentParser()
ap.add_argument("mode", choices=["load", "mmap"])
ap.add_argument("path")
ap.add_argument("--save")
ap.add_argument("--queries")
a = ap.parse_args()
logging.disable(logging.WARNING)

if a.mode == "load":
    t = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(a.path, binary=True)
    loaded = time.perf_counter() - t
    kv.fill_norms()
    ready = time.perf_counter() - t
    print(json.dumps({"tool": "gensim", "what": "load_word2vec_format",
                      "seconds": round(loaded, 1), "with_fill_norms": round(ready, 1),
                      "words": len(kv), "dim": kv.vector_size,
                      "rss_mb": rss_mb(), "peak_rss_mb": peak_mb()}))
    if a.save:
        kv.norms = None  # saved without norms, as a mapped load then computes them
        kv.save(a.save)
else:
    t = time.perf_counter()
    kv = KeyedVectors.load(a.path, mmap="r")
    loaded = time.perf_counter() - t
    kv.fill_norms()
    ready = time.perf_counter() - t
    print(json.dumps({"tool": "gensim", "what": "load mmap='r'", "seconds": round(loaded, 2),
                      "ready_with_fill_norms": round(ready, 2), "rss_mb": rss_mb()}))
    if a.queries:
        words = [w.strip() for w in open(a.queries) if w.strip()]
        lat = []
        for w in words:
            t = time.perf_counter()
            kv.most_similar(w, topn=10)
            lat.append(time.perf_counter() - t)
        lat.sort()
        print(json.dumps({"tool": "gensim", "what": "most_similar in process", "queries": len(lat),
                          "p50_ms": round(1000 * lat[len(lat) // 2], 2),
                          "p99_ms": round(1000 * lat[int(len(lat) * 0.99)], 2)}))
        print(json.dumps({"tool": "gensim", "what": "after queries", "rss_mb": rss_mb(),
                          "peak_rss_mb": peak_mb()}))
