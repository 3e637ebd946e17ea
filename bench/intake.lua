-- wrk script for bench/intake.sh: each request carries ALERTS new firing alerts, in one of two shapes.
--   MODE=webhook  an Alertmanager webhook (version 4) as Alertmanager posts it to a receiver (relia serve)
--   MODE=amapi    the alert list Prometheus posts to Alertmanager's own API, POST /api/v2/alerts
-- Every alert has its own fingerprint (thread, request, index), so each one is new to the receiver: the write path,
-- not the dedup shortcut. Services rotate over 20 names, so new alerts keep joining open incidents.
local alerts_per_request = tonumber(os.getenv("ALERTS") or "10")
local mode = os.getenv("MODE") or "webhook"
local token = os.getenv("TOKEN") or ""
local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local function labels(n, i)
  return string.format('{"alertname":"BenchAlert%d","service":"svc-%d","severity":"%s","instance":"host-%d:9100"}',
    i, n % 20, (i % 3 == 0) and "critical" or "warning", n)
end

local function annotations(i)
  return string.format('{"summary":"bench alert %d","runbook_url":"https://runbooks.example/bench/%d"}', i, i)
end

request = function()
  counter = counter + 1
  local parts = {}
  for i = 1, alerts_per_request do
    local fingerprint = string.format("%02x%014x%02x", thread_id or 0, counter, i)
    if mode == "webhook" then
      parts[i] = string.format('{"status":"firing","labels":%s,"annotations":%s,"startsAt":"2026-11-24T00:00:00Z",'
        .. '"endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph","fingerprint":"%s"}',
        labels(counter, i), annotations(i), fingerprint)
    else
      parts[i] = string.format('{"labels":%s,"annotations":%s,"generatorURL":"http://prometheus:9090/graph"}',
        labels(counter * 100 + (thread_id or 0), i), annotations(i))
    end
  end
  local body
  local headers = { ["Content-Type"] = "application/json" }
  if mode == "webhook" then
    body = '{"version":"4","groupKey":"{}:{alertname=\\"BenchAlert\\"}","truncatedAlerts":0,"status":"firing",'
      .. '"receiver":"relia","groupLabels":{},"commonLabels":{},"commonAnnotations":{},'
      .. '"externalURL":"http://alertmanager:9093","alerts":[' .. table.concat(parts, ",") .. ']}'
    headers["Authorization"] = "Bearer " .. token
  else
    body = "[" .. table.concat(parts, ",") .. "]"
  end
  return wrk.format("POST", nil, headers, body)
end
