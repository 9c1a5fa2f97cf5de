#!/usr/bin/env python3
"""Paired comparison of two summarizers, cluster by cluster, on one set.

Each side is a precis binary, optionally with ':ALGORITHM' (a scratch build
of a variant against build/precis, or two algorithms of one build). Both
summarize the set with its standard budget (bench/quality/run.py's SETS);
`precis eval -d` scores every cluster under the set's flags. Prints each
side's mean R-1 and R-2, the mean per-cluster difference B - A, how many
clusters go up and down, and a 95% percentile bootstrap interval of the
difference (2,000 resamples of the clusters, fixed seed: the same input
prints the same interval).

  bench/quality/paired.py SET A B
  bench/quality/paired.py multinews-val@100w build/precis /tmp/variant/precis
  bench/quality/paired.py duc2003-t3 build/precis:ilp build/precis:precis
"""
import os
import random
import sys
import tempfile

import run


def per_cluster(side, tag, set_name, work):
    """{cluster: (R-1, R-2)} x100 for one side."""
    precis, _, algorithm = side.partition(":")
    budget, flags, measure = run.SETS[set_name]
    folder = os.path.join(run.ROOT, "..", "shared", "data", run.folder_of(set_name))
    peers = os.path.join(work, tag)
    run.summarize(precis, algorithm or "precis", os.path.join(folder, "clusters.jsonl"),
                  budget, os.path.join(peers, "x"))
    system = run.evaluate(precis, flags + ["-d"], peers, os.path.join(folder, "refs"))["x"]
    scores = {}
    for n in ("1", "2"):
        for e in system[f"ROUGE-{n}"]["evals"]:
            scores.setdefault(e["id"], {})[n] = 100 * e[measure[0]]  # recall first for R+F
    return {k: (v["1"], v["2"]) for k, v in scores.items()}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in run.SETS:
        sys.exit(__doc__.split("\n\n")[-1] + f"\nsets: {', '.join(run.SETS)}")
    set_name, a_side, b_side = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="precis-paired-") as work:
        a = per_cluster(a_side, "a", set_name, work)
        b = per_cluster(b_side, "b", set_name, work)
    ids = sorted(a)
    rng = random.Random(1)
    for k, name in ((0, "R-1"), (1, "R-2")):
        d = [b[i][k] - a[i][k] for i in ids]
        n = len(d)
        means = sorted(sum(rng.choice(d) for _ in range(n)) / n for _ in range(2000))
        print(f"{set_name} {name}: A {sum(a[i][k] for i in ids) / n:.2f}, "
              f"B {sum(b[i][k] for i in ids) / n:.2f}, B - A {sum(d) / n:+.2f} "
              f"[{means[49]:+.2f}, {means[1950]:+.2f}], "
              f"{sum(x > 0.005 for x in d)} clusters up, {sum(x < -0.005 for x in d)} down")


if __name__ == "__main__":
    main()
