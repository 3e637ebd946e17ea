-- wrk script for bench/intake-under-reads.sh: expensive API reads of relia serve, in turn on every connection.
--   stats over a year, similar-incident search, the newest 10,000 incidents (open or not)
local paths = {
  "/api/v1/stats?since=365d",
  "/api/v1/similar?q=checkout+error+rate+above+2%25+after+deploy&limit=50",
  "/api/v1/incidents?all=true&limit=10000",
}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
