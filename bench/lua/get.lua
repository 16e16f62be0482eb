-- GET (list, retrieve): the URL and the Authorization header come from the command line.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
