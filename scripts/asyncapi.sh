#!/usr/bin/env bash
# `npm run asyncapi`: regenerates docs/asyncapi.json from the event catalogue in libs/contracts
# (every event, every schema version, its topic and Kafka key). Commit the result.
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
build_workspace >/dev/null
node dist/libs/contracts/src/asyncapi/write-asyncapi.js
