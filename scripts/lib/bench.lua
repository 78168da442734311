-- wrk script for scripts/bench. Arguments after `--`: MODE [options...]
--   get TOKEN [HEADER]               the URL's GET, with a bearer token ("-" for none) and one extra header
--   submission FIRST COUNT TOPIC     POST a new proposal as author FIRST..FIRST+COUNT-1, a new Idempotency-Key each
--   registration FIRST STRIDE CATS   POST a registration as attendee FIRST+thread+STRIDE*k, into the categories CATS
-- Prints one line `BENCH {json}` at the end, read by scripts/bench.

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

local mode, prepared, counter = nil, nil, 0
local first, count, stride, topic, categories, words

local function split(text)
  local items = {}
  for item in string.gmatch(text, "[^,]+") do table.insert(items, item) end
  return items
end

function init(args)
  mode = args[1]
  if mode == "get" then
    local headers = {}
    if args[2] ~= "-" then headers["Authorization"] = "Bearer " .. args[2] end
    if args[3] then
      local name, value = string.match(args[3], "^([^:]+):%s*(.*)$")
      headers[name] = value
    end
    prepared = wrk.format("GET", nil, headers)
  elseif mode == "submission" then
    first, count, topic = tonumber(args[2]), tonumber(args[3]), args[4]
    -- Made-up words, so that each proposal is text of its own (the server looks for near-duplicates).
    math.randomseed(1000 + index)
    words = {}
    local letters = "abcdefghijklmnoprstuvy"
    for i = 1, 4000 do
      local word = {}
      for j = 1, 4 + i % 6 do
        local k = math.random(#letters)
        word[j] = string.sub(letters, k, k)
      end
      words[i] = table.concat(word)
    end
  elseif mode == "registration" then
    first, stride, categories = tonumber(args[2]), tonumber(args[3]), split(args[4])
  end
end

local function text(n)
  local picked = {}
  for i = 1, n do picked[i] = words[math.random(#words)] end
  return table.concat(picked, " ")
end

function request()
  counter = counter + 1
  if mode == "get" then return prepared end
  if mode == "submission" then
    local author = first + (index * 7919 + counter) % count
    local body = string.format(
      '{"title":"%s","abstract":"%s","topicId":"%s","format":"oral","language":"fr","keywords":["pairs","santé"],' ..
      '"authors":[{"name":"Autrice %d","email":"author-%d@bench.test","affiliation":"Université Rennes 2","presenting":true},' ..
      '{"name":"Co-auteur %d","email":"co-%d-%d@bench.test","affiliation":"Inserm","presenting":false},' ..
      '{"name":"Tierce %d","email":"tiers-%d-%d@bench.test","presenting":false}]}',
      text(8), text(200), topic, author, author, author, index, counter, author, index, counter)
    return wrk.format("POST", nil, {
      ["Authorization"] = "Bearer bench-author-" .. author,
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), index, counter),
    }, body)
  end
  local attendee = first + index + stride * (counter - 1)
  local body = string.format('{"categoryId":"%s","dietaryRequirements":"végétarien"}',
    categories[1 + (index + counter) % #categories])
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer bench-load-" .. attendee,
    ["Content-Type"] = "application/json",
  }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d,"status_errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
