#!/usr/bin/env bash
# The whole test suite: `npm test` (and .ci/run). Starts its own Kafka on 127.0.0.1:19092 with fresh
# storage and uses *_test databases, so it never touches a running local platform's data.
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
generate_prisma_clients
generate_api_types
ensure_chromium
ensure_kubectl

OUTPUT="$CACHE/test-output.log"
: > "$OUTPUT"
# Each Jest run writes its results here (nx.json: --json --outputFile); the closing line sums them.
rm -rf "$CACHE/jest"
mkdir -p "$CACHE/jest"

# Static checks and unit tests need no infrastructure.
node_modules/.bin/eslint --max-warnings=0 tools 2>&1 | tee -a "$OUTPUT"
node_modules/.bin/prettier --check --log-level=warn . 2>&1 | tee -a "$OUTPUT"
node_modules/.bin/nx run-many -t lint typecheck test --parallel=2 --outputStyle=stream 2>&1 | tee -a "$OUTPUT"

isolated_infrastructure "${TEST_KAFKA_PORT:-19092}" _test

# Integration and end-to-end tests run against the services as built for production, every
# answer held to the schema its OpenAPI document gives (ResponseSchemaCheck).
build_workspace
export QORGAU_CHECK_RESPONSES=true
node_modules/.bin/nx run-many -t int-test --parallel=1 --outputStyle=stream 2>&1 | tee -a "$OUTPUT"

# One closing line for the whole suite, summed from every Jest run's JSON results.
node -e '
  const fs = require("node:fs"), dir = process.argv[1];
  const runs = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")));
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed${sum("numPendingTests") ? `, ${sum("numPendingTests")} skipped` : ""} (${runs.length} Jest runs)`);
' "$CACHE/jest"
