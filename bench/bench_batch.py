#!/usr/bin/python3
"""Batch throughput: clusters per second through `precis summarize --input
jsonl` at 1 and 2 threads, the Python module (threads, GIL released) and
precis.dask on a 2-process LocalCluster, on the bundled example
(examples/ferry/*.txt as one cluster) repeated to N clusters. Every run's
output is checked against the 1-thread CLI output before its time counts.

    PYTHONPATH=build/python:python bench/bench_batch.py build/precis [N]

Prints a Markdown table (best of 3 wall times) and the peak memory of the
CLI at N and 10 N clusters (streaming: it should not grow).
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FERRY = os.path.join(ROOT, "examples", "ferry")


def ferry_line(i):
    names = sorted(n for n in os.listdir(FERRY) if n.endswith(".txt"))
    docs = [{"id": n, "text": open(os.path.join(FERRY, n), encoding="utf-8").read()}
            for n in names]
    return json.dumps({"id": "c%d" % i, "docs": docs})


def write_input(path, n):
    template = ferry_line(0)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(template.replace('"c0"', '"c%d"' % i, 1) + "\n")


def best_of(runs, fn):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def peak_kb(cmd, stdin_path):
    with open(stdin_path, "rb") as f:
        r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdin=f,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    return int(r.stderr.decode().strip().splitlines()[-1])


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "precis")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    tmp = tempfile.mkdtemp(prefix="precis-bench-")
    path = os.path.join(tmp, "in.jsonl")
    write_input(path, n)
    rows = []

    def cli(threads):
        with open(path, "rb") as f:
            return subprocess.run([binary, "summarize", "--input", "jsonl", "--threads",
                                   str(threads)], stdin=f, capture_output=True,
                                  check=True).stdout

    reference = cli(1)
    assert reference.count(b"\n") == n
    for threads in (1, 2):
        assert cli(threads) == reference
        rows.append((f"precis summarize --input jsonl --threads {threads}",
                     best_of(3, lambda: cli(threads))))

    import precis
    lines = open(path, encoding="utf-8").read().splitlines()
    expected = reference.decode().splitlines()
    summarizer = precis.Summarizer()
    for threads in (1, 2):
        assert summarizer.summarize_jsonl(lines, threads=threads) == expected
        rows.append((f"Python Summarizer.summarize_jsonl(threads={threads})",
                     best_of(3, lambda: summarizer.summarize_jsonl(lines, threads=threads))))
    clusters = [json.loads(l)["docs"] for l in lines]

    def python_threads(k):
        """Summaries (as text) in cluster order; raises what a thread raised."""
        results = [None] * len(clusters)
        errors = []

        def work(first):
            try:
                for i in range(first, len(clusters), k):
                    results[i] = repr(summarizer.summarize([d["text"] for d in clusters[i]]))
            except Exception as e:  # a thread's exception does not reach join()
                errors.append(e)
        ts = [threading.Thread(target=work, args=(i,)) for i in range(k)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        if errors:
            raise errors[0]
        return results

    sequential = python_threads(1)
    for k in (1, 2):
        assert python_threads(k) == sequential
        rows.append((f"Python Summarizer.summarize from {k} thread(s)",
                     best_of(3, lambda: python_threads(k))))

    try:
        from distributed import Client, LocalCluster
        import precis.dask
    except ImportError:
        LocalCluster = None
    if LocalCluster is not None:
        parts = 4
        inputs = []
        for p in range(parts):
            part = os.path.join(tmp, "part-in-%d.jsonl" % p)
            with open(part, "w", encoding="utf-8") as f:
                f.writelines(l + "\n" for l in lines[p::parts])
            inputs.append(part)
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster, \
                Client(cluster):
            out = os.path.join(tmp, "dask-out")
            precis.dask.summarize_files(inputs, out)  # warm the workers up
            rows.append(("precis.dask.summarize_files, LocalCluster 2 processes",
                         best_of(3, lambda: precis.dask.summarize_files(inputs, out))))
            got = sorted(b"".join(open(os.path.join(out, "part-%05d.jsonl" % p), "rb").read()
                                  for p in range(parts)).splitlines())
            assert got == sorted(reference.splitlines())

    print(f"| runner | {n} clusters, s | clusters/s |")
    print("|---|---:|---:|")
    for name, secs in rows:
        print(f"| {name} | {secs:.2f} | {n / secs:,.0f} |")

    big = os.path.join(tmp, "big.jsonl")
    write_input(big, 10 * n)
    for size, p in ((n, path), (10 * n, big)):
        for threads in (1, 2):
            kb = peak_kb([binary, "summarize", "--input", "jsonl", "--threads", str(threads)], p)
            print(f"peak RSS, {size} clusters, --threads {threads}: {kb / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
