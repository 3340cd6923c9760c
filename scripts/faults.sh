#!/usr/bin/env bash
# `npm run faults [-- --quick]`: the fault trials, on an isolated Kafka (port 39092) and *_faults
# databases: the broker, the projection and intake killed with kill -9 under a steady load of calls,
# then PostgreSQL restarted (the machine's server: set FAULTS_SKIP_POSTGRES=1 to leave it alone).
# Prints calls accepted, stored, counted, lost, doubled, what clients met, and time to catch up.
#   FAULTS_RATE (calls/s, default 50), FAULTS_SECONDS (30; --quick: 10)
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
generate_prisma_clients
isolated_infrastructure "${FAULTS_KAFKA_PORT:-39092}" _faults
build_workspace
node dist/apps/platform-e2e/bench/faults.js "$@"
