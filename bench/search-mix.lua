-- wrk script for bench/search.sh: cycles through a file of request paths (one per line), each
-- thread from its own offset, and prints one parseable RESULT line at the end.
local started = 0

function setup(thread)
  thread:set("offset", started * 997)
  started = started + 1
end

local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  i = (offset or 0) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d timeouts=%d connect_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.timeout, e.connect))
end
