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

-- No response() callback: wrk then does not hand every answer to Lua, CPU
-- the load would otherwise take from the server on the same two cores; it
-- still counts answers that are not 2xx and prints "Non-2xx or 3xx
-- responses" when there are any.
