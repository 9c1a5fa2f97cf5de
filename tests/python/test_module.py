"""The precis Python module: inputs, offsets, budgets, errors, segment, rouge."""

import os
import pickle
import unittest

import precis

SOURCE = os.environ.get("PRECIS_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
FERRY = os.path.join(SOURCE, "examples", "ferry")


def ferry_docs():
    names = sorted(n for n in os.listdir(FERRY) if n.endswith(".txt"))
    return [open(os.path.join(FERRY, n), encoding="utf-8").read() for n in names]


# Multi-byte characters before and inside the sentences, so byte and
# character offsets differ (2-, 3- and 4-byte UTF-8).
UNICODE_DOCS = [
    "Zürich — the city council approved a new tram line on Monday. "
    "Critics said the plan would cut bus routes in the old town. "
    "The vote was 61 to 49 after a long debate about costs.",
    "日本語のテキスト。 The tram line in Zürich will cost 1.2 billion francs. "
    "Supporters 😀 said the line would reduce traffic near the lake. "
    "Construction starts next spring, the council said.",
]


class SummarizeTest(unittest.TestCase):

    def test_sentences_are_character_spans_of_the_input(self):
        for docs in (ferry_docs(), UNICODE_DOCS):
            summary = precis.summarize(docs, sentences=3)
            self.assertGreater(len(summary), 0)
            self.assertLessEqual(len(summary), 3)
            for s in summary:
                self.assertEqual(docs[s.doc][s.begin:s.end], s.text)
                self.assertEqual(s.doc_id, str(s.doc))
                self.assertIsInstance(s.score, float)
                self.assertFalse(s.truncated)

    def test_offsets_are_characters_not_bytes(self):
        summary = precis.summarize(UNICODE_DOCS, sentences=6)
        in_second = [s for s in summary if s.doc == 1]
        self.assertTrue(in_second, "the second document should contribute")
        first = min(in_second, key=lambda s: s.begin)
        raw = UNICODE_DOCS[1].encode("utf-8")
        byte_begin = len(UNICODE_DOCS[1][:first.begin].encode("utf-8"))
        self.assertNotEqual(byte_begin, first.begin)
        self.assertEqual(raw[byte_begin:].decode("utf-8").startswith(first.text), True)

    def test_input_forms_agree(self):
        docs = ferry_docs()
        as_list = precis.summarize(docs, words=60)
        as_dicts = precis.summarize([{"text": t} for t in docs], words=60)
        as_cluster = precis.summarize({"id": "c", "docs": [{"text": t} for t in docs]},
                                      words=60)
        key = lambda summary: [(s.doc, s.begin, s.end, s.score) for s in summary]
        self.assertEqual(key(as_list), key(as_dicts))
        self.assertEqual(key(as_list), key(as_cluster))
        one = precis.summarize(docs[0], sentences=2)
        self.assertTrue(all(s.doc == 0 for s in one))
        named = precis.summarize([{"id": "a", "text": docs[0]}, {"id": 7, "text": docs[1]}])
        self.assertTrue({s.doc_id for s in named} <= {"a", "7"})
        # Any Mapping reads as a dict (the type hint says Mapping).
        import types
        frozen = types.MappingProxyType
        as_mappings = precis.summarize(frozen({"id": "c", "docs": [frozen({"text": t})
                                                                   for t in docs]}), words=60)
        self.assertEqual(key(as_list), key(as_mappings))

    def test_budgets(self):
        docs = ferry_docs()
        self.assertEqual(len(precis.summarize(docs)), 5, "default: 5 sentences")
        self.assertLessEqual(len(precis.summarize(docs, sentences=2)), 2)
        words = precis.summarize(docs, words=40, truncate=True)
        self.assertEqual(sum(len(s.text.split()) for s in words), 40)
        self.assertLessEqual(sum(s.truncated for s in words), 1, "at most one sentence cut")
        # Every sentence of the example is longer than 3 words: one is cut.
        cut = precis.summarize(docs, words=3, truncate=True)
        self.assertEqual([(len(s.text.split()), s.truncated) for s in cut], [(3, True)])
        small = precis.summarize(docs, bytes=200)
        self.assertLessEqual(len(" ".join(s.text for s in small).encode()), 200)
        self.assertLessEqual(len(precis.summarize(docs, ratio=0.1)),
                             len(precis.summarize(docs, ratio=0.5)))

    def test_explain_lists_dropped_spans(self):
        docs = ferry_docs()
        plain = precis.summarize(docs)
        self.assertEqual(plain.dropped, [])
        explained = precis.summarize(docs, explain=True)
        self.assertTrue(explained.dropped, "the ferry example has repeated titles")
        for d in explained.dropped:
            self.assertEqual(docs[d.doc][d.begin:d.end], d.text)
            self.assertIsInstance(d.reason, str)
            if d.of is not None:
                doc, begin, end = d.of
                self.assertLess(begin, end)
                self.assertLessEqual(end, len(docs[doc]))

    def test_same_result_as_the_cli(self):
        # The JSON the CLI prints for the same cluster, in bytes, converted.
        import json
        import subprocess
        binary = os.environ.get("PRECIS_BINARY")
        if not binary:
            self.skipTest("PRECIS_BINARY not set")
        line = json.dumps({"id": "u", "docs": [{"id": str(i), "text": t}
                                               for i, t in enumerate(UNICODE_DOCS)]})
        out = subprocess.run([binary, "summarize", "--input", "jsonl", "--sentences", "3"],
                             input=line.encode(), capture_output=True, check=True).stdout
        cli = json.loads(out)["sentences"]
        py = precis.summarize(UNICODE_DOCS, sentences=3)
        self.assertEqual([s["text"] for s in cli], [s.text for s in py])
        for c, p in zip(cli, py):
            raw = UNICODE_DOCS[p.doc].encode("utf-8")
            self.assertEqual(len(raw[:c["begin"]].decode("utf-8")), p.begin)
            self.assertEqual(len(raw[:c["end"]].decode("utf-8")), p.end)
            self.assertAlmostEqual(c["score"], p.score, places=5)


class ResultTest(unittest.TestCase):

    def test_results_compare_and_pickle(self):
        text = ("The ferry line was closed on Monday after a storm damaged the pier. "
                "Officials said repairs would take two weeks. Travellers used the bridge.")
        a = precis.summarize([text, "A storm closed the ferry line on Monday."], explain=True)
        b = precis.summarize([text, "A storm closed the ferry line on Monday."], explain=True)
        self.assertEqual(a, b)
        self.assertNotEqual(a[0], a[1])
        copy = pickle.loads(pickle.dumps(a))
        self.assertEqual(copy, a)
        self.assertEqual(copy.warnings, a.warnings)
        self.assertEqual(copy.dropped, a.dropped)
        spans = precis.segment(text)
        self.assertEqual(pickle.loads(pickle.dumps(spans)), spans)


class SummarizerTest(unittest.TestCase):

    def test_reusable_and_option_forms_agree(self):
        docs = ferry_docs()
        a = precis.Summarizer(precis.Options(words=50))
        b = precis.Summarizer({"words": 50})
        c = precis.Summarizer(words=50)
        d = precis.Summarizer(precis.Options(sentences=1), words=50)
        key = lambda summary: [(s.doc, s.begin, s.end) for s in summary]
        first = key(a.summarize(docs))
        for s in (a, b, c, d):
            self.assertEqual(key(s.summarize(docs)), first)
        self.assertEqual(a.options.words, 50)
        self.assertIsNone(d.options.sentences, "a keyword budget replaces the options'")

    def test_bad_options_raise_value_error_with_the_library_message(self):
        with self.assertRaises(ValueError) as e:
            precis.Summarizer(ratio=1.5)
        self.assertEqual(e.exception.code, "invalid-argument")
        self.assertIn("ratio", str(e.exception))
        with self.assertRaises(ValueError):
            precis.Summarizer(lang="xx")
        with self.assertRaises(ValueError):
            precis.summarize("Some text.", words=10, sentences=2)
        with self.assertRaises(TypeError):
            precis.Summarizer(no_such_option=1)
        for bad in (-3, 1):
            with self.assertRaises(ValueError):
                precis.Summarizer(quote_ngram=bad)
        # Wrong types name the field, not the compiled core's overloads.
        for kw, field in ((dict(lang=None), "lang"), (dict(truncate="yes"), "truncate"),
                          (dict(words=[1]), "words"), (dict(algorithm=5), "algorithm")):
            with self.assertRaises(TypeError) as e:
                precis.Summarizer(**kw)
            self.assertTrue(str(e.exception).startswith(field), str(e.exception))
        with self.assertRaises(TypeError) as e:
            precis.summarize("Some text.", words=[1])
        self.assertIn("words must be a number", str(e.exception))
        with self.assertRaises(ValueError):
            precis.Summarizer(sentences=10**400)
        with self.assertRaises(TypeError) as e:
            precis.Summarizer(options=precis.Options(words=100))
        self.assertIn("without a name", str(e.exception))
        # Found by review: "text" beside "docs" was silently ignored.
        with self.assertRaises(ValueError) as e:
            precis.summarize({"docs": ["One doc here. It has two."], "text": "zzz"}, words=5)
        self.assertIn("not both", str(e.exception))

    def test_numpy_numbers_are_numbers(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy is not installed")
        text = "The ferry line was closed on Monday. Repairs take two weeks. The bridge is open."
        self.assertEqual(precis.summarize(text, words=np.int64(12)),
                         precis.summarize(text, words=12))
        precis.Summarizer(quote_ngram=np.int32(4), max_similarity=np.float64(0.4))
        precis.Summarizer(quote_ngram=0)  # the quote check off

    def test_algorithm_keyword(self):
        if precis._precis.HAS_ALGORITHM:
            with self.assertRaises(ValueError):
                precis.summarize(ferry_docs(), algorithm="no-such-algorithm")
        else:
            with self.assertRaises(ValueError) as e:
                precis.summarize(ferry_docs(), algorithm="lexrank")
            self.assertIn("algorithm", str(e.exception))
        self.assertTrue(precis.summarize(ferry_docs(), algorithm=None))

    def test_bad_input(self):
        with self.assertRaises(ValueError) as e:
            precis.summarize([])
        self.assertEqual(e.exception.code, "invalid-input")
        with self.assertRaises(ValueError) as e:
            precis.summarize("   ")
        self.assertIn("empty", str(e.exception))
        with self.assertRaises(UnicodeEncodeError):
            precis.summarize("A lone \ud800 surrogate.")
        with self.assertRaises(TypeError):
            precis.summarize(b"bytes are not text")
        with self.assertRaises(TypeError):
            precis.summarize([{"title": "no text"}])
        with self.assertRaises(TypeError):
            precis.summarize(42)
        with self.assertRaises(ValueError) as e:
            precis.summarize("Null \x00 byte in the text.")
        self.assertIn("byte", str(e.exception))
        # "docs" is a list: a dict there, even one that holds itself, is a
        # TypeError (it used to recurse until the stack overflowed).
        looped = {}
        looped["docs"] = looped
        for bad in (looped, {"docs": {"text": "A dict, not a list."}}, {"docs": "a str"}):
            with self.assertRaises(TypeError) as e:
                precis.summarize(bad)
            self.assertIn('"docs" must be a list', str(e.exception))
        # Options and arguments of the wrong kind name themselves.
        with self.assertRaises(UnicodeEncodeError):
            precis.summarize("A b.", lang="\ud800")
        with self.assertRaises(UnicodeEncodeError):
            precis.summarize("A b.", algorithm="\ud800")
        with self.assertRaisesRegex(TypeError, "explain must be a bool"):
            precis.summarize("A b.", explain="yes")
        with self.assertRaisesRegex(ValueError, "threads must be an int from 1 to 1024"):
            precis.Summarizer().summarize_jsonl([], threads=2**70)


class SegmentTest(unittest.TestCase):

    def test_spans_are_character_offsets(self):
        text = "Dr. Smith arrived at 3.30 p.m. in Zürich. She said “hello”. Then left…"
        spans = precis.segment(text)
        self.assertEqual([s.text for s in spans],
                         ["Dr. Smith arrived at 3.30 p.m. in Zürich.", "She said “hello”.",
                          "Then left…"])
        for s in spans:
            self.assertEqual(text[s.begin:s.end], s.text)
        self.assertEqual(precis.segment(""), [])

    def test_language(self):
        spans = precis.segment("今日は晴れ。明日は雨。", lang="ja")
        self.assertEqual([s.text for s in spans], ["今日は晴れ。", "明日は雨。"])

    def test_wrong_types(self):
        with self.assertRaisesRegex(TypeError, "lang must be a str"):
            precis.segment("A b.", lang=None)
        with self.assertRaisesRegex(TypeError, "pdf must be a bool"):
            precis.segment("A b.", pdf="yes")

    def test_checks_as_the_cli_does(self):
        with self.assertRaises(ValueError) as e:
            precis.segment("One.\x00 Two.")
        self.assertIn("NUL byte", str(e.exception))


class RougeTest(unittest.TestCase):

    def test_identical_and_disjoint(self):
        ref = "the cat sat on the mat\nit was happy"
        same = precis.rouge(ref, ref, n=2)
        self.assertEqual(sorted(same), ["ROUGE-1", "ROUGE-2", "ROUGE-L"])
        for score in same.values():
            self.assertEqual((score.recall, score.precision, score.f), (1.0, 1.0, 1.0))
        none = precis.rouge("dogs bark loudly", ref, n=1)
        self.assertEqual(none["ROUGE-1"].recall, 0.0)

    def test_hand_counted(self):
        # Unigrams: peer "the cat ran" vs model "the cat sat down": 2 hits,
        # recall 2/4, precision 2/3.
        r = precis.rouge("the cat ran", ["the cat sat down"], n=1, lcs=False)
        self.assertEqual(list(r), ["ROUGE-1"])
        self.assertAlmostEqual(r["ROUGE-1"].recall, 0.5)
        self.assertAlmostEqual(r["ROUGE-1"].precision, 0.66667)
        # Two references pooled (-f A): hits 2 + 1 of 4 + 3 model unigrams.
        two = precis.rouge("the cat ran", ["the cat sat down", "a dog ran"], n=1, lcs=False)
        self.assertAlmostEqual(two["ROUGE-1"].recall, round(3 / 7, 5))
        self.assertEqual(sorted(precis.rouge("a b c", "a b c", n=1, skip=4, su=True)),
                         ["ROUGE-1", "ROUGE-L", "ROUGE-SU4"])

    def test_bad_options(self):
        with self.assertRaises(ValueError):
            precis.rouge("a", "a", alpha=2.0)
        with self.assertRaises(ValueError):
            precis.rouge("a", [])
        with self.assertRaisesRegex(ValueError, "n must be an int from 0 to 100"):
            precis.rouge("a", "a", n=10**10)
        with self.assertRaisesRegex(ValueError, "ROUGE-W weight"):
            precis.rouge("a", "a", w=float("nan"))
        # As precis eval and POST /v1/eval: an empty reference is an error.
        with self.assertRaisesRegex(ValueError, r"references\[1\]: empty reference"):
            precis.rouge("a", ["a", "\n\n"])


if __name__ == "__main__":
    unittest.main()
