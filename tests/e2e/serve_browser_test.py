#!/usr/bin/env python3
"""The web page of `precis serve` in headless Chromium.

Starts the server on a free port, opens the page with a bundled example
(?example=NAME&run=1), lets its JavaScript run (--virtual-time-budget), and
reads the DOM Chromium dumps: every highlighted <mark> must be exactly a
summary sentence of the API's JSON for the same request (document, UTF-8
byte offsets and text), and every struck-through <del> a dropped span with
its reason. Also takes a desktop and a phone-width screenshot.

Exit 77 (CTest: skipped) when chromium is not installed.
"""
import argparse
import html.parser
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--virtual-time-budget=20000",
]

# Non-ASCII on purpose: characters of 2, 3 and 4 UTF-8 bytes (the last two
# are one and two UTF-16 units), so byte offsets and JS string indices differ.
UTF8_TEXT = (
    "Zoë Ångström opened the café in Škofja Loka on Monday, the town council said. "
    "The 東京 branch will follow in the spring, according to a statement from the company. "
    "Customers paid 3 € per cup and left reviews full of 🚢 and 🌊 emoji. "
    "Ångström said the café would stay open late during the summer festival."
)


class DomReader(html.parser.HTMLParser):
    """Collects <mark>/<del> spans, the request the page sent, and its state."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.spans = []
        self.state = None
        self.request = ""
        self.status = ""
        self.result_hidden = None
        self._open = None
        self._in_request = False
        self._in_status = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.state = a.get("data-state")
        if tag in ("mark", "del") and "data-begin" in a:
            self._open = {"kind": tag, "doc": int(a["data-doc"]), "begin": int(a["data-begin"]),
                          "end": int(a["data-end"]), "reason": a.get("data-reason"),
                          "title": a.get("title", ""), "text": ""}
        if tag == "pre" and a.get("id") == "request-json":
            self._in_request = True
        if a.get("id") == "status":
            self._in_status = True
        if a.get("id") == "result":
            self.result_hidden = "hidden" in a

    def handle_endtag(self, tag):
        if tag in ("mark", "del") and self._open is not None:
            self.spans.append(self._open)
            self._open = None
        if tag == "pre":
            self._in_request = False
        if tag == "p":
            self._in_status = False

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data
        if self._in_request:
            self.request += data
        if self._in_status:
            self.status += data


def start_server(precis):
    proc = subprocess.Popen([precis, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"listening on (http://[^/]+/)", line)
    if not m:
        proc.kill()
        sys.exit(f"precis serve did not start: {line!r}")
    return proc, m.group(1)


def chromium(binary, args, timeout=120):
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                           capture_output=True, text=True, timeout=timeout)
    return r


def post(base, path, body):
    req = urllib.request.Request(base + path.lstrip("/"), data=body.encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


def load(binary, base, query):
    url = base + "?" + urllib.parse.urlencode(query)
    started = time.monotonic()
    r = chromium(binary, ["--dump-dom", url])
    dom = DomReader()
    dom.feed(r.stdout)
    return dom, r, time.monotonic() - started


def check_page(binary, base, query, failures, budget=None):
    dom, r, took = load(binary, base, query)
    name = query.get("example") or "text"
    if dom.state != "done":
        failures.append(f"{name}: page state {dom.state!r}, not 'done' "
                        f"(chromium exit {r.returncode}: {r.stderr[-500:]})")
        return
    body = json.loads(dom.request)
    if budget is not None and {k: body.get(k) for k in budget} != budget:
        failures.append(f"{name}: the page sent {body}, not the budget {budget}")
    result = post(base, "/v1/summarize", dom.request)
    ids = [d["id"] for d in body["docs"]]
    # What the API says, as (doc index, begin, end, text) and drops.
    want_marks = sorted((ids.index(s["doc"]), s["begin"], s["end"], s["text"])
                        for s in result["sentences"])
    got_marks = sorted((s["doc"], s["begin"], s["end"], s["text"])
                       for s in dom.spans if s["kind"] == "mark")
    want_drops = sorted((ids.index(d["doc"]), d["begin"], d["end"], d["reason"])
                        for d in result.get("dropped", []))
    got_drops = sorted((s["doc"], s["begin"], s["end"], s["reason"])
                       for s in dom.spans if s["kind"] == "del")
    if not want_marks:
        failures.append(f"{name}: the API selected nothing; nothing to compare")
    if got_marks != want_marks:
        failures.append(f"{name}: highlights differ from the API's sentences:\n"
                        f"  page: {got_marks}\n  api:  {want_marks}")
    if got_drops != want_drops:
        failures.append(f"{name}: struck-through spans differ from the API's dropped:\n"
                        f"  page: {got_drops}\n  api:  {want_drops}")
    for s in dom.spans:
        if s["kind"] == "del" and s["reason"] not in s["title"]:
            failures.append(f"{name}: a dropped span's hover text lacks its reason: {s['title']!r}")
    print(f"{name}: {len(got_marks)} highlights and {len(got_drops)} struck-through spans "
          f"match the API ({took:.1f} s in chromium)")


def check_refused(binary, base, query, says, failures):
    """A link the page cannot honour: an error naming it, and no summary."""
    dom, r, _ = load(binary, base, query)
    if dom.state != "error" or says not in dom.status or dom.result_hidden is not True:
        failures.append(f"{query}: state {dom.state!r}, status {dom.status!r}, result hidden "
                        f"{dom.result_hidden}; wanted an error saying {says!r} and no summary")
    else:
        print(f"{query}: refused: {dom.status}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--precis", required=True)
    ap.add_argument("--screenshot", help="PNG path for a desktop-width screenshot")
    args = ap.parse_args()
    binary = next((b for b in ("chromium", "chromium-browser") if shutil.which(b)), None)
    if binary is None:
        print("SKIP: chromium is not installed (apt-get install chromium); "
              "scripts/install-deps installs it")
        return 77
    proc, base = start_server(args.precis)
    failures = []
    try:
        check_page(binary, base, {"example": "ferry", "run": "1"}, failures)
        check_page(binary, base, {"example": "ferry", "run": "1", "algorithm": "lexrank",
                                  "unit": "words", "budget": "60"}, failures)
        check_page(binary, base, {"example": "page", "run": "1", "budget": "3"}, failures)
        check_page(binary, base, {"text": UTF8_TEXT, "run": "1", "budget": "2"}, failures)
        # Found by review: switching the unit kept a budget it cannot take,
        # and values the page does not offer were silently replaced.
        check_page(binary, base, {"example": "ferry", "run": "1", "unit": "ratio"}, failures,
                   budget={"ratio": 0.2})
        check_refused(binary, base, {"example": "ferry", "run": "1", "algorithm": "lexrnak"},
                      'no algorithm "lexrnak"', failures)
        check_refused(binary, base, {"example": "ferry", "run": "1", "budget": "2.5"},
                      "whole number", failures)
        check_refused(binary, base, {"example": "ferry", "run": "1", "unit": "ratio",
                                     "budget": "5"}, "at most 1", failures)
        if args.screenshot:
            root, ext = os.path.splitext(args.screenshot)
            for path, size in ((args.screenshot, "1280,1700"), (root + "-phone" + ext, "390,1600")):
                if os.path.exists(path):
                    os.remove(path)
                chromium(binary, [f"--screenshot={path}", f"--window-size={size}",
                                  base + "?example=ferry&run=1"])
                if not os.path.exists(path) or os.path.getsize(path) < 10000:
                    failures.append(f"no screenshot at {path}")
                else:
                    print(f"screenshot: {path}")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            failures.append("precis serve did not exit within 15 s of SIGTERM")
    if proc.returncode not in (0, None, -9):
        failures.append(f"precis serve exited with {proc.returncode}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
