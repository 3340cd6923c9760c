#!/usr/bin/env bash
# `npm run import -- <file.csv|file.xlsx> [--valid-only] [--as <user>] [--kind calls]`: brings past
# work from a spreadsheet into the running platform (start it first: npm start), every row through
# the service's own rules and events. A file with a bad row stores nothing and names each row and
# field; --valid-only stores the others. Importing the same file again stores nothing twice.
# `npm run import -- --template calls.xlsx [--lang en|ru|kk]` writes the layout to fill in, headers
# in the language asked, with the codes each column takes. Headers are read in any of the three.
# Sign-in: a local user (--as, default hotline-operator.kz-79; QORGAU_LOCAL_PASSWORD) or a token in
# QORGAU_TOKEN. Kinds so far: calls (hotline calls).
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
ensure_node_modules
build_workspace >/dev/null
node tools/import/import.mjs "$@"
