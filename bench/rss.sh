#!/usr/bin/env bash
# Peak RSS and wall time of `precis summarize` against input size (10 KB to
# 100 MB), two shapes: one long document (a file), and a cluster of ~5 KB
# documents (one JSON Lines line). Prints a Markdown table.
#
# Text: news articles from ../shared/data (the dev sets) when present, else
# examples/; sentences are drawn at random (seeded) and every tenth word of
# each is swapped for another word of the text, so copies are near, not
# exact, and the cleaning stage does its real work.
# Usage: bench/rss.sh [BUILD_DIR] [SIZES...]   (sizes in bytes)
set -euo pipefail
[ -x /usr/bin/time ] || { echo "bench/rss.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000 10000000 100000000)
precis="$build/precis"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$root" "$tmp" "${sizes[@]}" <<'PY'
import glob, json, os, random, re, sys
root, tmp, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
texts = []
for path in sorted(glob.glob(os.path.join(root, "..", "shared", "data", "*", "clusters.jsonl"))):
    with open(path, encoding="utf-8") as f:
        for line in f:
            texts += [d.get("text", "") for d in json.loads(line).get("docs", [])]
if not texts:
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "examples", "ferry", "*.txt")))]
sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.split()) >= 5]
words = sorted({w for s in sentences[:20000] for w in s.split()})
rng = random.Random(9)
def sentence():
    ws = rng.choice(sentences).split()
    for i in range(rng.randrange(10), len(ws), 10):
        ws[i] = rng.choice(words)
    return " ".join(ws)
def text(n, paragraph=5):
    out, size, k = [], 0, 0
    while size < n:
        s = sentence() + ("\n\n" if k % paragraph == paragraph - 1 else " ")
        out.append(s); size += len(s.encode()); k += 1
    return "".join(out)
for n in sizes:
    with open(f"{tmp}/doc-{n}.txt", "w", encoding="utf-8") as f:
        f.write(text(n))
    docs, size = [], 0
    while size < n:
        t = text(min(5000, n)); docs.append({"id": str(len(docs)), "text": t}); size += len(t.encode())
    with open(f"{tmp}/cluster-{n}.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "c", "docs": docs}, ensure_ascii=False) + "\n")
PY

echo "| input | bytes | documents | peak RSS, MB | RSS / input | wall, s | exit |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  for shape in doc cluster; do
    if [ $shape = doc ]; then
      f="$tmp/doc-$n.txt"; docs=1
      cmd=("$precis" summarize --words 100 --format json "$f")
    else
      f="$tmp/cluster-$n.jsonl"
      docs=$(python3 -c "import json,sys; print(len(json.loads(open(sys.argv[1]).readline())['docs']))" "$f")
      cmd=("$precis" summarize --input jsonl --threads 1 --words 100 "$f")
    fi
    bytes=$(stat -c %s "$f")
    set +e
    /usr/bin/time -f "%M %e" -o "$tmp/time" "${cmd[@]}" >"$tmp/out" 2>"$tmp/err"
    code=$?
    set -e
    read -r kb secs <"$tmp/time" || true
    [ -n "${kb:-}" ] || { kb=$(tail -1 "$tmp/time" | cut -d' ' -f1); secs=$(tail -1 "$tmp/time" | cut -d' ' -f2); }
    # A result must be a summary, not an error line, for the figure to count.
    grep -q '"sentences"' "$tmp/out" || echo "warning: $shape $n gave no summary: $(head -c 300 "$tmp/out" "$tmp/err")" >&2
    awk -v s="$shape" -v b="$bytes" -v d="$docs" -v kb="$kb" -v t="$secs" -v c="$code" \
      'BEGIN { printf "| %s | %d | %d | %.1f | %.1f | %.2f | %d |\n", (s == "doc" ? "one document" : "cluster"), b, d, kb / 1024, kb * 1024 / b, t, c }'
  done
done
