-- Shared by every bench script: print one machine-readable line the runner parses (latencies in µs).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH_JSON {\"requests\":%d,\"duration_us\":%d,\"bytes\":%d,\"p50_us\":%d,\"p90_us\":%d,"
      .. "\"p99_us\":%d,\"mean_us\":%.1f,\"max_us\":%d,\"errors_connect\":%d,\"errors_read\":%d,"
      .. "\"errors_write\":%d,\"errors_status\":%d,\"errors_timeout\":%d}\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
