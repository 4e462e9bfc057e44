-- wrk script: every request is one ballot by SMS from a new phone number, through the gateway webhook.
-- Each wrk thread numbers its own senders (thread id in the leading digits), so no number repeats.
-- Counts the replies that accept the ballot; `done` prints them (acknowledged ballots).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("TARAZU_SMS_TOKEN") or "bench"
  accepted = 0
  other = 0
end

request = function()
  counter = counter + 1
  local phone = string.format("+98912%d%06d", id, counter)
  local body = string.format('{"from": "%s", "text": "VOTE 1 2"}', phone)
  return wrk.format("POST", "/pb/sms/inbound", {["Content-Type"] = "application/json", ["X-Tarazu-Gateway-Token"] = token}, body)
end

response = function(status, headers, body)
  if status == 200 and body:find("Vote recorded", 1, true) then
    accepted = accepted + 1
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local a, o = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    o = o + thread:get("other")
  end
  io.write(string.format("ACCEPTED %d OTHER %d\n", a, o))
end
