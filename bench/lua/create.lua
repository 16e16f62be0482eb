-- POST a valid TaskCreate body (the same for the contract-bound server and the DRF baseline).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title": "Write the benchmark report", '
  .. '"description": "Numbers from three interleaved rounds, medians, and the machine they ran on.", '
  .. '"status": "todo", "priority": "high", "due_date": "2026-12-01"}'
