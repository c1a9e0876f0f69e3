#!/usr/bin/env python3
"""Writes a synthetic corpus whose vocabulary at a given min-count has a given size (issue 14,
"done when" 4: a model Spark MLlib cannot train, vocabulary >= 1M x 300).

The text is synthetic, not language. Word r (0 = most frequent) occurs exactly
max(MIN_COUNT, round(C / (r + 1))) times: Zipf's law for the head, C chosen so that the corpus
has about TOKENS tokens, and a floor of MIN_COUNT for the long tail, so that every one of the
VOCAB words reaches min-count without the hundreds of millions of tokens a pure Zipf
distribution would need. Words are letters only (bijective base 26 of r + 1: a, b, ..., z, aa,
...), one sentence per line.

So that a trained model has something to learn, word r belongs to topic r % TOPICS, and each
sentence holds words of one topic only (8 to 16 of them, drawn without replacement from the
topic's tokens); sentences are shuffled. Beside the corpus, three word-pair files
(CORPUS.pairs-head.tsv, -mid.tsv, -tail.tsv: word1 TAB word2 TAB 1 for two words of one topic,
0 for two topics) let `wordvec evaluate --pairs` score whether a model put words of a topic
together, for frequent (ranks < 10k), middle (10k to 100k) and tail words (the last 100k
ranks, the ones seen MIN_COUNT times).

Usage: big_vocab_corpus.py OUTPUT TOKENS [--vocab N] [--min-count N] [--topics N] [--seed N]
"""
import argparse
import os
import random
import sys
import time


def word(rank):
    """Bijective base 26 of rank + 1: a..z, aa..zz, aaa..."""
    n = rank + 1
    letters = []
    while n > 0:
        n -= 1
        letters.append(chr(97 + n % 26))
        n //= 26
    return "".join(reversed(letters))


def counts_for(vocab, floor, c):
    return [max(floor, int(round(c / (r + 1)))) for r in range(vocab)]


def solve_c(vocab, floor, tokens):
    """The Zipf constant C whose counts sum to about TOKENS (bisection; the sum grows with C)."""
    if floor * vocab > tokens:
        sys.exit(
            f"{tokens} tokens cannot give {vocab} words {floor} occurrences each; "
            f"at least {floor * vocab} are needed"
        )
    lo, hi = float(floor), float(tokens)
    for _ in range(60):
        mid = (lo + hi) / 2
        total = sum(counts_for(vocab, floor, mid))
        if total < tokens:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1:
            break
    return lo


def pairs(rng, ranks, topics, n):
    """n pairs of one topic (score 1) and n of two topics (score 0), both words from ranks."""
    lo, hi = ranks
    out = []
    while len(out) < n:
        a = rng.randrange(lo, hi)
        t = a % topics
        # another word of the same topic in the same band
        first = lo + ((t - lo) % topics)
        count = (hi - first + topics - 1) // topics
        b = first + topics * rng.randrange(count)
        if b != a:
            out.append((word(a), word(b), 1))
    while len(out) < 2 * n:
        a = rng.randrange(lo, hi)
        b = rng.randrange(lo, hi)
        if a % topics != b % topics:
            out.append((word(a), word(b), 0))
    rng.shuffle(out)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("output")
    p.add_argument("tokens", type=int, help="about this many tokens in all")
    p.add_argument("--vocab", type=int, default=1_050_000, help="distinct words (default 1,050,000)")
    p.add_argument("--min-count", type=int, default=5, help="the rarest words' count (default 5)")
    p.add_argument("--topics", type=int, default=1000, help="topics (default 1000)")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    if a.vocab < 1 or a.min_count < 1 or a.topics < 2:
        sys.exit("--vocab and --min-count must be >= 1, --topics >= 2")
    began = time.time()
    rng = random.Random(a.seed)
    c = solve_c(a.vocab, a.min_count, a.tokens)
    counts = counts_for(a.vocab, a.min_count, c)
    words = [word(r) for r in range(a.vocab)]
    lines = []
    for t in range(a.topics):
        tokens = []
        for r in range(t, a.vocab, a.topics):
            tokens.extend([r] * counts[r])
        rng.shuffle(tokens)
        at = 0
        while at < len(tokens):
            n = rng.randint(8, 16)
            lines.append(" ".join([words[r] for r in tokens[at : at + n]]))
            at += n
    rng.shuffle(lines)
    partial = a.output + ".partial"
    with open(partial, "w", encoding="ascii") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(partial, a.output)
    bands = {
        "head": (0, min(10_000, a.vocab)),
        "mid": (min(10_000, a.vocab), min(100_000, a.vocab)),
        "tail": (max(0, a.vocab - 100_000), a.vocab),
    }
    for name, band in bands.items():
        if band[1] - band[0] < 2 * a.topics:
            continue
        with open(f"{a.output}.pairs-{name}.tsv", "w", encoding="ascii") as f:
            for w1, w2, score in pairs(rng, band, a.topics, 500):
                f.write(f"{w1}\t{w2}\t{score}\n")
    total = sum(counts)
    print(
        f"{a.output}: {total:,} tokens, {len(lines):,} sentences, {a.vocab:,} words "
        f"(the rarest {sum(1 for x in counts if x == a.min_count):,} exactly {a.min_count} times, "
        f"the most frequent {counts[0]:,} times), {a.topics} topics, seed {a.seed}; "
        f"{time.time() - began:.0f} s"
    )


if __name__ == "__main__":
    main()
