-- POST /batch/lookup with BATCH_SIZE random ISRCs of VALUES per request. Bodies are built in
-- init (a pool per thread) so the load generator spends its time sending, not concatenating.
package.path = package.path .. ";" .. (os.getenv("WRK_LIB") or "bench/wrk") .. "/?.lua"
local common = require("common")
local size = tonumber(os.getenv("BATCH_SIZE") or "400")
local bodies = {}

setup = common.setup
done = common.done

function init(args)
  common.seed()
  local values = common.load(os.getenv("VALUES"))
  for b = 1, 64 do
    local items = {}
    for i = 1, size do items[i] = '"' .. common.pick(values) .. '"' end
    bodies[b] = '{"isrcs":[' .. table.concat(items, ",") .. ']}'
  end
end

function request()
  return wrk.format("POST", "/batch/lookup", {["Content-Type"] = "application/json"}, bodies[math.random(#bodies)])
end
