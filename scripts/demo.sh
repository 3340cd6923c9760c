#!/usr/bin/env bash
# `npm run demo`: plays a year of an office's work (calls, cases, referrals, legal and psychological
# help, outreach, reports) against the running platform (start it first: npm start), prints the
# 4P figures and compares them with the expected ones. DEMO_YEAR picks the year (default: last year).
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ensure_node
build_workspace >/dev/null
node dist/apps/platform-e2e/demo/main.js
