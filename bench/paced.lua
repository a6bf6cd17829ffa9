-- wrk script for bench/national.sh: sends requests at a fixed rate (RATE requests/s over all threads,
-- 0 or unset: as fast as the connections go), rotating the paths of PATHS (space-separated; "+" for a
-- space inside a query), with the COOKIE header when set. Modes (MODE):
--   get (default)  GET each path;
--   post-json      POST the JSON bodies of BODIES_FILE (one a line) in turn to the URL's path;
--   intake         "Je porte un projet" as browsers send it, with one connection a thread (wrk -tN -cN):
--                  each thread is a visitor who gets the form once (a session and its CSRF token),
--                  then posts a new request with a new submission key, from a random address
--                  (X-Forwarded-For), follows the redirect to the thank-you page, and posts again.
-- Pacing: each thread keeps a schedule of slots (1 / its share of RATE apart) and delay() holds a
-- connection until its slot; latency is measured from the actual send, as wrk does. With enough
-- connections (rate × latency), the offered rate holds; when the server falls behind, late slots
-- are sent at once and the achieved rate (requests/s) says so.
-- Prints one RESULT line (percentiles.lua): requests, requests/s, p50/p95/p99 in ms, errors (wrk's:
-- connection errors, timeouts and statuses over 399). An intake refused shows its form again with a 200: national.sh
-- counts the projects in the database instead.
-- done(): the RESULT line of percentiles.lua (loaded first: its request() is replaced below)
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "percentiles.lua")

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *t);
]]
local now_ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local mode, paths, bodies, cookie, interval, next_slot
-- intake: this thread's visitor (its session and token), and its next step: "post", or "thanks" (the
-- redirect to follow) once a post was answered with it
local counter, visitor, step = 0, nil, "post"

function init(args)
  mode = os.getenv("MODE") or "get"
  paths = {}
  for p in string.gmatch(os.getenv("PATHS") or "", "%S+") do
    table.insert(paths, (string.gsub(p, "%+", "%%20")))
  end
  bodies = {}
  local file = os.getenv("BODIES_FILE")
  if file then
    for line in io.lines(file) do
      if #line > 0 then table.insert(bodies, line) end
    end
  end
  cookie = os.getenv("COOKIE")
  local rate = tonumber(os.getenv("RATE") or "0")
  local count = tonumber(os.getenv("THREADS") or "2")
  if rate > 0 then interval = 1000 / (rate / count) end
  math.randomseed(os.time() * 1000 + (id or 1) * 7919 + math.floor(now_ms()) % 100000)
  -- threads start their schedules a little apart
  next_slot = now_ms() + (id or 1) * (interval or 0) / count
end

function delay()
  if not interval then return 0 end
  local t = now_ms()
  local slot = next_slot
  next_slot = next_slot + interval
  if slot > t then return slot - t end
  return 0
end

local function uuid()
  return string.format("%08x-%04x-4%03x-a%03x-%06x%06x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0xffffff), math.random(0, 0xffffff))
end

function request()
  counter = counter + 1
  if mode == "intake" then
    if not visitor then
      return wrk.format("GET", "/je-porte-un-projet")
    end
    if step == "thanks" then
      step = "post"
      return wrk.format("GET", "/je-porte-un-projet/merci", {["Cookie"] = visitor.session})
    end
    step = "posted"
    local key = uuid()
    local body = "displayName=Charge+" .. counter .. "&email=charge-" .. string.sub(key, 1, 8)
      .. "%40bench.maillage.localhost&phone=&collective=false&idea=Une+%C3%A9picerie+solidaire+" .. string.sub(key, 1, 8)
      .. "&commune=29151&stage=IDEE&needs=DEFINE_IDEA&heardFrom=WORD_OF_MOUTH&consentContact=true&consentData=true"
      .. "&website=&submissionKey=" .. key .. "&_csrf=" .. visitor.token
    -- people write from their own addresses (the reverse proxy's X-Forwarded-For, trusted from loopback):
    -- the limit of requests per address and hour applies to each, as in real use
    local client = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
    return wrk.format("POST", "/je-porte-un-projet", {["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = visitor.session, ["X-Forwarded-For"] = client}, body)
  end
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  if mode == "post-json" then
    headers["Content-Type"] = "application/json"
    headers["Accept"] = "application/json"
    return wrk.format("POST", wrk.path, headers, bodies[(counter % #bodies) + 1])
  end
  local path = wrk.path
  if #paths > 0 then path = paths[(counter % #paths) + 1] end
  return wrk.format("GET", path, headers)
end

-- only for the intake (wrk hands every body to Lua when a response() exists)
if os.getenv("MODE") == "intake" then
response = function(status, headers, body)
  if not visitor then
    local set = headers["Set-Cookie"] or headers["set-cookie"] or ""
    local token = string.match(body, 'name="_csrf" value="([^"]+)"')
    local session = string.match(set, "(MAILLAGE_SESSION=[^;]+)")
    if status == 200 and token and session then visitor = {token = token, session = session} end
  elseif step == "posted" then
    -- sent: the browser follows the redirect to the thank-you page; else (the form shown again) it
    -- posts another one
    step = status == 302 and "thanks" or "post"
  end
end
end
