#!/usr/bin/env python3
"""Reproducible scraping noise for precis' noise benchmark.

Reads clusters (JSON Lines, the ../shared/data format) and writes noisy copies
with the same ids, the way a poor scraper damages news pages:
  * the title repeated 2-3 times at the top (DUC-style data has no titles: a
    headline is made from the first words of the lead sentence);
  * 1-3 boilerplate lines (share bars, bylines, datelines, credits, cookie
    notices, navigation) from a list written for this benchmark;
  * 1-2 sidebar headlines taken from OTHER clusters, glued to the end;
  * spun copies: a sentence of another document in the cluster, with words
    swapped for synonyms, inserted into this document.
Same seed, same output. References are untouched: score noisy summaries
against the clean set's refs/.

Usage: inject.py --seed 1 IN.jsonl OUT.jsonl
"""
import argparse
import json
import random
import re

BOILERPLATE = [
    "Share this story on Facebook",
    "Sign up for our daily newsletter",
    "Advertisement",
    "By Staff Writer",
    "Photo: Staff photographer",
    "Read more: Top stories of the week",
    "\u00a9 2024 The Daily Courier. All rights reserved.",
    "We use cookies to improve your experience on our site",
    "Home | World | Politics | Business | Sport",
    "Updated 10:32 GMT, 4 June 2024",
    "Follow us on Twitter and Instagram",
    "Click here to subscribe",
]

# Synonym swaps a spinning tool might make (written for this benchmark).
SPIN = {
    "said": "stated", "says": "states", "country": "nation", "big": "large",
    "people": "individuals", "government": "administration", "help": "assist",
    "show": "demonstrate", "buy": "purchase", "start": "commence",
    "end": "conclude", "get": "obtain", "use": "utilize", "need": "require",
    "city": "municipality", "car": "automobile", "kill": "slay", "killed": "slain",
    "told": "informed", "officials": "authorities", "police": "law enforcement",
    "United States": "United States of America", "U.S.": "USA",
}

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def sentences(text):
    return [s.strip() for s in SENTENCE.split(text) if len(s.split()) >= 8]


def headline(doc):
    if doc.get("title"):
        return doc["title"]
    first = sentences(doc["text"])
    words = (first[0] if first else doc["text"]).split()[:9]
    return " ".join(words).rstrip(".,;:")


def spin(sentence, rng):
    out = sentence
    for a, b in SPIN.items():
        if rng.random() < 0.8:
            out = re.sub(r"\b%s\b" % re.escape(a), b, out)
    return out


def noisy_doc(doc, cluster, others, rng):
    paragraphs = [p for p in doc["text"].split("\n\n") if p.strip()]
    title = headline(doc)
    for _ in range(rng.randint(1, 2)):
        paragraphs.insert(0, title)
    paragraphs.insert(0, title)
    for line in rng.sample(BOILERPLATE, rng.randint(1, 3)):
        paragraphs.insert(rng.randint(1, len(paragraphs)), line)
    siblings = [d for d in cluster["docs"] if d is not doc]
    if siblings and rng.random() < 0.6:
        pool = sentences(rng.choice(siblings)["text"])
        if pool:
            paragraphs.insert(rng.randint(1, len(paragraphs)), spin(rng.choice(pool), rng))
    sidebar = []
    for other in rng.sample(others, min(len(others), rng.randint(1, 2))):
        sidebar.append(headline(rng.choice(other["docs"])))
    text = "\n\n".join(paragraphs) + "\n\n" + "\n".join(sidebar) + "\n"
    return dict(doc, text=text, title=None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()
    clusters = [json.loads(l) for l in open(args.input, encoding="utf-8")]
    rng = random.Random(args.seed)
    with open(args.output, "w", encoding="utf-8") as out:
        for c in clusters:
            others = [o for o in clusters if o["id"] != c["id"]]
            docs = [noisy_doc(d, c, others, rng) for d in c["docs"]]
            out.write(json.dumps({"id": c["id"], "docs": docs}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
