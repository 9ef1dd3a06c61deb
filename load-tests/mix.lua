-- wrk script: replays a request mix with a Zipf-like skew (a few hot queries, a long tail).
-- wrk -s load-tests/mix.lua URL -- FILE [METHOD] [PATH] [AUTHORIZATION]
--   GET mode: FILE has one path per line.  POST mode: FILE has one JSON body per line, sent to PATH.
local items, method, path, authorization = {}, "GET", nil, nil
function init(args)
  for line in io.lines(args[1]) do items[#items + 1] = line end
  method = args[2] or "GET"
  path = args[3]
  authorization = args[4]
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end
local function pick()
  -- log-uniform index: low indices (hot queries) are drawn far more often than high ones
  return items[math.max(1, math.floor((#items) ^ math.random()))]
end
function request()
  if method == "GET" then
    return wrk.format("GET", pick())
  end
  local headers = { ["Content-Type"] = "application/json" }
  if authorization then headers["Authorization"] = authorization end
  return wrk.format("POST", path, headers, pick())
end
