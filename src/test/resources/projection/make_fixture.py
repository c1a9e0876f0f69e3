"""Expected PCA maps for ProjectionParityTests, computed with numpy's SVD.

Run from the project root with a Python that has numpy:
    python3 src/test/resources/projection/make_fixture.py > src/test/resources/projection/kjv50-maps.tsv

Each map: the unit vectors of a word set from gensim/kjv50.txt, centred, projected onto the first
two right singular vectors; each axis oriented so that its most extreme point is positive (the
rule of io.wordvec.vectors.Projection).
"""
import numpy as np

with open("src/test/resources/gensim/kjv50.txt", encoding="utf-8") as f:
    count, dim = map(int, f.readline().split())
    words, rows = [], []
    for line in f:
        parts = line.rstrip("\n").split(" ")
        words.append(parts[0])
        rows.append(np.array(parts[1 : dim + 1], dtype=np.float32))
vectors = np.stack(rows).astype(np.float64)
unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
index = {w: i for i, w in enumerate(words)}


def neighbourhood(word, n):
    sims = unit @ unit[index[word]]
    order = [i for i in np.argsort(-sims, kind="stable") if i != index[word]][:n]
    return [word] + [words[i] for i in order]


sets = {
    "god-16": neighbourhood("god", 15),
    "moses-51": neighbourhood("moses", 50),
    "top-300": words[:300],
}
print("set\tword\tx\ty\texplained")
for name, group in sets.items():
    x = unit[[index[w] for w in group]]
    x = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    coords = x @ vt[:2].T
    for c in range(2):
        extreme = coords[np.argmax(np.abs(coords[:, c])), c]
        if extreme < 0:
            coords[:, c] = -coords[:, c]
    ratio = (s**2) / (s**2).sum()
    for w, (cx, cy) in zip(group, coords):
        print(f"{name}\t{w}\t{cx:.9f}\t{cy:.9f}\t{ratio[0]:.9f},{ratio[1]:.9f}")
