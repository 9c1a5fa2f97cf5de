#!/usr/bin/env bash
# Times `precis eval` against ROUGE-1.5.5.pl, whole process, on the same work:
# the 30 duc2003-t3 clusters with their 4 references as models, and as peers
# a lead baseline (first ~110 words) and a tail baseline (last ~110 words) of
# every document: about 650 summaries x 4 references. Runs the four flag sets
# of issue 4, checks that both print the same lines, and prints both times
# and the ratio. precis runs on one thread, like the script.
#
# usage: bench/rouge_vs_perl.sh [path/to/precis]   (default build/precis)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
precis=${1:-$here/build/precis}
shared=${PRECIS_SHARED_DIR:-$here/../shared}
rouge=$shared/tools/rouge-1.5.5
data=$shared/data/duc2003-t3
[ -x "$precis" ] || { echo "no precis binary at $precis" >&2; exit 1; }
[ -f "$rouge/ROUGE-1.5.5.pl" ] || { echo "no $rouge/ROUGE-1.5.5.pl" >&2; exit 1; }
[ -d "$data/refs" ] || { echo "no $data" >&2; exit 1; }
work=$(mktemp -d /tmp/precis-rouge-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$data" "$work" <<'PY'
import json, os, sys
from xml.sax.saxutils import escape
data, work = sys.argv[1:]
os.makedirs(f"{work}/p"); os.makedirs(f"{work}/m")
refs = {}
for f in sorted(os.listdir(f"{data}/refs")):
    refs.setdefault(f.split(".")[0], []).append(f)
def lines(text, words, tail=False):
    ls = [l.strip() for l in text.splitlines() if l.strip()]
    if tail: ls = ls[::-1]
    out, n = [], 0
    for l in ls:
        if n >= words: break
        out.append(l); n += len(l.split())
    return "\n".join(out[::-1] if tail else out) + "\n"
xml = ['<ROUGE-EVAL version="1.0">']
summaries = 0
for line in open(f"{data}/clusters.jsonl"):
    c = json.loads(line)
    cid = c["id"]
    if cid not in refs: continue
    xml += [f'<EVAL ID="{cid}">', f"<PEER-ROOT>{work}/p</PEER-ROOT>", f"<MODEL-ROOT>{work}/m</MODEL-ROOT>",
            '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>', "<PEERS>"]
    for k, d in enumerate(c["docs"]):
        for kind in ("lead", "tail"):
            name = f"{cid}.{kind}{k:02d}"
            open(f"{work}/p/{name}", "w").write(lines(d["text"], 110, kind == "tail"))
            xml.append(f'<P ID="{kind}{k:02d}">{name}</P>'); summaries += 1
    xml.append("</PEERS><MODELS>")
    for r in refs[cid]:
        open(f"{work}/m/{r}", "w").write(open(f"{data}/refs/{r}").read())
        xml.append(f'<M ID="{escape(r)}">{escape(r)}</M>')
    xml += ["</MODELS>", "</EVAL>"]
xml.append("</ROUGE-EVAL>")
open(f"{work}/config.xml", "w").write("\n".join(xml) + "\n")
print(f"work: {summaries} summaries, 4 references each, {len(refs)} clusters", file=sys.stderr)
PY

flagsets=(
  "-n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0"
  "-n 2 -2 4 -u -m -a -l 250 -c 95 -r 1000 -f A -p 0.5 -t 0"
  "-n 2 -m -s -a -b 665 -f B -t 1"
  "-n 2 -a"
)
now() { date +%s.%N; }
perl_total=0; precis_total=0; i=0; differ=0
for flags in "${flagsets[@]}"; do
  i=$((i + 1))
  t0=$(now); perl "$rouge/ROUGE-1.5.5.pl" -e "$rouge/data" $flags "$work/config.xml" > "$work/perl.$i"; t1=$(now)
  "$precis" eval $flags "$work/config.xml" > "$work/precis.$i" 2>/dev/null; t2=$(now)
  tp=$(awk "BEGIN{print $t1 - $t0}"); tq=$(awk "BEGIN{print $t2 - $t1}")
  perl_total=$(awk "BEGIN{print $perl_total + $tp}"); precis_total=$(awk "BEGIN{print $precis_total + $tq}")
  if cmp -s "$work/perl.$i" "$work/precis.$i"; then same=identical; else same=DIFFERENT; differ=1; fi
  printf '%-58s perl %7.2fs  precis %6.3fs  x%-6.0f output %s (%s lines)\n' "$flags" "$tp" "$tq" \
    "$(awk "BEGIN{print $tp / $tq}")" "$same" "$(wc -l < "$work/perl.$i")"
done
printf 'total: perl %.2fs, precis %.3fs, ratio %.0fx\n' "$perl_total" "$precis_total" \
  "$(awk "BEGIN{print $perl_total / $precis_total}")"
if [ "$differ" -ne 0 ]; then
  echo "precis eval and the script printed different output for a flag set above" >&2
  exit 1
fi
