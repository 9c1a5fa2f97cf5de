#!/usr/bin/env python3
"""The quality loop: every algorithm on every evaluation set, one table.

Runs `precis summarize --input jsonl --algorithm A` on each set in
../shared/data with the set's standard budget, scores the summaries with
`precis eval` under the set's standard ROUGE-1.5.5 flags (plus -2 4 -u, for
ROUGE-SU4, which leaves ROUGE-1 and -2 unchanged), and writes a Markdown table
(algorithm x set: R-1, R-2, R-SU4, summaries per CPU-second).

  bench/quality/run.py [--precis build/precis] [--data ../shared/data]
                       [--out bench/results/quality-DATE.md]
                       [--sets duc2003-t3,...] [--algorithms lead,...]

Standard settings (from each set's README):
  duc2003-t3        100 words, truncated; recall; -n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0
  multiling2011-en  250 words, truncated; recall and F1; -n 2 -2 4 -u -m -a -x -l 250 ...
  multinews-val     264 words, truncated; F1;     -n 2 -2 4 -u -m -a -x -l 264 ...
  multinews-test    as multinews-val
  bbc-news-300      40% of the article's words (its README's fixed-ratio option:
                    the references are ~40% extracts); F1; -n 2 -2 4 -u -m -a -x ...
  SET@100w          multiling2011-en and both multinews sets at 100 words, truncated;
                    recall; -n 2 -2 4 -u -m -a -x -l 100 ... (the held-out check's budget)
"""
import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMON = ["-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0"]
SETS = {
    "duc2003-t3": (["--words", "100", "--truncate"],
                   ["-n", "4", "-2", "4", "-u", "-m", "-a", "-l", "100", "-x"], "R"),
    "multiling2011-en": (["--words", "250", "--truncate"],
                         ["-n", "2", "-2", "4", "-u", "-m", "-a", "-x", "-l", "250"], "R+F"),
    "multinews-val": (["--words", "264", "--truncate"],
                      ["-n", "2", "-2", "4", "-u", "-m", "-a", "-x", "-l", "264"], "F"),
    "multinews-test": (["--words", "264", "--truncate"],
                       ["-n", "2", "-2", "4", "-u", "-m", "-a", "-x", "-l", "264"], "F"),
    "bbc-news-300": (["--ratio", "0.4"], ["-n", "2", "-2", "4", "-u", "-m", "-a", "-x"], "F"),
}
# The held-out DUC 2004 check's budget (100 words, recall) on the other
# multi-document sets: not their standard settings, a second view of the
# default at the budget it is judged by.
AT_100 = (["--words", "100", "--truncate"],
          ["-n", "2", "-2", "4", "-u", "-m", "-a", "-x", "-l", "100"], "R")
for _name in ("multiling2011-en", "multinews-val", "multinews-test"):
    SETS[_name + "@100w"] = AT_100


def folder_of(set_name):
    return set_name.split("@")[0]


def algorithms(precis):
    out = subprocess.run([precis, "algorithms"], check=True, capture_output=True, text=True)
    names = [line.split()[0] for line in out.stdout.splitlines() if line.strip()]
    default = [line.split()[0] for line in out.stdout.splitlines() if "(default)" in line]
    return names, (default[0] if default else None)


