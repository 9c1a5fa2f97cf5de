#!/usr/bin/env python3
"""Noise report: ROUGE of precis on clean and noisy copies of the dev sets.

For each set: the default algorithm on the clean clusters, on noisy copies
(bench/noise/inject.py, fixed seed), on noisy copies with cleaning off
(--no-clean), and OTS (`ots`, Debian) on the noisy copies, all scored by
`precis eval` with the set's standard settings. Prints a Markdown table.

Usage: bench/noise/report.py [--build build] [--sets duc2003-t3,multinews-val]
"""
import argparse
import json
import math
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
# set -> (budget words, ROUGE flags, measure to report)
SETS = {
    "duc2003-t3": (100, "-n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u", "R"),
    "multinews-val": (264, "-n 2 -2 4 -u -m -a -x -l 264 -c 95 -r 1000 -f A -p 0.5 -t 0", "F"),
    "multiling2011-en": (250, "-n 2 -2 4 -u -m -a -x -l 250 -c 95 -r 1000 -f A -p 0.5 -t 0", "R"),
}


def write_peers(jsonl_out, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for line in jsonl_out.splitlines():
        j = json.loads(line)
        if "error" in j:  # a failed cluster is not an empty summary
            raise SystemExit(f"precis failed on cluster {j['id']}: {j['error']['message']}")
        text = "\n".join(" ".join(s["text"].split()) for s in j.get("sentences", []))
        (folder / f"{j['id']}.txt").write_text(text + "\n", encoding="utf-8")


def summarize(precis, clusters, words, extra):
    r = subprocess.run([precis, "summarize", "--input", "jsonl", "--words", str(words),
                        "--truncate", "--format", "json", *extra, str(clusters)],
                       capture_output=True, text=True)
    if r.returncode != 0 and not r.stdout:
        raise SystemExit(f"precis summarize failed ({r.returncode}): {r.stderr.strip()}")
    return r.stdout


def ots(clusters, words, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for line in open(clusters, encoding="utf-8"):
        c = json.loads(line)
        text = "\n\n".join(d["text"] for d in c["docs"])
        ratio = max(1, math.ceil(150.0 * words / max(1, len(text.split()))))
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(text)
        # OTS can emit bytes that are not UTF-8; ROUGE ignores them anyway.
        out = subprocess.run(["ots", f"--ratio={min(ratio, 100)}", f.name],
                             capture_output=True).stdout.decode("utf-8", "replace")
        os.unlink(f.name)
        (folder / f"{c['id']}.txt").write_text(out, encoding="utf-8")


def score(precis, peers, refs, flags, measure):
    r = subprocess.run([precis, "eval", *flags.split(), "--peers", str(peers),
                        "--models", str(refs)], capture_output=True, text=True)
    got = {}
    for m in re.finditer(r"ROUGE-(1|2|SU4) Average_%s: ([0-9.]+)" % measure, r.stdout):
        got[m.group(1)] = 100 * float(m.group(2))
    if r.returncode != 0 or set(got) != {"1", "2", "SU4"}:
        raise SystemExit(f"precis eval failed on {peers} ({r.returncode}): {r.stderr.strip()}")
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--sets", default="duc2003-t3,multinews-val,multiling2011-en")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--algorithm", default="", help="an algorithm other than the default")
    ap.add_argument("--no-ots", action="store_true", help="skip the OTS rows")
    args = ap.parse_args()
    precis = str(pathlib.Path(args.build) / "precis")
    have_ots = shutil.which("ots") is not None and not args.no_ots
    listing = subprocess.run([precis, "algorithms"], capture_output=True, text=True).stdout
    default = next((l.split()[0] for l in listing.splitlines() if "(default)" in l), "?")
    chosen = ["--algorithm", args.algorithm] if args.algorithm else []
    print(f"algorithm: {args.algorithm or default + ' (default)'}\n")
    print("| set | run | R-1 | R-2 | R-SU4 |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for name in args.sets.split(","):
            words, flags, measure = SETS[name]
            clean = SHARED / name / "clusters.jsonl"
            if not clean.exists():
                continue
            noisy = tmp / f"{name}-noisy.jsonl"
            subprocess.run(["python3", str(ROOT / "bench/noise/inject.py"), "--seed",
                            str(args.seed), str(clean), str(noisy)], check=True)
            who = args.algorithm or "default"
            runs = [(f"{who}, clean input", clean, []),
                    (f"{who}, noisy input", noisy, []),
                    (f"{who} --no-clean, noisy input", noisy, ["--no-clean"])]
            for label, data, extra in runs:
                peers = tmp / name / re.sub(r"\W+", "_", label)
                write_peers(summarize(precis, data, words, chosen + extra), peers)
                s = score(precis, peers, SHARED / name / "refs", flags, measure)
                print(f"| {name} ({measure}) | {label} | {s['1']:.2f} | "
                      f"{s['2']:.2f} | {s['SU4']:.2f} |")
            if have_ots:
                peers = tmp / name / "ots"
                ots(noisy, words, peers)
                s = score(precis, peers, SHARED / name / "refs", flags, measure)
                print(f"| {name} ({measure}) | ots, noisy input | {s['1']:.2f} | "
                      f"{s['2']:.2f} | {s['SU4']:.2f} |")


if __name__ == "__main__":
    main()
