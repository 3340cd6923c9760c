#!/usr/bin/env bash
# The whole test suite: `npm test` (and .ci/run). Starts its own Kafka on 127.0.0.1:19092 with fresh
# storage and uses *_test databases, so it never touches a running local platform's data.
source "$(dirname "$0")/lib.sh"

ensure_node
ensure_node_modules
generate_prisma_clients
generate_api_types
ensure_chromium

OUTPUT="$CACHE/test-output.log"
: > "$OUTPUT"

# Static checks and unit tests need no infrastructure.
node_modules/.bin/nx run-many -t lint typecheck test --parallel=2 --outputStyle=stream 2>&1 | tee -a "$OUTPUT"

isolated_infrastructure "${TEST_KAFKA_PORT:-19092}" _test

# Integration and end-to-end tests run against the services as built for production, every
# answer held to the schema its OpenAPI document gives (ResponseSchemaCheck).
build_workspace
export QORGAU_CHECK_RESPONSES=true
node_modules/.bin/nx run-many -t int-test --parallel=1 --outputStyle=stream 2>&1 | tee -a "$OUTPUT"

# One closing line for the whole suite, summed from every Jest run above.
sed 's/\x1b\[[0-9;]*m//g' "$OUTPUT" | awk '/Tests: / {
  for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) passed += $i; if ($(i+1) ~ /^failed/) failed += $i; if ($(i+1) ~ /^skipped/) skipped += $i }
} END { printf "tests: %d passed, %d failed", passed, failed; if (skipped) printf ", %d skipped", skipped; print "" }'
