-- wrk script for the public web edition's notice pages:
--   wrk -t2 -c1000 -d20s -s cmd/hallcast-bench/site.lua http://127.0.0.1:8080
-- Reads site-paths.txt (hallcast-bench site writes it; PATHS overrides)
-- and requests the notice pages in turn, each thread from its own place.
local paths = {}
local i = 0

function init(args)
  for line in io.lines(os.getenv("PATHS") or "site-paths.txt") do
    paths[#paths + 1] = line
  end
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
