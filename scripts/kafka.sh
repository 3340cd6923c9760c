#!/usr/bin/env bash
# A real single-node Apache Kafka (KRaft) on loopback, from Maven Central jars; no Docker needed.
#   scripts/kafka.sh install|start|stop|status|reset
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_DIR (.cache/kafka/node-<port>),
#              KAFKA_HEAP (512m)
# Clients authenticate with SASL/SCRAM-SHA-512: one user per service and `admin`, with passwords
# generated into $KAFKA_DIR/credentials.env (QORGAU_KAFKA_PASSWORD_<USER>) when the storage is first
# formatted; after start, tools/kafka/provision.mjs creates the topics and each service's ACLs.
source "$(dirname "$0")/lib.sh"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_DIR="${KAFKA_DIR:-$CACHE/kafka/node-$KAFKA_PORT}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
LIBS="$CACHE/kafka/libs"
POM="$ROOT/infra/kafka/pom.xml"
PID_FILE="$KAFKA_DIR/kafka.pid"
CREDENTIALS="$KAFKA_DIR/credentials.env"

install() {
  # The marker names the pom's checksum, so changing the Kafka version re-resolves the jars.
  local marker="$LIBS/.resolved-$(cksum < "$POM" | cut -d' ' -f1)"
  [ -f "$marker" ] && return 0
  ensure_java
  log "resolving Apache Kafka from Maven Central (first run only)"
  rm -rf "$LIBS"
  mkdir -p "$CACHE/kafka"
  mvn -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS" > "$CACHE/kafka/maven.log" 2>&1 ||
    { tail -n 20 "$CACHE/kafka/maven.log" >&2; die "could not resolve Kafka's jars with Maven (is Maven Central reachable?)"; }
  touch "$marker"
}

# A random password per user, in the broker's own folder (git-ignored, readable by this user only).
make_credentials() {
  local user
  # One user per service with a Kafka user in services.json (KAFKA_USERS, from lib.sh), and the admin.
  for user in admin "${KAFKA_USERS[@]}"; do
    echo "QORGAU_KAFKA_PASSWORD_${user^^}=$(LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32)"
  done > "$CREDENTIALS"
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

JAVA_ARGS=(-Xms256m "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true
  "-Dkafka.logs.dir=$KAFKA_DIR/logs" "-Dlog4j2.configurationFile=$ROOT/infra/kafka/log4j2.yaml" -cp "$LIBS/*")

start() {
  install
  if running; then
    log "Kafka already running on 127.0.0.1:$KAFKA_PORT (pid $(cat "$PID_FILE"))"
    return 0
  fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another program; set KAFKA_PORT to use another"
  mkdir -p "$KAFKA_DIR/logs"
  if [ ! -f "$CREDENTIALS" ]; then
    # Storage formatted before the broker asked for credentials has no users: start it afresh.
    [ -f "$KAFKA_DIR/data/meta.properties" ] && { log "the broker in $KAFKA_DIR predates authentication: its (local) data is reset"; rm -rf "$KAFKA_DIR/data"; }
    (umask 077 && make_credentials)
  fi
  # shellcheck disable=SC1090
  source "$CREDENTIALS"
  (
    umask 077
    sed -e "s#127.0.0.1:9092#127.0.0.1:$KAFKA_PORT#g" -e "s#127.0.0.1:9093#127.0.0.1:$KAFKA_CONTROLLER_PORT#g" \
      "$ROOT/infra/kafka/server.properties" > "$KAFKA_DIR/server.properties"
    echo "log.dirs=$KAFKA_DIR/data" >> "$KAFKA_DIR/server.properties"
    echo "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$QORGAU_KAFKA_PASSWORD_ADMIN\";" >> "$KAFKA_DIR/server.properties"
  )
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    local cluster_id user variable
    local scram=()
    for user in admin "${KAFKA_USERS[@]}"; do
      variable="QORGAU_KAFKA_PASSWORD_${user^^}"
      scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=${!variable}]")
    done
    cluster_id="$(java "${JAVA_ARGS[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    java "${JAVA_ARGS[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_DIR/server.properties" "${scram[@]}" >/dev/null ||
      die "could not format Kafka's storage in $KAFKA_DIR/data"
  fi
  log "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  nohup java "${JAVA_ARGS[@]}" kafka.Kafka "$KAFKA_DIR/server.properties" > "$KAFKA_DIR/logs/stdout.log" 2>&1 &
  echo $! > "$PID_FILE"
  local i
  for ((i = 0; i < 300; i++)); do
    if grep -q 'Kafka Server started' "$KAFKA_DIR/logs/server.log" 2>/dev/null && port_open "$KAFKA_PORT"; then
      log "Kafka is up on 127.0.0.1:$KAFKA_PORT"
      KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" QORGAU_KAFKA_PASSWORD_ADMIN="$QORGAU_KAFKA_PASSWORD_ADMIN" node "$ROOT/tools/kafka/provision.mjs"
      return 0
    fi
    running || { tail -n 30 "$KAFKA_DIR/logs/stdout.log" >&2; die "Kafka exited during start-up (logs in $KAFKA_DIR/logs)"; }
    sleep 0.2
  done
  die "Kafka did not start within 60 s (logs in $KAFKA_DIR/logs)"
}

stop() {
  running || { rm -f "$PID_FILE"; return 0; }
  local pid i
  pid="$(cat "$PID_FILE")"
  log "stopping Kafka on 127.0.0.1:$KAFKA_PORT"
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

# A crash, for the fault trials (npm run faults): the broker killed with SIGKILL, no clean shutdown.
crash() {
  running || return 0
  local pid
  pid="$(cat "$PID_FILE")"
  log "killing Kafka (kill -9 $pid)"
  kill -9 "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  rm -f "$PID_FILE"
}

case "${1:-}" in
  -h | --help | help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  install) install ;;
  start) start ;;
  stop) stop ;;
  kill) crash ;;
  status) if running; then echo "running on 127.0.0.1:$KAFKA_PORT (pid $(cat "$PID_FILE"))"; else echo stopped; exit 1; fi ;;
  reset) stop; rm -rf "$KAFKA_DIR" ;;
  *) echo "usage: scripts/kafka.sh install|start|stop|kill|status|reset" >&2; exit 2 ;;
esac
