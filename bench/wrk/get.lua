-- GET <prefix><value><suffix> with a random value of VALUES (a file, one a line) per request.
-- Environment: PREFIX (e.g. /lookup/track/), VALUES (a path; without it, just PREFIX),
-- SUFFIX (optional, e.g. /tracks), ENCODE=1 to percent-encode the value (search queries),
-- GZIP=1 to accept gzip-compressed answers.
package.path = package.path .. ";" .. (os.getenv("WRK_LIB") or "bench/wrk") .. "/?.lua"
local common = require("common")
local prefix = os.getenv("PREFIX")
local suffix = os.getenv("SUFFIX") or ""
local encode = os.getenv("ENCODE") == "1"
local headers = os.getenv("GZIP") == "1" and {["Accept-Encoding"] = "gzip"} or nil
local values

setup = common.setup
done = common.done

function init(args)
  common.seed()
  local path = os.getenv("VALUES")
  values = path and common.load(path) or {""}
end

function request()
  local v = common.pick(values)
  if encode then v = common.urlencode(v) end
  return wrk.format("GET", prefix .. v .. suffix, headers)
end
