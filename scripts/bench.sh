#!/usr/bin/env bash
# `npm run bench`: the pipeline's speed in figures, on an isolated Kafka (port 29092) and *_bench
# databases. Prints intake throughput, call-to-view latency percentiles, projection throughput and
# the rebuild's replay rate; then the import of past calls from a spreadsheet (rows per second);
# then the hotline desk in Chromium: its gzipped JavaScript and the time from opening it to a usable
# call form. Machines are shared and noisy: compare the ratios within one run.
#   BENCH_CALLS (default 2000), BENCH_CONCURRENCY (16), BENCH_LATENCY_SAMPLES (200), BENCH_IMPORT_ROWS (100000), BENCH_PAGE_SAMPLES (15)
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
generate_prisma_clients
isolated_infrastructure "${BENCH_KAFKA_PORT:-29092}" _bench
build_workspace
node dist/apps/platform-e2e/bench/pipeline-bench.js
node dist/apps/platform-e2e/bench/import-bench.js
ensure_chromium
node dist/apps/platform-e2e/bench/web-bench.js
