"""precis on a Dask cluster: JSON Lines partitions in, JSON Lines out.

Every input line gives exactly one output line, in the same partition and
order, byte for byte what ``precis summarize --input jsonl`` writes for it
(a bad line gives ``{"id": ..., "error": {...}}``; nothing is dropped and no
task fails because of a line). Workers need precis importable (see
doc/scale-out.md); each worker process builds one Summarizer per set of
options and reuses it.

    import dask.bag as db
    import precis.dask
    lines = db.read_text("s3://bucket/clusters/*.jsonl")
    precis.dask.summarize_bag(lines, words=100).to_textfiles("out/*.jsonl")

or from a shell::

    precis-dask --scheduler tcp://10.0.0.5:8786 --words 100 \\
        's3://bucket/clusters/*.jsonl' --output s3://bucket/summaries/
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from typing import Any, Iterable, Optional, Sequence, Union

import precis

__all__ = ["main", "summarize_bag", "summarize_files"]


def _line(x: Any) -> Union[str, bytes]:
    if isinstance(x, (str, bytes)):
        return x
    # A dict is a cluster; anything else (None, a number, a list) becomes the
    # JSON it is, which gets its error line: no task fails because of a line.
    return json.dumps(x, ensure_ascii=False, default=repr)


def _summarize_partition(part: Iterable[Any], options: dict, explain: bool,
                         threads: int) -> list[str]:
    # One Summarizer per worker process and options (precis._cached).
    summarizer = precis._cached(precis.Options(**options))
    return summarizer.summarize_jsonl([_line(x) for x in part], explain=explain,
                                      threads=threads)


def summarize_bag(bag: Any, *, explain: bool = False, threads: int = 1,
                  **options: Any) -> Any:
    """Summarizes a Dask bag of clusters, one result line per element.

    Elements are JSON Lines lines (``str``, or ``bytes`` as read from a
    file; a trailing newline is ignored) or cluster dicts ``{"id", "docs"}``;
    any other element gets an error line.
    Returns a bag of JSON result lines (``str``, no newline), partitioned
    and ordered as the input. ``options`` are ``precis.Options`` fields
    (``words=100``, ``lang="de"``, ...), checked here before any task runs.
    ``threads``: summarizer threads per task (Dask's own workers are the
    usual way to use cores). In error messages, "line N" counts within the
    partition.
    """
    o = precis.Options(**options)
    precis._cached(o)  # fail on bad options now, not on the workers
    precis._check_count("threads", threads, 1, 1024)
    return bag.map_partitions(_summarize_partition, dict(
        (k, getattr(o, k)) for k in o.__dataclass_fields__), explain, threads)


def _is_error(line: str) -> bool:
    return '"error"' in line and "error" in json.loads(line)


def summarize_files(inputs: Sequence[str], output: str, *, blocksize: Any = None,
                    explain: bool = False, storage_options: Optional[dict] = None,
                    **options: Any) -> tuple[list[str], int]:
    """Reads JSON Lines files (local paths, globs or fsspec URLs), summarizes
    them on the current Dask scheduler (a ``distributed.Client`` if one is
    active) and writes ``output/part-NNNNN.jsonl``, one per partition.

    With ``blocksize=None`` (the default) a partition is a whole input
    file, in the order the inputs (and their globs, sorted) name them, and
    each output file equals ``precis summarize --input jsonl`` on that file,
    byte for byte. Returns the output paths and the number of error lines.
    """
    import dask
    import dask.bag as db

    # surrogateescape keeps every byte, so a line that is not UTF-8 goes to
    # precis as it is and gets the CLI's error line.
    # One read_text per input: fsspec takes a list only of one protocol.
    # Lines end at "\n" only, as for the CLI: by default read_text splits at
    # a bare "\r" too, which may sit inside a valid JSON line.
    lines = db.concat([db.read_text(url, blocksize=blocksize, encoding="utf-8",
                                    errors="surrogateescape", linedelimiter="\n",
                                    storage_options=storage_options)
                       for url in inputs])
    results = summarize_bag(lines.map_partitions(_reencode), explain=explain, **options)
    # Each partition as one text, every line with its newline: an empty
    # partition gives an empty file, as the CLI gives for an empty input.
    writes = results.map_partitions(_as_text).to_textfiles(
        output.rstrip("/") + "/*.jsonl", name_function=lambda i: "part-%05d" % i,
        encoding="utf-8", last_endline=False, storage_options=storage_options,
        compute=False)
    # One pass: the counting shares the summarizing tasks with the writing.
    _, failed = dask.compute(writes, results.filter(_is_error).count())
    return ["%s/part-%05d.jsonl" % (output.rstrip("/"), i)
            for i in range(results.npartitions)], failed


def _as_text(part: Iterable[str]) -> list[str]:
    return ["".join(line + "\n" for line in part)]


def _reencode(part: Iterable[str]) -> list[bytes]:
    return [line.encode("utf-8", "surrogateescape") for line in part]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The precis-dask command; returns the exit code (0 ok, 1 some line
    failed, 2 usage), as precis summarize does."""
    p = argparse.ArgumentParser(
        prog="precis-dask",
        description="Summarize JSON Lines clusters on a Dask cluster: one output "
                    "line per input line, one output file per input file "
                    "(OUTPUT/part-NNNNN.jsonl, in input order).")
    p.add_argument("inputs", nargs="+", help="JSON Lines files: paths, globs or "
                   "fsspec URLs (s3://, gs://, hdfs://, ...)")
    p.add_argument("--output", "-o", required=True, help="output folder (path or URL)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler, "
                       "e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local", type=int, metavar="N", help="start a local cluster "
                       "of N worker processes (default: one per core)")
    p.add_argument("--blocksize", default=None, help="split input files into "
                   "partitions of about this size (e.g. 64MiB); default: a "
                   "partition per file")
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--sentences", type=int)
    budget.add_argument("--words", type=int)
    budget.add_argument("--bytes", type=int)
    budget.add_argument("--ratio", type=float)
    p.add_argument("--truncate", action="store_true")
    p.add_argument("--lang", default="en")
    p.add_argument("--no-clean", action="store_true")
    p.add_argument("--algorithm")
    p.add_argument("--explain", action="store_true")
    a = p.parse_args(argv)

    options = dict(lang=a.lang, sentences=a.sentences, words=a.words, bytes=a.bytes,
                   ratio=a.ratio, truncate=a.truncate, clean=not a.no_clean,
                   algorithm=a.algorithm)
    try:
        precis.Options(**options)
        precis._cached(precis.Options(**options))
    except (ValueError, TypeError) as e:
        print(f"precis-dask: {e}", file=sys.stderr)
        return 2
    # Checked before a cluster starts: a usage error is one line, exit 2; an
    # input that is not there is exit 1, as for precis summarize.
    if a.local is not None and a.local < 1:
        print("precis-dask: --local takes a number of workers >= 1", file=sys.stderr)
        return 2
    if a.blocksize is not None:
        from dask.utils import parse_bytes
        try:
            a.blocksize = parse_bytes(a.blocksize)
        except (ValueError, TypeError):
            print(f"precis-dask: --blocksize {a.blocksize!r} is not a size "
                  "(e.g. 64MiB)", file=sys.stderr)
            return 2
    for x in a.inputs:
        if "://" not in x and not glob.glob(x):
            print(f"precis-dask: no input file matches '{x}'", file=sys.stderr)
            return 1
    stale = [] if "://" in a.output else glob.glob(os.path.join(a.output, "part-*.jsonl"))
    if stale:
        print(f"precis-dask: {a.output} holds part-*.jsonl files already (another "
              "run's?); remove them or pick another --output", file=sys.stderr)
        return 2

    from distributed import Client, LocalCluster

    cluster = None
    if a.scheduler:
        try:
            client = Client(a.scheduler, timeout="10s")
        except (OSError, TimeoutError) as e:
            print(f"precis-dask: cannot reach the scheduler at {a.scheduler}: {e}",
                  file=sys.stderr)
            return 1
    else:
        cluster = LocalCluster(n_workers=a.local or os.cpu_count() or 1,
                               threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        with client:
            written, failed = summarize_files(a.inputs, a.output,
                                              blocksize=a.blocksize,
                                              explain=a.explain, **options)
    finally:
        if cluster is not None:
            cluster.close()
    print(f"precis-dask: wrote {len(written)} file(s) to {a.output}; "
          f"{failed} line(s) failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    # `python3 -m precis.dask`: run the imported module's main, so the tasks
    # pickle as precis.dask functions, not as __main__'s.
    from precis.dask import main as _main
    sys.exit(_main())
