#!/usr/bin/env bash
# The whole test suite: `npm test` (and .ci/run). Starts its own Kafka on 127.0.0.1:19092 with fresh
# storage and uses *_test databases, so it never touches a running local platform's data.
source "$(dirname "$0")/lib.sh"

export KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
export KAFKA_DIR="$CACHE/kafka/test-$KAFKA_PORT"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export QORGAU_DB_SUFFIX=_test
export QORGAU_KAFKA_SCRIPT="$ROOT/scripts/kafka.sh"

ensure_node
ensure_node_modules
generate_prisma_clients

# Static checks and unit tests need no infrastructure.
node_modules/.bin/nx run-many -t lint typecheck test --parallel=2 --outputStyle=stream

bash scripts/kafka.sh reset
trap 'bash scripts/kafka.sh stop' EXIT
bash scripts/kafka.sh start
bash scripts/postgres.sh ensure
for service in "${SERVICES[@]}"; do export "${service^^}_DATABASE_URL=$(node tools/db/migrate.mjs url "$service")"; done
node tools/db/migrate.mjs reset

# Integration and end-to-end tests run against the services as built for production.
build_workspace
node_modules/.bin/nx run-many -t int-test --parallel=1 --outputStyle=stream
