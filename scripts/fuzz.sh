#!/usr/bin/env bash
# `npm run fuzz`: 100,000 requests generated from the services' OpenAPI documents (FUZZ_REQUESTS to
# change), on an isolated Kafka (port 39092) and *_fuzz databases. Prints the counts by status; fails
# on any server error, or on a refused request that stored or published anything.
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
generate_prisma_clients
isolated_infrastructure "${FUZZ_KAFKA_PORT:-39092}" _fuzz
build_workspace
export FUZZ_REQUESTS="${FUZZ_REQUESTS:-100000}" QORGAU_CHECK_RESPONSES=true NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning"
node_modules/.bin/jest -c apps/platform-e2e/jest.int.config.js --runInBand fuzz.int-spec
