"""The benchmark behind `make bench`: contract enforcement against no validation, idiomatic DRF and
openapi-core's middleware, on PostgreSQL under gunicorn, driven by wrk."""
