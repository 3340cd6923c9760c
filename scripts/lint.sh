#!/usr/bin/env bash
# `npm run lint`: the static checks that need no build. ESLint on every project (module boundaries
# by Nx tags, deciders that import only the domain and contracts) and on the database tools, then
# Prettier's check of the whole repository (`npx prettier --write .` formats it).
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
node_modules/.bin/nx run-many -t lint --outputStyle=stream
node_modules/.bin/eslint --max-warnings=0 tools
node_modules/.bin/prettier --check --log-level=warn .
