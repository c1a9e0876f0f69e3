-- wrk script: POST /v1/embeddings with batches of $BATCH short texts, rotating over the lines of
-- $TEXTS_FILE (one text per line); each thread starts at a different offset. Optional $API_KEY.
-- Prints one RESULT line, with texts per second besides requests per second.
local texts = {}
for line in io.lines(os.getenv("TEXTS_FILE")) do
  if #line > 0 then
    table.insert(texts, (line:gsub('[\\"]', '')))
  end
end
local batch = tonumber(os.getenv("BATCH") or "32")
local model = os.getenv("MODEL") or "default"
local format = os.getenv("ENCODING") or "float"
local headers = { ["Content-Type"] = "application/json" }
if os.getenv("API_KEY") and #os.getenv("API_KEY") > 0 then
  headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")
end
local next_index = 1
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 131)
  table.insert(threads, thread)
end

function init(args)
  next_index = (offset or 0) % #texts + 1
end

function request()
  local items = {}
  for i = 1, batch do
    items[i] = '"' .. texts[next_index] .. '"'
    next_index = next_index % #texts + 1
  end
  local body = '{"model":"' .. model .. '","encoding_format":"' .. format .. '","input":['
    .. table.concat(items, ",") .. ']}'
  return wrk.format("POST", "/v1/embeddings", headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.1f rps=%.0f texts_per_s=%.0f p50_ms=%.3f p90_ms=%.3f "
      .. "p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, batch * summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
