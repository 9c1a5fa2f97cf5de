-- wrk script for bench/serve_load.sh: POSTs one body (BODY_FILE) to
-- /v1/summarize, counts answers that are not 200, and prints the figures as
-- key=value lines. (wrk runs for a duration: thread:stop() ends a thread
-- but not the clock, so a request quota would distort requests/s.)
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  wrk.headers["Content-Type"] = "application/json"
  f:close()
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("not_ok") end
  local e = summary.errors
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("seconds=%.3f\n", summary.duration / 1e6))
  io.write(string.format("rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("non_200=%d\n", bad))
  io.write(string.format("socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s_ms=%.3f\n", tostring(p), latency:percentile(p) / 1000))
  end
  io.write(string.format("max_ms=%.3f\n", latency.max / 1000))
end
