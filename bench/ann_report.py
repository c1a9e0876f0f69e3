#!/usr/bin/python3
"""Merges bench/ann.sh's measurements into one markdown report.

usage: ann_report.py OUT_DIR TITLE [NOTE...]

Reads OUT_DIR/wordvec.tsv and OUT_DIR/anchors.tsv (engine, set, ef, recall, p50_us, p99_us, qps)
and prints: the sweep per query set, then each engine at matched recall (the smallest ef that
reaches 0.90, 0.95 and 0.99 recall@10) with wordvec's QPS as a ratio of hnswlib's.
"""
import csv
import sys

TARGETS = (0.90, 0.95, 0.99)


def rows(path):
    try:
        with open(path) as f:
            return list(csv.DictReader(f, delimiter="\t"))
    except FileNotFoundError:
        return []


def main():
    out, title, notes = sys.argv[1], sys.argv[2], sys.argv[3:]
    data = rows(f"{out}/wordvec.tsv") + rows(f"{out}/anchors.tsv")
    for r in data:
        r["ef"] = int(r["ef"])
        for key in ("recall", "p50_us", "p99_us", "qps"):
            r[key] = float(r[key])
    print(f"## {title}\n")
    for note in notes:
        print(f"- {note}")
    print()
    for kind in ("frequency", "uniform", "analogy"):
        print(f"### {kind} queries: recall@10 against the exact scan, one thread\n")
        print("| engine | ef | recall@10 | p50 µs | p99 µs | QPS |")
        print("|---|---:|---:|---:|---:|---:|")
        for r in [r for r in data if r["set"] == kind]:
            print("| %s | %d | %.4f | %.1f | %.1f | %.0f |" % (
                r["engine"], r["ef"], r["recall"], r["p50_us"], r["p99_us"], r["qps"]))
        print()
    print("### At matched recall: the smallest ef reaching the target\n")
    print("| queries | target | engine | ef | recall@10 | p50 µs | QPS | QPS / hnswlib |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    engines = sorted({r["engine"] for r in data})
    for kind in ("frequency", "uniform", "analogy"):
        for target in TARGETS:
            best = {}
            for engine in engines:
                reached = [r for r in data if r["set"] == kind and r["engine"] == engine
                           and r["recall"] >= target]
                if reached:
                    best[engine] = min(reached, key=lambda r: r["ef"])
            anchor = best.get("hnswlib")
            for engine in engines:
                r = best.get(engine)
                if r is None:
                    print(f"| {kind} | {target:.2f} | {engine} | - | not reached | - | - | - |")
                    continue
                ratio = "%.2f" % (r["qps"] / anchor["qps"]) if anchor else "-"
                print("| %s | %.2f | %s | %d | %.4f | %.1f | %.0f | %s |" % (
                    kind, target, engine, r["ef"], r["recall"], r["p50_us"], r["qps"], ratio))
    print()


if __name__ == "__main__":
    main()
