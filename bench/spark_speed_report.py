"""Table of bench/spark-speed.sh's runs: python3 bench/spark_speed_report.py OUT_DIR."""

import glob
import json
import os
import re
import statistics
import sys

SUMMARY = re.compile(r"trained \d+ words x \d+ dims on [\d,]+ tokens in ([\d.]+) s \(([\d,]+) words/s\)")


def lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            stamp, _, text = line.rstrip("\n").partition(" ")
            yield float(stamp), text


def summary(path):
    for _, text in lines(path):
        m = SUMMARY.search(text)
        if m:
            return float(m.group(1)), int(m.group(2).replace(",", ""))
    raise SystemExit(f"{path}: no summary line (the run failed?)")


def events(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("{"):
                yield json.loads(line)


def run(out, name, epochs_words):
    base = os.path.join(out, name)
    seconds, rate = summary(base + ".log")
    start, end = (float(x) for x in open(base + ".wall").read().split())
    row = {"process": end - start, "e2e_seconds": seconds, "e2e_rate": rate}
    if os.path.exists(base + ".jsonl"):
        evs = list(events(base + ".jsonl"))
        progress = [e for e in evs if e["event"] == "progress" and e["phase"] == "training"]
        s = next(e for e in evs if e["event"] == "summary")
        row["words"] = progress[-1]["wordsProcessed"]
        row["train_seconds"] = s["wallSeconds"]
        row["sync_share"] = s["syncShare"]
        row["syncs"] = s["syncs"]
        row["broadcast"] = s["broadcastBytesPerSync"]
        row["result"] = s["resultBytesPerSync"]
        if os.path.exists(base + ".jsonl.t"):
            stamped = [(t, json.loads(text)) for t, text in lines(base + ".jsonl.t")
                       if text.startswith("{")]
            first = stamped[0][0]
            sync = next((t, e) for t, e in stamped if e["event"] == "sync")
            row["startup"] = first - start
            row["text"] = sync[0] - sync[1]["wallSeconds"] - first
    else:
        epoch_lines = [t for t, text in lines(base + ".log") if text.startswith("epoch ")]
        row["words"] = epochs_words
        row["train_seconds"] = epoch_lines[-1] - epoch_lines[0]
    return row


def main(out):
    names = sorted(os.path.basename(p)[: -len(".wall")] for p in glob.glob(out + "/*.wall"))
    words = None
    for name in names:
        if name.startswith("k") and os.path.exists(os.path.join(out, name + ".jsonl")):
            evs = [e for e in events(os.path.join(out, name + ".jsonl")) if e["event"] == "progress"]
            if evs:
                words = evs[-1]["wordsExpected"]
                break
    kinds = {}
    for name in names:
        kind = name.rsplit("-", 1)[0]
        kinds.setdefault(kind, []).append(run(out, name, words))
    label = {
        "local1": "local trainer, 1 thread",
        "local2": "local trainer, 2 threads",
        "k1": "Spark K=1, local[1]",
        "k2": "Spark K=2, local[2]",
        "k1t2": "Spark K=1, local[2], 2 task threads",
    }
    print(
        "| run | runs | end to end (s) | words/s end to end | training (s) | words/s training"
        " | process wall (s) | syncs | sync share | broadcast / deltas per sync |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rates = {}
    for kind in ["local1", "k1", "local2", "k2", "k1t2"]:
        rows = kinds.get(kind)
        if not rows:
            continue
        med = lambda key: statistics.median(r[key] for r in rows)
        e2e = med("e2e_rate")
        train = statistics.median(r["words"] / r["train_seconds"] for r in rows)
        rates[kind] = (e2e, train)
        sync = bytes_ = syncs = "-"
        if "sync_share" in rows[0]:
            sync = "%.1f%%" % (100 * med("sync_share"))
            syncs = "%d" % rows[0]["syncs"]
            bytes_ = "%.1f MB / %.1f MB" % (med("broadcast") / 1e6, med("result") / 1e6)
        print(
            "| %s | %d | %.1f | %s | %.1f | %s | %.1f | %s | %s | %s |"
            % (
                label[kind],
                len(rows),
                med("e2e_seconds"),
                format(round(e2e), ","),
                med("train_seconds"),
                format(round(train), ","),
                med("process"),
                syncs,
                sync,
                bytes_,
            )
        )
    print()
    for kind in ["k1", "k2", "k1t2"]:
        rows = [r for r in kinds.get(kind, []) if "startup" in r]
        if rows:
            print(
                "%s: JVM and Spark start %.1f s, reading + vocabulary + encoding %.1f s (medians)"
                % (
                    label[kind],
                    statistics.median(r["startup"] for r in rows),
                    statistics.median(r["text"] for r in rows),
                )
            )
    # (numerator, denominator, label, as a percentage rather than a factor)
    ratios = [
        ("k1", "local1", "K=1 / local 1 thread", True),
        ("k2", "k1", "K=2 local[2] / K=1 local[1]", False),
        ("k1t2", "k1", "K=1 local[2] with 2 task threads / K=1 local[1]", False),
        ("k1t2", "local2", "K=1 local[2] with 2 task threads / local 2 threads", True),
        ("local2", "local1", "local 2 threads / 1 thread", False),
    ]
    for top, bottom, label, percent in ratios:
        if top in rates and bottom in rates:
            e2e, train = (rates[top][i] / rates[bottom][i] for i in (0, 1))
            if percent:
                print("%s: %.0f%% end to end, %.0f%% training" % (label, 100 * e2e, 100 * train))
            else:
                print("%s: %.2fx end to end, %.2fx training" % (label, e2e, train))

if __name__ == "__main__":
    main(sys.argv[1])
