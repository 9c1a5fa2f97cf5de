"""The GIL is released while precis works: another Python thread runs.

No timing thresholds. The switch interval is set so high that the
interpreter never takes the GIL from a thread by force; the only way the
counter thread can run while the main thread is inside a call is the call
releasing the GIL. So the counter advances during the call if and only if
the GIL was released.
"""

import random
import sys
import threading
import time
import unittest

import precis


def big_cluster(docs=40, sentences=400, seed=7):
    rng = random.Random(seed)
    words = ["ferry", "harbour", "council", "storm", "route", "island", "budget",
             "captain", "passengers", "schedule", "repairs", "weather", "minister",
             "port", "crossing", "delays", "tickets", "engine", "inspection", "wind"]
    out = []
    for _ in range(docs):
        out.append(" ".join(
            " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "."
            for _ in range(sentences)))
    return out


class GilTest(unittest.TestCase):

    def run_and_count(self, call):
        counter = [0]
        stop = threading.Event()
        running = threading.Event()

        def count():
            running.set()
            while not stop.is_set():
                counter[0] += 1
                # Blocks briefly without the GIL: the one place this thread
                # hands the GIL back (after 100 s the interpreter would force it).
                time.sleep(1e-6)

        old = sys.getswitchinterval()
        t = threading.Thread(target=count)
        try:
            t.start()
            running.wait()
            sys.setswitchinterval(100.0)
            before = counter[0]
            call()
            after = counter[0]
        finally:
            stop.set()
            sys.setswitchinterval(old)
            t.join()
        return after - before

    def test_summarize_releases_the_gil(self):
        docs = big_cluster()
        summarizer = precis.Summarizer(sentences=5)
        progressed = self.run_and_count(lambda: summarizer.summarize(docs))
        self.assertGreater(progressed, 0, "the counter thread never ran during summarize")

    def test_summarize_jsonl_releases_the_gil(self):
        import json
        line = json.dumps({"id": 1, "docs": [{"text": t} for t in big_cluster(docs=20)]})
        summarizer = precis.Summarizer()
        progressed = self.run_and_count(lambda: summarizer.summarize_jsonl([line] * 2))
        self.assertGreater(progressed, 0)

    def test_threads_summarizing_at_once_agree(self):
        docs = big_cluster(docs=10, sentences=100)
        summarizer = precis.Summarizer(words=80)
        results = [None] * 4

        def work(i):
            results[i] = [(s.doc, s.begin, s.end) for s in summarizer.summarize(docs)]

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertTrue(results[0])
        self.assertTrue(all(r == results[0] for r in results))


if __name__ == "__main__":
    unittest.main()
