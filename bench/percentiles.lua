-- wrk script: rotates through the paths given in the QUERIES environment variable (space-separated,
-- "+" for spaces inside a query) when the URL ends with "q=", and prints one RESULT line with the
-- latency percentiles in milliseconds.
local queries = {}
for q in string.gmatch(os.getenv("QUERIES") or "", "%S+") do
  table.insert(queries, q)
end
local counter = 0

request = function()
  local path = wrk.path
  if #queries > 0 and string.sub(path, -2) == "q=" then
    counter = counter + 1
    path = path .. queries[(counter % #queries) + 1]
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
