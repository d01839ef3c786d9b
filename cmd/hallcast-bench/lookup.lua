-- wrk script for kiosk lookups: wrk -t2 -c64 -d20s -s lookup.lua http://127.0.0.1:8080
-- Reads bodies.txt (hallcast-bench bodies) from the current folder.
local bodies = {}
local i = 0

function init(args)
  for line in io.lines(os.getenv("BODIES") or "bodies.txt") do
    local token, body = line:match("^([^\t]+)\t(.*)$")
    bodies[#bodies + 1] = { token = token, body = body }
  end
  i = math.random(#bodies)
end

function request()
  i = i % #bodies + 1
  local b = bodies[i]
  return wrk.format("POST", "/api/kiosk/archive/lookup",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. b.token }, b.body)
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
