-- PATCH a fixed task with a valid TaskUpdate body.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title": "Benchmark target (updated)", "status": "in_progress", "priority": "urgent"}'
