#!/usr/bin/env bash
# `npm run bench [-- --quick] [--profile]`: the pipeline's speed in figures, on an isolated Kafka (port 29092) and
# *_bench databases, each beside a baseline from the same run: calls accepted per second beside the
# same rows written by a bare pg client; accepted, shed (503) and call-to-view freshness at 100, 250
# and 500 calls/s offered; view and report latency over a long history produced straight into the
# topic; the rebuild's replay rate beside a raw kafkajs read of the same topics. Then the import of past
# calls from a spreadsheet (rows per second); then the hotline desk and the HQ dashboard in Chromium.
# Machines are shared and noisy: compare the ratios within one run. --quick: about a few minutes.
# --profile: intake, the projection and the rebuild under `node --cpu-prof`, their time printed by area.
#   BENCH_CALLS (2000), BENCH_CONCURRENCY (32), BENCH_LATENCY_SAMPLES (200), BENCH_OFFERED_SECONDS (15),
#   BENCH_HISTORY_EVENTS (200000), BENCH_IMPORT_ROWS (100000), BENCH_PAGE_SAMPLES (15)
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
generate_prisma_clients
isolated_infrastructure "${BENCH_KAFKA_PORT:-29092}" _bench
build_workspace
node dist/apps/platform-e2e/bench/pipeline-bench.js "$@"
if [[ " $* " == *" --quick "* ]]; then export BENCH_IMPORT_ROWS="${BENCH_IMPORT_ROWS:-10000}" BENCH_PAGE_SAMPLES="${BENCH_PAGE_SAMPLES:-3}"; fi
node dist/apps/platform-e2e/bench/import-bench.js
ensure_chromium
node dist/apps/platform-e2e/bench/web-bench.js
