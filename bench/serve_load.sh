#!/usr/bin/env bash
# Load test for `precis serve` on loopback: wrk POSTs the bundled ferry
# cluster to /v1/summarize over CONNECTIONS connections for SECONDS, ROUNDS
# times; prints wrk's figures per round (failing a round with fewer than
# MIN_REQUESTS answers) and the server's RSS before, between and after.
#   bench/serve_load.sh [PRECIS_BINARY] (env: SECONDS_PER_ROUND=15
#     MIN_REQUESTS=10000 CONNECTIONS=32 ROUNDS=2 THREADS=2 SERVE_ARGS=)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
precis=${1:-"$root/build/precis"}
seconds=${SECONDS_PER_ROUND:-15}
min_requests=${MIN_REQUESTS:-10000}
connections=${CONNECTIONS:-32}
rounds=${ROUNDS:-2}
threads=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck disable=SC2086
"$precis" serve --port 0 ${SERVE_ARGS:-} 2>"$work/stderr" &
pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$work/stderr" && break
  sleep 0.05
done
url=$(grep -o 'http://[^ ]*' "$work/stderr" | head -1)
[ -n "$url" ] || { cat "$work/stderr" >&2; exit 1; }
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$pid/status"; }

# The request: the bundled ferry cluster, default options.
curl -sf "${url}v1/examples" | python3 -c \
  'import json,sys; print(json.dumps(json.load(sys.stdin)["examples"]["ferry"]))' >"$work/body.json"
curl -sf -H 'Content-Type: application/json' --data-binary @"$work/body.json" \
  "${url}v1/summarize" >/dev/null
echo "url=$url body_bytes=$(stat -c %s "$work/body.json")"
echo "rss_kb_start=$(rss)"
for round in $(seq "$rounds"); do
  echo "== round $round: wrk -t$threads -c$connections -d${seconds}s"
  BODY_FILE="$work/body.json" wrk -t"$threads" -c"$connections" -d"${seconds}s" \
    -s "$root/bench/serve_load.lua" "${url}v1/summarize" >"$work/wrk.txt"
  cat "$work/wrk.txt"
  n=$(awk -F= '/^requests=/ {print $2}' "$work/wrk.txt")
  bad=$(awk -F= '/^(non_200|socket_errors)=/ {s += $2} END {print s + 0}' "$work/wrk.txt")
  echo "rss_kb_after_round_$round=$(rss)"
  if [ "${n:-0}" -lt "$min_requests" ]; then
    echo "only $n requests in ${seconds}s (< $min_requests): raise SECONDS_PER_ROUND" >&2
    exit 1
  fi
  # Quick 503s would count toward requests per second: a round with any
  # failed request has no figure to report.
  if [ "$bad" -gt 0 ]; then
    echo "$bad request(s) failed (non-200 answers or socket errors) in round $round" >&2
    exit 1
  fi
done
echo "rss_kb_peak=$(hwm)"
curl -sf "${url}metrics" | grep -E '^precis_http_requests_total' || true
kill -TERM "$pid"
wait "$pid"
echo "exit=$?"