def summarize(precis, algorithm, clusters, budget, peers_dir):
    """Writes peers_dir/<cluster>.txt; returns (clusters, CPU seconds, fallbacks)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [precis, "summarize", "--input", "jsonl", "--format", "json",
           "--algorithm", algorithm] + budget + [clusters]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    os.makedirs(peers_dir, exist_ok=True)
    n = fallbacks = 0
    for line in proc.stdout.splitlines():
        j = json.loads(line)
        if "error" in j:
            sys.exit(f"{algorithm}: {j['id']}: {j['error']}")
        n += 1
        fallbacks += "fallback" in j
        with open(os.path.join(peers_dir, f"{j['id']}.txt"), "w", encoding="utf-8") as f:
            for s in j["sentences"]:
                f.write(" ".join(s["text"].split()) + "\n")
    if proc.returncode != 0 and n == 0:
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr}")
    return n, cpu, fallbacks


def evaluate(precis, flags, peers, models):
    cmd = [precis, "eval"] + flags + COMMON + ["--peers", peers, "--models", models,
                                               "--format", "json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["systems"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--precis", default=os.path.join(ROOT, "build", "precis"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(
        ROOT, "bench", "results", f"quality-{datetime.date.today().isoformat()}.md"),
        help="the table to write; an existing file only with --force (a results file "
             "holds hand-written history below its tables)")
    ap.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--algorithms", default="")
    args = ap.parse_args()
    if os.path.exists(args.out) and not args.force:
        sys.exit(f"{args.out} exists (it may hold notes below its tables): give another "
                 "--out, or --force to overwrite it")
    names, default = algorithms(args.precis)
    if args.algorithms:
        names = args.algorithms.split(",")
    work = tempfile.mkdtemp(prefix="precis-quality-")
    results = {}  # set -> algorithm -> dict
    try:
        for set_name in args.sets.split(","):
            budget, flags, measure = SETS[set_name]
            folder = os.path.join(args.data, folder_of(set_name))
            clusters = os.path.join(folder, "clusters.jsonl")
            if not os.path.exists(clusters):
                print(f"skip {set_name}: {clusters} is absent", file=sys.stderr)
                continue
            peers = os.path.join(work, set_name)
            speed = {}
            for a in names:
                n, cpu, fallbacks = summarize(args.precis, a, clusters, budget,
                                              os.path.join(peers, a))
                speed[a] = (n / cpu if cpu > 0 else float("inf"), fallbacks)
            scores = evaluate(args.precis, flags, peers, os.path.join(folder, "refs"))
            results[set_name] = {}
            for a in names:
                m = scores[a]
                row = {k: 100 * m[f"ROUGE-{k}"][measure[0]]["mean"] for k in ("1", "2", "SU4")}
                if measure == "R+F":  # the README asks for both
                    row.update({"F" + k: 100 * m[f"ROUGE-{k}"]["F"]["mean"]
                                for k in ("1", "2", "SU4")})
                row["speed"], row["fallbacks"] = speed[a]
                results[set_name][a] = row
                print(f"{set_name:17} {a:18} R-1 {row['1']:.2f} R-2 {row['2']:.2f} "
                      f"R-SU4 {row['SU4']:.2f} {row['speed']:.0f}/s"
                      + (f" fallbacks {row['fallbacks']}" if row["fallbacks"] else ""),
                      file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not results:
        sys.exit(f"no set was scored: is {args.data} the shared data folder?")
    write_table(args, results, names, default)


def write_table(args, results, names, default):
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    cpu = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name"):
                cpu = line.split(":", 1)[1].strip()
    except OSError:
        pass
    lines = [f"# Quality: every algorithm on every set ({datetime.date.today().isoformat()})", "",
             f"Machine: {cpu or platform.processor()}, nproc {os.cpu_count()}; "
             f"commit {commit}. Generated by `bench/quality/run.py`.", "",
             "ROUGE-1.5.5 (`precis eval`, stemmed, stopwords kept), x100. duc2003-t3 "
             "reports recall, multiling2011-en recall and F1, multinews and bbc F1, as "
             "their READMEs prescribe. Speed: summaries per CPU-second of the whole "
             "`precis summarize --input jsonl` process (reading, cleaning and writing "
             "included).", ""]
    for set_name, rows in results.items():
        budget, flags, measure = SETS[set_name]
        both = measure == "R+F"
        kind = {"R": "recall", "F": "F1", "R+F": "recall, then F1"}[measure]
        lines += [f"## {set_name}", "",
                  f"Budget `{' '.join(budget)}`; `precis eval {' '.join(flags + COMMON)}` "
                  f"({kind}).", "",
                  "| algorithm | R-1 | R-2 | R-SU4 | " + ("F R-1 | F R-2 | F R-SU4 | " if both else "")
                  + "summaries/s |",
                  "|---|---|---|---|" + ("---|---|---|" if both else "") + "---|"]
        for a in names:
            r = rows[a]
            mark = " (default)" if a == default else ""
            fb = f" ({r['fallbacks']} ILP fallbacks)" if r["fallbacks"] else ""
            f1 = f"{r['F1']:.2f} | {r['F2']:.2f} | {r['FSU4']:.2f} | " if both else ""
            lines.append(f"| {a}{mark} | {r['1']:.2f} | {r['2']:.2f} | {r['SU4']:.2f} | "
                         f"{f1}{r['speed']:.0f}{fb} |")
        lines.append("")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
