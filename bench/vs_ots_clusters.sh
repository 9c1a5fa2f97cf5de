#!/usr/bin/env bash
# Whole-process wall time, cluster by cluster, of `precis summarize` against
# Open Text Summarizer on the 30 duc2003-t3 clusters (10.9 documents, 5,800
# words each): precis reads a cluster as one JSON Lines line (--words 100),
# OTS its documents joined into one text (--ratio=20; it has no clusters).
# One process per cluster for both; prints a Markdown table.
# Usage: bench/vs_ots_clusters.sh [BUILD_DIR] [ALGORITHM...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
shift || true
algorithms=("$@")
[ ${#algorithms[@]} -eq 0 ] && algorithms=(precis ilp mmr)
precis="$build/precis"
data="$root/../shared/data/duc2003-t3/clusters.jsonl"
command -v ots >/dev/null || { echo "ots is not installed (apt-get install ots)" >&2; exit 1; }
[ -x "$precis" ] || { echo "no precis binary at $precis (scripts/build first)" >&2; exit 1; }
[ -f "$data" ] || { echo "skipped: $data is absent" >&2; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$data" "$tmp" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1])):
    c = json.loads(line)
    open(f"{sys.argv[2]}/{i:02d}.jsonl", "w").write(line)
    open(f"{sys.argv[2]}/{i:02d}.txt", "w").write("\n\n".join(d["text"] for d in c["docs"]))
PY
n=$(ls "$tmp"/*.jsonl | wc -l)

seconds() {  # seconds for the whole loop
  local start end
  start=$(date +%s.%N)
  "$@" || return 1
  end=$(date +%s.%N)
  python3 -c "print($end - $start)"
}
calc() { python3 -c "print($1)"; }
# A run that fails stops the script (through the $(...) that times it)
# rather than being timed.
run_ots() {
  for f in "$tmp"/*.txt; do
    ots --ratio=20 "$f" >/dev/null || { echo "ots failed on $f" >&2; return 1; }
  done
}
run_precis() {
  for f in "$tmp"/*.jsonl; do
    "$precis" summarize --algorithm "$1" --input jsonl --words 100 "$f" >/dev/null ||
      { echo "precis --algorithm $1 failed on $f" >&2; return 1; }
  done
}

ots_s=$(seconds run_ots)
echo "| tool | clusters | ms per cluster | OTS / tool |"
echo "|---|---|---|---|"
printf "| ots --ratio=20 | %d | %.1f | 1.0x |\n" "$n" "$(calc "$ots_s * 1000 / $n")"
for a in "${algorithms[@]}"; do
  s=$(seconds run_precis "$a")
  printf "| precis --algorithm %s | %d | %.1f | %.1fx |\n" "$a" "$n" \
    "$(calc "$s * 1000 / $n")" "$(calc "$ots_s / $s")"
done
