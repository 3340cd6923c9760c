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

# Every app the platform runs and its local port, the services that own a database (Prisma schema,
# migrations), those that keep personal data (each with its own key) and those with a Kafka user:
# one list, libs/contracts/src/services.json, read once here. (Any Node.js on the PATH parses JSON.)
APPS=() SERVICES=() PERSONAL_DATA_SERVICES=() KAFKA_USERS=()
declare -A PORTS=()
while read -r app port database personal kafka; do
  APPS+=("$app")
  PORTS[$app]=$port
  [ "$database" = true ] && SERVICES+=("$app")
  [ "$personal" = true ] && PERSONAL_DATA_SERVICES+=("$app")
  [ "$kafka" = true ] && KAFKA_USERS+=("$app")
done < <(node -e 'for (const a of require(process.argv[1]).apps) console.log(a.name, a.port, a.database, a.personalData, Boolean(a.kafka))' "$ROOT/libs/contracts/src/services.json")

log() { printf 'qorgau: %s\n' "$*"; }

# `npm run <script> -- --help`: prints the running script's header comment (its usage) and exits.
help_if_asked() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      -h | --help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0" | sed '/^source /,$d'; exit 0 ;;
    esac
  done
}
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

# The Node.js the project runs on: the current LTS line, pinned. A system Node of this major (and at
# least MIN_NODE) is used as it is; an older one makes the scripts fetch the pinned build from the npm
# registry (the node-linux-<arch> packages carry the official binaries) into the git-ignored cache.
PINNED_NODE=24.21.0
MIN_NODE=24.11.0

node_new_enough() {
  "$1" -e 'const want = process.argv[1].split(".").map(Number), have = process.versions.node.split(".").map(Number);
    const cmp = have[0] - want[0] || have[1] - want[1] || have[2] - want[2]; process.exit(cmp >= 0 ? 0 : 1)' "$MIN_NODE" 2>/dev/null
}

ensure_node() {
  command -v node >/dev/null && node_new_enough node && return 0
  local dir="$CACHE/node/$PINNED_NODE" arch
  if [ ! -x "$dir/bin/node" ]; then
    command -v npm >/dev/null || die "Node.js $MIN_NODE or newer is needed (with npm): https://nodejs.org"
    case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) die "no Node.js build for $(uname -m) on the npm registry; install Node.js $MIN_NODE or newer" ;; esac
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$PINNED_NODE" >/dev/null) || die "could not fetch node-linux-$arch@$PINNED_NODE from the npm registry"
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
    [ -x "$dir/bin/node" ] || die "the node-linux-$arch package holds no bin/node"
  fi
  log "system Node.js $(node --version 2>/dev/null || echo 'is missing,') is older than $MIN_NODE: using Node.js $PINNED_NODE from .cache/node (npm package node-linux-*)"
  export PATH="$dir/bin:$PATH"
  node_new_enough node || die "Node.js $MIN_NODE or newer is needed (found $(node --version))"
}

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work offline).
ensure_chromium() {
  command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || apt_install chromium
}

# The Kubernetes checks build k8s/overlays with `kubectl kustomize` (kustomize 5, in kubectl 1.27 or
# newer). Debian's kubernetes-client is 1.20, too old for the overlays, so it is not a fallback.
ensure_kubectl() {
  command -v kubectl >/dev/null || die "kubectl 1.27 or newer is needed to build k8s/overlays (https://kubernetes.io/docs/tasks/tools/); Debian's kubernetes-client is too old"
  kubectl kustomize --help >/dev/null 2>&1 || die "this kubectl has no kustomize: use kubectl 1.27 or newer"
}

ensure_java() {
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install maven
}

# Installs npm packages when node_modules is missing or older than package.json or the lock file. `npm install`
# rather than `npm ci`: npm 11 writes lock files without other platforms' optional binaries, which
# `npm ci` then rejects as out of sync; `npm install` follows the same lock file without rewriting it.
ensure_node_modules() {
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
    log "installing npm packages"
    # The registry drops a connection now and then (ECONNRESET): try again before giving up.
    local attempt
    for attempt in 1 2 3; do
      npm install --no-audit --no-fund --loglevel=warn && return 0
      [ "$attempt" -lt 3 ] && { log "npm install failed (attempt $attempt of 3); trying again in 10 s"; sleep 10; }
    done
    die "npm install failed three times: is the npm registry reachable?"
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

# The web application's API types, generated from the services' committed OpenAPI documents
# (docs/openapi/, kept current by a test): never written by hand.
generate_api_types() {
  local service doc out
  for service in "${SERVICES[@]}"; do
    doc="docs/openapi/$service.json"
    out="apps/web/src/generated/$service.ts"
    if [ ! -f "$out" ] || [ "$doc" -nt "$out" ]; then
      node_modules/.bin/openapi-typescript "$doc" -o "$out" --root-types >/dev/null 2>"$CACHE/openapi-typescript.log" ||
        { cat "$CACHE/openapi-typescript.log" >&2; die "openapi-typescript failed for $doc"; }
    fi
  done
}

build_workspace() {
  log "building (tsc, vite)"
  node_modules/.bin/tsc -p tsconfig.build.json
  generate_api_types
  node_modules/.bin/vite build --config apps/web/vite.config.mts --logLevel warn
}

# The broker's users and passwords (made by kafka.sh): QORGAU_KAFKA_PASSWORD_<USER>, exported for the
# services (each with its own user) and the tests (as admin, to read and forge what they check).
kafka_credentials() {
  set -a
  # shellcheck disable=SC1091
  source "${KAFKA_DIR:-$CACHE/kafka/node-${KAFKA_PORT:-9092}}/credentials.env"
  set +a
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
  kafka_credentials
  bash scripts/postgres.sh ensure
  local service
  # Tests read and tamper as the owner; the services under test run as their own roles.
  for service in "${SERVICES[@]}"; do
    export "${service^^}_DATABASE_URL=$(node tools/db/migrate.mjs url "$service")"
    export "${service^^}_APP_DATABASE_URL=$(node tools/db/migrate.mjs app-url "$service")"
  done
  for service in "${PERSONAL_DATA_SERVICES[@]}"; do
    export "${service^^}_KEYS_DATABASE_URL=$(node tools/db/migrate.mjs keys-url "$service")"
    export "${service^^}_KEYS_APP_DATABASE_URL=$(node tools/db/migrate.mjs keys-app-url "$service")"
  done
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
