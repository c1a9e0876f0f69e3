#!/usr/bin/python3
"""hnswlib and FAISS HNSW on the rows, queries and exact answers bench/ann.sh's Java side wrote.

usage: ann_anchors.py OUT_DIR ROWS DIM EF[,EF...]

Reads OUT_DIR/unit.f32 (the model's unit rows), queries-<set>.i32 and truth-<set>.i32; builds
hnswlib (M=16, so 32 neighbours on the base level as wordvec's degree 32, ef_construction=100,
inner product) and FAISS IndexHNSWFlat (M=16, efConstruction=100, inner product) on all cores;
answers every query on one thread for each ef, the query word(s) excluded as wordvec excludes
them; appends lines to OUT_DIR/anchors.tsv in wordvec.tsv's columns, and prints the build times.
With SKIP_FAISS=1 in the environment only hnswlib runs (FAISS's build takes five times hnswlib's).
With HNSWLIB_INDEX=FILE, hnswlib's index is loaded from FILE if it exists, else built and saved
there: repeated runs then search one graph (hnswlib's recall at an ef moves by a few hundredths
from one build to the next), and a 1M-row run skips a build of minutes.
"""
import os
import sys
import time

import numpy as np

K = 10
SETS = ("frequency", "uniform", "analogy")


def load(out, rows, dim):
    unit = np.fromfile(f"{out}/unit.f32", dtype="<f4").reshape(rows, dim)
    queries = {s: np.fromfile(f"{out}/queries-{s}.i32", dtype="<i4") for s in SETS}
    truth = {s: np.fromfile(f"{out}/truth-{s}.i32", dtype="<i4") for s in SETS}
    return unit, queries, truth


def query_vectors(unit, kind, ids):
    """The query vectors and the ids to exclude, as wordvec forms them."""
    if kind == "analogy":
        triples = ids.reshape(-1, 3)
        q = unit[triples[:, 1]] + unit[triples[:, 2]] - unit[triples[:, 0]]
        norms = np.linalg.norm(q, axis=1, keepdims=True)
        q = q / np.where(norms == 0, 1, norms)
        return q.astype(np.float32), [set(t) for t in triples.tolist()]
    return unit[ids], [{i} for i in ids.tolist()]


def sweep(name, search, unit, queries, truth, efs, out_lines):
    for kind in SETS:
        q, exclude = query_vectors(unit, kind, queries[kind])
        expected = truth[kind].reshape(-1, K)
        extra = max(len(e) for e in exclude)
        for ef in efs:
            search(q[0], max(ef, K + extra), K + extra)  # warm the path once per ef
            nanos = np.empty(len(q), dtype=np.int64)
            hits = 0
            start = time.perf_counter_ns()
            for i in range(len(q)):
                t0 = time.perf_counter_ns()
                found = search(q[i], max(ef, K + extra), K + extra)
                nanos[i] = time.perf_counter_ns() - t0
                kept = [f for f in found if f not in exclude[i] and f >= 0][:K]
                hits += len(set(kept) & set(expected[i].tolist()))
            seconds = (time.perf_counter_ns() - start) / 1e9
            nanos.sort()
            line = "%s\t%s\t%d\t%.4f\t%.1f\t%.1f\t%.0f" % (
                name, kind, ef, hits / (K * len(q)),
                nanos[len(q) // 2] / 1e3, nanos[int(len(q) * 0.99)] / 1e3, len(q) / seconds)
            print(line, flush=True)
            out_lines.append(line)


def main():
    out, rows, dim = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    efs = [int(e) for e in sys.argv[4].split(",")]
    unit, queries, truth = load(out, rows, dim)
    lines = []

    import hnswlib
    index = hnswlib.Index(space="ip", dim=dim)
    saved = os.environ.get("HNSWLIB_INDEX")
    if saved and os.path.exists(saved):
        index.load_index(saved, max_elements=rows)
        print("LOADED hnswlib %s" % saved, flush=True)
    else:
        start = time.perf_counter()
        index.init_index(max_elements=rows, M=16, ef_construction=100, random_seed=1)
        index.add_items(unit, np.arange(rows), num_threads=-1)
        print("BUILD hnswlib %.1f s" % (time.perf_counter() - start), flush=True)
        if saved:
            index.save_index(saved)
    index.set_num_threads(1)

    def hnswlib_search(q, ef, k):
        index.set_ef(ef)
        labels, _ = index.knn_query(q, k=k)
        return labels[0].tolist()

    sweep("hnswlib", hnswlib_search, unit, queries, truth, efs, lines)
    del index
    if os.environ.get("SKIP_FAISS") == "1":
        write(out, lines)
        return

    import faiss
    flat = faiss.IndexHNSWFlat(dim, 16, faiss.METRIC_INNER_PRODUCT)
    flat.hnsw.efConstruction = 100
    start = time.perf_counter()
    flat.add(unit)
    print("BUILD faiss %.1f s" % (time.perf_counter() - start), flush=True)
    faiss.omp_set_num_threads(1)

    def faiss_search(q, ef, k):
        flat.hnsw.efSearch = ef
        _, labels = flat.search(q.reshape(1, -1), k)
        return labels[0].tolist()

    sweep("faiss-hnsw", faiss_search, unit, queries, truth, efs, lines)
    write(out, lines)


def write(out, lines):
    with open(f"{out}/anchors.tsv", "w") as f:
        f.write("engine\tset\tef\trecall\tp50_us\tp99_us\tqps\n")
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
