"""precis.dask on a real distributed.LocalCluster (2 worker processes on
loopback): the output equals the single-process output, line for line."""

import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

import precis

try:
    import dask.bag as db
    from distributed import Client, LocalCluster
except ImportError:  # pragma: no cover
    db = None

import precis.dask

SOURCE = os.environ.get("PRECIS_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
FERRY = os.path.join(SOURCE, "examples", "ferry")


def make_files(folder, files=3, lines=30):
    """JSON Lines files with good clusters, bad lines of every kind, a line
    that is not UTF-8, lines holding a CR or U+2028, a CRLF line end, and (in
    the last file) no final newline."""
    names = sorted(x for x in os.listdir(FERRY) if x.endswith(".txt"))
    texts = [open(os.path.join(FERRY, x), encoding="utf-8").read() for x in names]
    paths = []
    for f in range(files):
        out = []
        for i in range(lines):
            n = f * lines + i
            # Found by review: dask split lines at a bare CR (valid between
            # JSON tokens); U+2028 is text, as Python's json.dumps writes it.
            if i % 11 == 5:
                out.append(b'{"id": "r%d",\r"text": "A carriage return. Within one line."}' % n)
                continue
            if i % 11 == 7:
                out.append(json.dumps({"id": f"u{n}", "text": "One here.\u2028Two here."},
                                      ensure_ascii=False).encode() + b"\r")
                continue
            if i % 11 == 10:
                out.append([b"not json", b'{"id": "x%d", "docs": 1}' % n, b"",
                            b'{"id": "bad\xff\xfe", "text": "x"}'][n % 4])
                continue
            docs = [{"id": names[d], "text": texts[d] + f"\nUpdate {n} came later."}
                    for d in range(len(texts)) if (n + d) % 4 != 0]
            out.append(json.dumps({"id": f"c{n}", "docs": docs}).encode())
        path = os.path.join(folder, "in-%d.jsonl" % f)
        with open(path, "wb") as fh:
            fh.write(b"\n".join(out) + (b"" if f == files - 1 else b"\n"))
        paths.append(path)
    return paths


def cli(path, *args):
    binary = os.environ["PRECIS_BINARY"]
    with open(path, "rb") as fh:
        return subprocess.run([binary, "summarize", "--input", "jsonl", *args],
                              stdin=fh, capture_output=True).stdout


@unittest.skipIf(db is None, "python3-distributed is not installed")
@unittest.skipUnless(os.environ.get("PRECIS_BINARY"), "PRECIS_BINARY not set")
class DaskTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.inputs = make_files(cls.tmp.name)
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
        cls.client = Client(cls.cluster)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        cls.tmp.cleanup()

    def test_files_equal_the_cli_line_for_line(self):
        out = os.path.join(self.tmp.name, "out-files")
        # One input as a file:// URL: any fsspec URL goes.
        inputs = ["file://" + self.inputs[0]] + self.inputs[1:]
        written, failed = precis.dask.summarize_files(inputs, out, words=40)
        self.assertEqual(len(written), len(self.inputs))
        total_failed = 0
        for path, produced in zip(self.inputs, written):
            expected = cli(path, "--words", "40")
            with open(produced, "rb") as fh:
                got = fh.read()
            self.assertEqual(got.splitlines(), expected.splitlines())
            self.assertEqual(got, expected)
            total_failed += sum("error" in json.loads(l) for l in expected.splitlines())
        self.assertEqual(failed, total_failed)
        self.assertGreater(failed, 0)

    def test_bag_of_dicts_and_lines(self):
        with open(self.inputs[1], encoding="utf-8", errors="replace") as fh:
            lines = [l for l in fh.read().splitlines() if l.startswith('{"id": "c')]
        # Mixed elements: dicts and str lines (bad lines are left out here:
        # their error messages number lines within a partition).
        records = [json.loads(l) if i % 2 else l for i, l in enumerate(lines)]
        bag = db.from_sequence(records, npartitions=4)
        got = precis.dask.summarize_bag(bag, sentences=2).compute()
        self.assertEqual(got, precis.Summarizer(sentences=2).summarize_jsonl(lines))

    def test_bad_options_fail_before_any_task(self):
        with self.assertRaises(ValueError):
            precis.dask.summarize_bag(db.from_sequence(["{}"]), ratio=7.0)
        with self.assertRaises(ValueError):
            precis.dask.summarize_bag(db.from_sequence(["{}"]), threads=0)

    def test_an_element_that_is_no_cluster_gets_an_error_line(self):
        good = {"id": "g", "text": "The ferry sailed at noon. It was full."}
        got = precis.dask.summarize_bag(db.from_sequence([None, 5, good, [1]],
                                                         npartitions=2)).compute()
        self.assertEqual(len(got), 4)
        for i in (0, 1, 3):
            self.assertEqual(json.loads(got[i])["error"]["code"], "invalid-input")
        self.assertIn("sentences", json.loads(got[2]))

    def test_entry_point(self):
        out = os.path.join(self.tmp.name, "out-cli")
        script = os.path.join(SOURCE, "python", "precis-dask")
        r = subprocess.run([sys.executable, script, "--scheduler",
                            self.cluster.scheduler_address, "--sentences", "3",
                            "--output", out, *self.inputs], capture_output=True)
        self.assertEqual(r.returncode, 1, "some lines fail: " + r.stderr.decode())
        produced = sorted(glob.glob(os.path.join(out, "part-*.jsonl")))
        self.assertEqual(len(produced), len(self.inputs))
        for path, got in zip(self.inputs, produced):
            with open(got, "rb") as fh:
                self.assertEqual(fh.read(), cli(path, "--sentences", "3"))
        usage = subprocess.run([sys.executable, script, "--ratio", "5", "--output", out,
                                self.inputs[0]], capture_output=True)
        self.assertEqual(usage.returncode, 2)

    def test_entry_point_on_a_local_cluster(self):
        # Its workers are spawned: the script must not run again in each one.
        out = os.path.join(self.tmp.name, "out-local")
        empty = os.path.join(self.tmp.name, "empty.jsonl")
        open(empty, "wb").close()
        script = os.path.join(SOURCE, "python", "precis-dask")
        r = subprocess.run([sys.executable, script, "--local", "1", "--sentences", "2",
                            "--output", out, self.inputs[0], empty],
                           capture_output=True, timeout=240)
        self.assertEqual(r.returncode, 1, "some lines fail: " + r.stderr.decode()[-2000:])
        with open(os.path.join(out, "part-00000.jsonl"), "rb") as fh:
            self.assertEqual(fh.read(), cli(self.inputs[0], "--sentences", "2"))
        with open(os.path.join(out, "part-00001.jsonl"), "rb") as fh:
            self.assertEqual(fh.read(), b"", "an empty input gives an empty part")

    def test_entry_point_refuses_before_starting_a_cluster(self):
        script = os.path.join(SOURCE, "python", "precis-dask")
        out = os.path.join(self.tmp.name, "out-refused")
        cases = [(["--local", "0", self.inputs[0]], 2, "--local"),
                 (["--blocksize", "banana", self.inputs[0]], 2, "banana"),
                 ([os.path.join(self.tmp.name, "nope-*.jsonl")], 1, "no input file")]
        for args, code, phrase in cases:
            r = subprocess.run([sys.executable, script, "--output", out, *args],
                               capture_output=True, timeout=60)
            self.assertEqual(r.returncode, code, args)
            self.assertIn(phrase, r.stderr.decode(), args)
            self.assertLess(len(r.stderr.decode().splitlines()), 3, r.stderr.decode())
        os.makedirs(out, exist_ok=True)
        open(os.path.join(out, "part-00000.jsonl"), "w").close()
        r = subprocess.run([sys.executable, script, "--scheduler",
                            self.cluster.scheduler_address, "--output", out, self.inputs[0]],
                           capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("part-*.jsonl files already", r.stderr.decode())


if __name__ == "__main__":
    unittest.main()
