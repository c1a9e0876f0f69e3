#!/usr/bin/env python3
"""Helpers of bench/train-vs-gensim.sh (kept here so that the script holds no Python).

  train_table.py field JSON_FILE KEY          prints one value of a JSON file
  train_table.py scores                       reads `wordvec evaluate --json` on stdin, prints
                                              "accuracy% seen spearman oov%"
  train_table.py table RESULTS.tsv            prints the Markdown table of the runs, then, when a
                                              row has more than one seed, the means over seeds

RESULTS.tsv columns: arch tool schedule seed seconds words_per_second analogy seen ws353 rss_mb.
The ratio column is each row's words/s over gensim corpus_file's of the same arch and seed.
"""
import json
import statistics
import sys
from collections import OrderedDict

COLUMNS = ["arch", "tool", "schedule", "seed", "seconds", "wps", "analogy", "seen", "ws353", "rss"]


def field(path, key):
    print(json.load(open(path))[key])


def scores():
    d = json.load(sys.stdin)
    a = d["analogies"][0]["total"]
    p = d["pairs"][0]
    print("%.2f %d %.3f %.1f" % (100 * a["accuracy"], a["seen"], p["spearman"], p["oovPercent"]))


def read(path):
    rows = []
    for line in open(path):
        values = line.split()
        if len(values) != len(COLUMNS):
            continue
        row = dict(zip(COLUMNS, values))
        for k in ("seconds", "analogy", "ws353", "rss"):
            row[k] = float(row[k])
        row["wps"] = int(row["wps"])
        rows.append(row)
    return rows


def table(path):
    rows = read(path)
    anchor = {
        (r["arch"], r["seed"]): r["wps"] for r in rows if r["tool"] == "gensim-corpus_file"
    }
    print("| arch | tool               | schedule            | seed |  time s |   words/s | ratio"
          " | analogy | seen  |  ws353 | peak RSS MB |")
    print("|------|--------------------|---------------------|-----:|--------:|----------:|------:"
          "|--------:|------:|-------:|------------:|")
    for r in rows:
        base = anchor.get((r["arch"], r["seed"]))
        ratio = "%.2fx" % (r["wps"] / base) if base else "-"
        print("| %-4s | %-18s | %-19s | %4s | %7.1f | %9d | %5s | %6.2f%% | %5s | %6.3f | %11.0f |"
              % (r["arch"], r["tool"], r["schedule"], r["seed"], r["seconds"], r["wps"], ratio,
                 r["analogy"], r["seen"], r["ws353"], r["rss"]))
    groups = OrderedDict()
    for r in rows:
        groups.setdefault((r["arch"], r["tool"], r["schedule"]), []).append(r)
    if all(len(g) < 2 for g in groups.values()):
        return
    print()
    print("Means over seeds:")
    print()
    print("| arch | tool               | schedule            | seeds |  time s |   words/s | analogy"
          " |   ws353 | peak RSS MB |")
    print("|------|--------------------|---------------------|------:|--------:|----------:|--------:"
          "|--------:|------------:|")
    for (arch, tool, schedule), g in groups.items():
        print("| %-4s | %-18s | %-19s | %5d | %7.1f | %9.0f | %6.2f%% | %7.4f | %11.0f |"
              % (arch, tool, schedule, len(g), statistics.mean(r["seconds"] for r in g),
                 statistics.mean(r["wps"] for r in g), statistics.mean(r["analogy"] for r in g),
                 statistics.mean(r["ws353"] for r in g), statistics.mean(r["rss"] for r in g)))


def main():
    command = sys.argv[1]
    if command == "field":
        field(sys.argv[2], sys.argv[3])
    elif command == "scores":
        scores()
    elif command == "table":
        table(sys.argv[2])
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
