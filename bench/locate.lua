-- wrk script for GET /api/v1/beats/locate: cycles through a fixed 40 x 40 grid of points over
-- central Almaty (lat 43.20-43.32, lon 76.85-76.98), so requests are spread over many beats
-- instead of repeating one point. Each wrk thread has its own copy and starts at a different cell.
local rows, columns = 40, 40
-- These cells fall in gaps between the OpenStreetMap outlines of neighbouring districts, so no
-- beat covers them and the endpoint answers 404; they are left out so every request is a hit.
-- bench/run.sh still reports any non-2xx answers.
local outside = { ["5,23"] = true, ["13,21"] = true, ["20,13"] = true, ["31,30"] = true, ["31,39"] = true }
local paths = {}
for row = 0, rows - 1 do
  for column = 0, columns - 1 do
    if not outside[row .. "," .. column] then
      local lat = 43.20 + (row + 0.5) * (0.12 / rows)
      local lon = 76.85 + (column + 0.5) * (0.13 / columns)
      paths[#paths + 1] = string.format("/api/v1/beats/locate?lat=%.5f&lon=%.5f", lat, lon)
    end
  end
end

-- Global, not local: setup() runs in the main Lua state and sets it in each thread's state.
next_index = 1
local threads = 0

function setup(thread)
  thread:set("next_index", (threads * 397) % #paths + 1)
  threads = threads + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
