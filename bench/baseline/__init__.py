"""The same task endpoints written the usual DRF way: ModelSerializer, generic views, CursorPagination, no
contract validation. The yardstick for `our endpoints ÷ idiomatic DRF` in the benchmark."""
