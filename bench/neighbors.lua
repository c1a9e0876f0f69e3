-- wrk script: GET /api/v1/models/$MODEL/neighbors?word=...&topn=$TOPN, rotating over the words of
-- $WORDS_FILE (one per line); each thread starts at a different offset. $EXTRA, when set, is added
-- to every query string (e.g. "&ef=50" or "&exact=true"). Prints one RESULT line.
local words = {}
for line in io.lines(os.getenv("WORDS_FILE")) do
  if #line > 0 then
    table.insert(words, line)
  end
end
local model = os.getenv("MODEL") or "default"
local topn = os.getenv("TOPN") or "10"
local extra = os.getenv("EXTRA") or ""
local next_index = 1
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 97)
  table.insert(threads, thread)
end

function init(args)
  next_index = (offset or 0) % #words + 1
end

function request()
  local word = words[next_index]
  next_index = next_index % #words + 1
  return wrk.format(nil, "/api/v1/models/" .. model .. "/neighbors?word=" .. word .. "&topn=" .. topn .. extra)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
      .. "non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
