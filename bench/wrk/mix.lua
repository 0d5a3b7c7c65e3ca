-- The mixed workload of bench/soak.sh: lookups of tracks, ISRCs and albums' tracks, batches,
-- searches, and a share of requests that must answer 404 (ids the catalog does not hold) and
-- 400 (malformed ISRCs). Counts the answers by status; the summary line adds them as "statuses".
-- Environment: TRACKS, ISRCS, ALBUMS, QUERIES (files, one value a line).
package.path = package.path .. ";" .. (os.getenv("WRK_LIB") or "bench/wrk") .. "/?.lua"
local common = require("common")
local tracks, isrcs, albums, queries
local bodies = {}
local threads = {}
statuses = {}

function setup(thread)
  common.setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  common.seed()
  tracks = common.load(os.getenv("TRACKS"))
  isrcs = common.load(os.getenv("ISRCS"))
  albums = common.load(os.getenv("ALBUMS"))
  queries = common.load(os.getenv("QUERIES"))
  for b = 1, 32 do
    local items = {}
    for i = 1, 100 do items[i] = '"' .. common.pick(isrcs) .. '"' end
    bodies[b] = '{"isrcs":[' .. table.concat(items, ",") .. '],"tracks":["' .. common.pick(tracks) .. '"]}'
  end
end

-- Shares in percent: 35 track, 20 ISRC, 10 album tracks, 5 batch of 100 ISRCs and a track,
-- 15 search (tracks, artists, albums in turn), 8 unknown ids (404), 7 malformed ISRCs (400).
function request()
  local r = math.random(100)
  if r <= 35 then
    return wrk.format("GET", "/lookup/track/" .. common.pick(tracks))
  elseif r <= 55 then
    return wrk.format("GET", "/lookup/isrc/" .. common.pick(isrcs))
  elseif r <= 65 then
    return wrk.format("GET", "/lookup/album/" .. common.pick(albums) .. "/tracks")
  elseif r <= 70 then
    return wrk.format("POST", "/batch/lookup", {["Content-Type"] = "application/json"}, bodies[math.random(#bodies)])
  elseif r <= 85 then
    local kind = ({"track", "artist", "album"})[r % 3 + 1]
    return wrk.format("GET", "/search/" .. kind .. "?q=" .. common.urlencode(common.pick(queries)))
  elseif r <= 93 then
    return wrk.format("GET", "/lookup/track/" .. string.rep("0", 21) .. string.char(65 + r % 26))
  else
    return wrk.format("GET", "/lookup/isrc/NOT-AN-ISRC-" .. r)
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do parts[#parts + 1] = string.format('"%d":%d', status, n) end
  table.sort(parts)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"socket_errors":%d,"statuses":{%s}}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect + e.read + e.write + e.timeout,
    table.concat(parts, ",")))
end
