#!/usr/bin/env bash
# A local trace viewer: Zipkin's server, from Maven Central like Kafka, on loopback, spans in memory.
#   scripts/traces.sh start|stop|status      (QORGAU_TRACES=1 npm start starts it with the platform)
# Environment: ZIPKIN_PORT (9411). The services send their spans to
# http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans (OTEL_EXPORTER_ZIPKIN_ENDPOINT); open the port in a browser
# to follow one hotline call from the HTTP request through Kafka to the national view.
source "$(dirname "$0")/lib.sh"
help_if_asked "$@"

ZIPKIN_VERSION=3.5.1
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
ZIPKIN_JAR="$CACHE/zipkin/zipkin-server-$ZIPKIN_VERSION-exec.jar"
PID_FILE="$CACHE/zipkin/zipkin-$ZIPKIN_PORT.pid"

install() {
  [ -f "$ZIPKIN_JAR" ] && return 0
  ensure_java
  log "resolving Zipkin's server from Maven Central (first run only)"
  mkdir -p "$CACHE/zipkin"
  mvn -B -q dependency:copy "-Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" "-DoutputDirectory=$CACHE/zipkin" > "$CACHE/zipkin/maven.log" 2>&1 ||
    { tail -n 20 "$CACHE/zipkin/maven.log" >&2; die "could not resolve Zipkin's server with Maven (is Maven Central reachable?)"; }
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

start() {
  install
  if running; then log "zipkin already running on http://127.0.0.1:$ZIPKIN_PORT"; return 0; fi
  port_open "$ZIPKIN_PORT" && die "port $ZIPKIN_PORT is taken by another program; set ZIPKIN_PORT"
  log "starting zipkin on http://127.0.0.1:$ZIPKIN_PORT"
  # Loopback only: traces name routes and ids, and nobody else on the network needs them.
  nohup java -Xmx256m -jar "$ZIPKIN_JAR" "--armeria.ports[0].port=$ZIPKIN_PORT" "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].protocols=http" \
    > "$CACHE/zipkin/zipkin-$ZIPKIN_PORT.log" 2>&1 &
  echo $! > "$PID_FILE"
  wait_http "http://127.0.0.1:$ZIPKIN_PORT/health" 90 || { tail -n 20 "$CACHE/zipkin/zipkin-$ZIPKIN_PORT.log" >&2; die "zipkin did not start"; }
}

stop() {
  running || return 0
  kill "$(cat "$PID_FILE")" 2>/dev/null || true
  rm -f "$PID_FILE"
  log "stopped zipkin"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on http://127.0.0.1:$ZIPKIN_PORT"; else echo stopped; fi ;;
  *) echo "usage: scripts/traces.sh start|stop|status" >&2; exit 2 ;;
esac
