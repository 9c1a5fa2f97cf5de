"""Summarizer.summarize_jsonl writes what `precis summarize --input jsonl`
writes, byte for byte, at any thread count."""

import json
import os
import subprocess
import unittest

import precis

SOURCE = os.environ.get("PRECIS_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
FERRY = os.path.join(SOURCE, "examples", "ferry")


def jsonl_lines(n=60):
    names = sorted(x for x in os.listdir(FERRY) if x.endswith(".txt"))
    texts = [open(os.path.join(FERRY, x), encoding="utf-8").read() for x in names]
    lines = []
    for i in range(n):
        if i % 13 == 12:
            lines.append(["not json", '{"id": %d, "docs": 3}' % i, "",
                          '{"id": "e%d", "text": " "}' % i][i // 13 % 4])
            continue
        docs = [{"id": names[d], "text": texts[d] + f"\nUpdate {i} came later."}
                for d in range(len(texts)) if (i + d) % 4 != 0]
        lines.append(json.dumps({"id": f"c{i}", "docs": docs}, ensure_ascii=i % 2 == 0))
    return lines


class JsonlTest(unittest.TestCase):

    def test_matches_the_cli_byte_for_byte(self):
        binary = os.environ.get("PRECIS_BINARY")
        if not binary:
            self.skipTest("PRECIS_BINARY not set")
        lines = jsonl_lines()
        for args, kwargs in (([], {}), (["--words", "30", "--truncate", "--explain"],
                                        {"words": 30, "truncate": True})):
            cli = subprocess.run([binary, "summarize", "--input", "jsonl", *args],
                                 input="\n".join(lines).encode() + b"\n",
                                 capture_output=True)
            self.assertEqual(cli.returncode, 1, "the input has bad lines")
            summarizer = precis.Summarizer(**kwargs)
            explain = "--explain" in args
            for threads in (1, 3):
                out = summarizer.summarize_jsonl(lines, explain=explain, threads=threads)
                self.assertEqual(len(out), len(lines))
                self.assertEqual(("\n".join(out) + "\n").encode(), cli.stdout)

    def test_first_line_numbers_errors(self):
        out = precis.Summarizer().summarize_jsonl(["oops"], first_line=41)
        err = json.loads(out[0])["error"]
        self.assertEqual(err["code"], "invalid-input")
        self.assertTrue(err["message"].startswith("line 41:"), err["message"])


    def test_one_string_is_not_lines(self):
        lines = '{"text": "One. Two."}\n{"text": "Three. Four."}'
        with self.assertRaises(TypeError) as e:
            precis.Summarizer().summarize_jsonl(lines)
        self.assertIn("splitlines", str(e.exception))
        with self.assertRaises(TypeError):
            precis.Summarizer().summarize_jsonl(lines.encode())
        with self.assertRaises(TypeError):
            precis.Summarizer().summarize_jsonl([1])

    def test_a_line_decoded_with_surrogateescape_gets_its_error_line(self):
        raw = b'{"id": "x", "text": "Caf\xe9 is open. The ferry runs."}'
        line = raw.decode("utf-8", "surrogateescape")
        out = precis.Summarizer().summarize_jsonl([line, '{"text": "One. Two."}'])
        self.assertEqual(out[0], precis.Summarizer().summarize_jsonl([raw])[0])
        self.assertIn("invalid UTF-8", json.loads(out[0])["error"]["message"])
        self.assertIn("sentences", json.loads(out[1]))


if __name__ == "__main__":
    unittest.main()
