#!/usr/bin/env bash
# The whole local platform: Kafka and PostgreSQL on loopback, migrations, every service.
#   npm start  → scripts/platform.sh start      npm stop → scripts/platform.sh stop
#   scripts/platform.sh status                  what is running
# The apps and their ports are listed in libs/contracts/src/services.json; logs go to .cache/run/<app>.log.
# QORGAU_LOCAL_PASSWORD sets the seeded local users' password (default qorgau-local).
# QORGAU_TRACES=1 also starts a trace viewer (Zipkin, http://127.0.0.1:9411) that every service sends its spans to.
# Each service with a database serves Prometheus metrics at http://127.0.0.1:94NN/metrics (intake 9401, projection 9402, …).
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

# The seeded local users' password (see README); set QORGAU_LOCAL_PASSWORD to choose another.
LOCAL_PASSWORD="${QORGAU_LOCAL_PASSWORD:-qorgau-local}"

# Environment of one app: its database (if it has one), the broker, and the local token issuer.
app_env() {
  local app="$1"
  echo "PORT=${PORTS[$app]}"
  echo "KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092}"
  echo "OTEL_SERVICE_NAME=qorgau-$app"
  echo "AUTH_ISSUER=http://127.0.0.1:${PORTS[identity]}"
  # The browser reaches the services through the web gateway: one hop.
  echo "TRUST_PROXY_HOPS=1"
  if [ "$app" = identity ]; then
    echo "SIGNING_KEY_FILE=$CACHE/identity/signing-key.json"
    echo "LOCAL_USERS_PASSWORD=$LOCAL_PASSWORD"
    echo "WEB_ORIGINS=http://127.0.0.1:${PORTS[web]}"
  elif [ "$app" = web ]; then
    echo "OIDC_AUTHORITY=http://127.0.0.1:${PORTS[identity]}"
    local service
    for service in "${SERVICES[@]}"; do echo "${service^^}_URL=http://127.0.0.1:${PORTS[$service]}"; done
  else
    # The service runs as its own role: it may only INSERT and SELECT its audit trail (see tools/db).
    echo "DATABASE_URL=$(node tools/db/migrate.mjs app-url "$app")"
    # Its metrics on a port of its own: 9400 + its last two digits (intake 3001 → 9401).
    echo "METRICS_PORT=$((9400 + ${PORTS[$app]} - 3000))"
  fi
  [ "${QORGAU_TRACES:-}" = 1 ] && echo "OTEL_EXPORTER_ZIPKIN_ENDPOINT=http://127.0.0.1:${ZIPKIN_PORT:-9411}/api/v2/spans"
  if [[ " ${PERSONAL_DATA_SERVICES[*]} " == *" $app "* ]]; then
    echo "PERSONAL_DATA_KEY=$(personal_data_key "$app")"
    # Person keys live in a database of their own, apart from the data and its backups.
    echo "PERSONAL_DATA_KEYS_DATABASE_URL=$(node tools/db/migrate.mjs keys-app-url "$app")"
  fi
  [ "$app" = statistics ] && echo "PROJECTION_URL=http://127.0.0.1:${PORTS[projection]}"
  # Each service talks to Kafka as its own user, held by the ACLs to its own topics.
  local password="QORGAU_KAFKA_PASSWORD_${app^^}"
  [ -n "${!password:-}" ] && printf 'KAFKA_USERNAME=%s\nKAFKA_PASSWORD=%s\n' "$app" "${!password}"
  return 0
}

# A service's key for personal data: made once per machine and service, kept outside the database
# (and so outside its backups). Losing it loses every personal field; that is the point of erasure too.
personal_data_key() {
  local file="$CACHE/$1/personal-data.key"
  if [ ! -f "$file" ]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' > "$file")
  fi
  cat "$file"
}

# The web application's gateway lives in apps/web/server; every other app in apps/<app>/src.
app_main() { if [ "$1" = web ]; then echo dist/apps/web/server/main.js; else echo "dist/apps/$1/src/main.js"; fi; }

