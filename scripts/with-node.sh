#!/usr/bin/env bash
# Runs a command with the project's Node.js (fetched when the system's is too old): the npm scripts
# that are not whole platform scripts go through here, so every one runs on the same runtime.
source "$(dirname "$0")/lib.sh"
ensure_node
exec "$@"
