-- wrk script for GET /api/v1/beats/{id}: cycles through the demo city's beat ids 1-542, the same
-- beat card that locate reads after its lookup. A diagnostic next to the locate benchmark.
local beats = 542
next_id = 1
local threads = 0

function setup(thread)
  thread:set("next_id", (threads * 131) % beats + 1)
  threads = threads + 1
end

function request()
  local id = next_id
  next_id = next_id % beats + 1
  return wrk.format("GET", "/api/v1/beats/" .. id)
end
