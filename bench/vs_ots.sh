#!/usr/bin/env bash
# Whole-process wall time of `precis summarize` against Open Text Summarizer
# (`ots --ratio=20`) on the same inputs, same machine, same run. Prints a
# Markdown table. Needs the `ots` Debian package and a Release build.
# Usage: bench/vs_ots.sh [BUILD_DIR] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
rounds=${2:-20}
precis="$build/precis"
shared="$root/../shared"
command -v ots >/dev/null || { echo "ots is not installed (apt-get install ots)" >&2; exit 1; }
[ -x "$precis" ] || { echo "no precis binary at $precis (scripts/build first)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

inputs=("$root"/examples/ferry/*.txt)
[ -f "$shared/seed/russia-cluster.txt" ] && inputs+=("$shared/seed/russia-cluster.txt")
# One DUC cluster's documents as one plain-text file each (10 articles).
if [ -f "$shared/data/duc2003-t3/clusters.jsonl" ]; then
  python3 - "$shared/data/duc2003-t3/clusters.jsonl" "$tmp" <<'PY'
import json, sys
line = open(sys.argv[1]).readline()
c = json.loads(line)
with open(f"{sys.argv[2]}/duc-cluster.txt", "w") as f:
    f.write("\n\n".join(d["text"] for d in c["docs"]))
PY
  inputs+=("$tmp/duc-cluster.txt")
fi

# Seconds for `rounds` runs of a command over every input.
time_runs() {
  local start end
  start=$(date +%s.%N)
  for ((r = 0; r < rounds; r++)); do
    for f in "${inputs[@]}"; do
      # A run that fails must stop the comparison, not be timed: the loop
      # runs in $(...), so its status is what stops the script.
      "$@" "$f" >/dev/null 2>"$tmp/err" || { echo "failed: $* $f" >&2; cat "$tmp/err" >&2; return 1; }
    done
  done
  end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.3f", $2 - $1}'
}

t_ots=$(time_runs ots --ratio=20)
t_precis=$(time_runs "$precis" summarize --ratio 0.2)
runs=$((rounds * ${#inputs[@]}))
echo "| tool | runs | total s | ms/run |"
echo "|---|---|---|---|"
awk -v r="$runs" -v t="$t_ots" 'BEGIN{printf "| ots --ratio=20 | %d | %.3f | %.2f |\n", r, t, 1000*t/r}'
awk -v r="$runs" -v t="$t_precis" 'BEGIN{printf "| precis summarize --ratio 0.2 | %d | %.3f | %.2f |\n", r, t, 1000*t/r}'
awk -v a="$t_ots" -v b="$t_precis" 'BEGIN{printf "\nots / precis wall-time ratio: %.1fx\n", a/b}'
