-- Shared by the workload scripts: loads one value a line from a file, picks values at random
-- (a fresh seed per wrk thread, so no two threads replay one sequence) and reports the run as
-- one JSON line that bench/run.sh parses.
local common = {}

function common.load(path)
  local values = {}
  for line in io.lines(path) do
    if #line > 0 then values[#values + 1] = line end
  end
  assert(#values > 0, "no values in " .. path)
  return values
end

local thread_count = 0
function common.setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function common.seed()
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

function common.pick(values)
  return values[math.random(#values)]
end

function common.urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function common.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end

return common
