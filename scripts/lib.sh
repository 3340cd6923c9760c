# Shared helpers for the platform scripts. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
RUN_DIR="$CACHE/run"
mkdir -p "$CACHE" "$RUN_DIR"
cd "$ROOT"

# Offline Prisma: `prisma generate` needs no native engine, but the CLI insists on a path to one.
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$ROOT/tools/db/no-schema-engine}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-false}"
export PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

# Services that own a database (Prisma schema, migrations), and every app the platform runs.
SERVICES=(intake legal psychology outreach statistics projection)
APPS=(identity intake legal psychology outreach statistics projection)
# Services that keep personal data, each with its own key (see platform.sh).
PERSONAL_DATA_SERVICES=(intake legal psychology)

log() { printf 'qorgau: %s\n' "$*"; }
die() { printf 'qorgau: error: %s\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# apt-get install, for a newcomer's machine that lacks a tool; only as root, never silently elsewhere.
apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing $* with apt-get"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    die "please install: $* (e.g. sudo apt-get install $*)"
  fi
}

ensure_node() {
  command -v node >/dev/null || die "Node.js 20.19 or newer is needed: https://nodejs.org or apt-get install nodejs"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
    die "Node.js 20.19 or newer is needed (found $(node --version))"
}

ensure_java() {
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install maven
}

# Installs npm packages when node_modules is missing or older than the lock file. `npm install`
# rather than `npm ci`: npm 11 writes lock files without other platforms' optional binaries, which
# `npm ci` then rejects as out of sync; `npm install` follows the same lock file without rewriting it.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    npm install --no-audit --no-fund --loglevel=error
  fi
}

# Prisma clients are generated code (git-ignored): regenerate when a schema changed.
generate_prisma_clients() {
  local service schema out
  for service in "${SERVICES[@]}"; do
    schema="apps/$service/prisma/schema.prisma"
    out="apps/$service/src/generated/prisma/client.ts"
    if [ ! -f "$out" ] || [ "$schema" -nt "$out" ]; then
      log "generating the Prisma client of $service"
      node_modules/.bin/prisma generate --config "apps/$service/prisma.config.ts" > "$CACHE/prisma-generate.log" 2>&1 ||
        { cat "$CACHE/prisma-generate.log" >&2; die "prisma generate failed for $service"; }
    fi
  done
}

build_workspace() {
  log "building (tsc)"
  node_modules/.bin/tsc -p tsconfig.build.json
}

# A Kafka broker with fresh storage on $1 and databases with suffix $2, for a test or benchmark
# run that must not touch the local platform's data. Exports what the services and tests read.
isolated_infrastructure() {
  export KAFKA_PORT="$1" QORGAU_DB_SUFFIX="$2"
  export KAFKA_DIR="$CACHE/kafka/isolated-$KAFKA_PORT" KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
  export QORGAU_KAFKA_SCRIPT="$ROOT/scripts/kafka.sh"
  bash scripts/kafka.sh reset
  trap 'bash scripts/kafka.sh stop' EXIT
  bash scripts/kafka.sh start
  bash scripts/postgres.sh ensure
  local service
  for service in "${SERVICES[@]}"; do export "${service^^}_DATABASE_URL=$(node tools/db/migrate.mjs url "$service")"; done
  node tools/db/migrate.mjs reset
}

# Waits until curl gets a 2xx from $1, up to $2 seconds.
wait_http() {
  local url="$1" seconds="$2" i
  for ((i = 0; i < seconds * 5; i++)); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}
