-- wrk script: cycles through the request paths listed one a line in the file named by BENCH_PATHS
-- (each of the two threads starts half-way along the list from the other), and prints one machine-readable RESULT line at the end.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  paths[#paths + 1] = line
end
local threads = 0
local i = 0

function setup(thread)
  thread:set("start", threads)
  threads = threads + 1
end

-- Each of the threads starts in its own part of the list, so no two ask the same path at first
-- (tiles: a repeated path would be answered from the server's tile cache).
function init(args)
  i = (start or 0) * math.floor(#paths / 2)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50ms=%.1f p99ms=%.1f errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