service_running() { [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

start() {
  ensure_node
  ensure_node_modules
  generate_prisma_clients
  build_workspace
  bash scripts/kafka.sh start
  [ "${QORGAU_TRACES:-}" = 1 ] && bash scripts/traces.sh start
  kafka_credentials
  bash scripts/postgres.sh ensure
  node tools/db/migrate.mjs deploy
  local service
  for service in "${APPS[@]}"; do
    if service_running "$service"; then
      log "$service already running (pid $(cat "$RUN_DIR/$service.pid"))"
      continue
    fi
    port_open "${PORTS[$service]}" && die "port ${PORTS[$service]} is taken by another program; stop it first"
    log "starting $service on http://127.0.0.1:${PORTS[$service]}"
    (
      while IFS= read -r line; do export "${line?}"; done < <(app_env "$service")
      exec nohup node --enable-source-maps --require ./dist/libs/platform/src/telemetry/register.js "$(app_main "$service")" \
        >> "$RUN_DIR/$service.log" 2>&1
    ) &
    echo $! > "$RUN_DIR/$service.pid"
  done
  for service in "${APPS[@]}"; do
    wait_http "http://127.0.0.1:${PORTS[$service]}/health" 60 ||
      { tail -n 20 "$RUN_DIR/$service.log" >&2; die "$service did not become healthy (log: .cache/run/$service.log)"; }
  done
  # Every app of services.json, with what to open there.
  addresses() {
    local app
    for app in "${APPS[@]}"; do
      case "$app" in
        web) printf '  %-12s %-28s %s\n' "$app" "http://127.0.0.1:${PORTS[$app]}" "the staff's web application (kk/ru/en)" ;;
        identity) printf '  %-12s %-28s %s\n' "$app" "http://127.0.0.1:${PORTS[$app]}" "local OpenID provider (users in the README)" ;;
        *) printf '  %-12s %-28s %s\n' "$app" "http://127.0.0.1:${PORTS[$app]}" "API docs http://127.0.0.1:${PORTS[$app]}/docs" ;;
      esac
    done
  }
  cat <<MSG

Qorgau is running. Open the web application: http://127.0.0.1:${PORTS[web]}
  (sign in as hotline-operator.kz-79, hq-analyst, … with the password in the README)

$(addresses)
  Kafka        127.0.0.1:9092               PostgreSQL ${PG_URL%/*}
  logs         .cache/run/<service>.log, .cache/kafka/node-9092/logs/
  metrics      http://127.0.0.1:9401/metrics (intake), 9402 (projection), …${QORGAU_TRACES:+
  traces       http://127.0.0.1:${ZIPKIN_PORT:-9411} (Zipkin: find qorgau-intake, open a POST /hotline-calls trace)}

Try it (local users share the password $LOCAL_PASSWORD):
  login() { curl -s http://127.0.0.1:3000/token -H 'content-type: application/json' \\
              -d "{\"username\":\"\$1\",\"password\":\"$LOCAL_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
  curl -s -X POST http://127.0.0.1:3001/hotline-calls -H "authorization: Bearer \$(login hotline-operator.kz-79)" \\
       -H 'content-type: application/json' \\
       -d '{"region":"KZ-79","channel":"VOICE_CALL","callerCategory":"PREPARING_TO_TRAVEL_ABROAD","callerSex":"FEMALE"}'
  curl -s http://127.0.0.1:3002/views/national -H "authorization: Bearer \$(login hq-analyst)"

Stop everything with: npm stop
MSG
}

stop() {
  local service pid i
  for service in "${APPS[@]}"; do
    if service_running "$service"; then
      pid="$(cat "$RUN_DIR/$service.pid")"
      log "stopping $service"
      kill "$pid" 2>/dev/null || true
      for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$RUN_DIR/$service.pid"
  done
  bash scripts/kafka.sh stop
  bash scripts/traces.sh stop
  bash scripts/postgres.sh stop
  log "stopped"
}

status() {
  local service
  for service in "${APPS[@]}"; do
    if service_running "$service"; then echo "$service: running (pid $(cat "$RUN_DIR/$service.pid"))"; else echo "$service: stopped"; fi
  done
  echo "kafka: $(bash scripts/kafka.sh status 2>/dev/null || echo stopped)"
  echo "traces: $(bash scripts/traces.sh status)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/platform.sh start|stop|status" >&2; exit 2 ;;
esac
