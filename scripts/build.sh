#!/usr/bin/env bash
# `npm run build`: compiles every service, library and tool into dist/ and builds the web
# application (Vite), after generating the Prisma clients and the web's API types.
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
generate_prisma_clients
build_workspace
