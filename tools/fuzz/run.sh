#!/usr/bin/env bash
# External fuzzing: schemathesis (pinned, from PyPI) generates requests from docs/openapi.json
# and sends them to a running API with a valid token of each role, checking that no answer is
# a 5xx and that every answer's status, content type and body are the ones documented.
#
#   npm run fuzz                          # FUZZ_MAX_EXAMPLES=25 per operation, seed 8
#   FUZZ_MAX_EXAMPLES=100 FUZZ_SEED=1 npm run fuzz
#   FUZZ_ROLES="referrer auditor" npm run fuzz
#
# The platform runs on a database of its own (made here, dropped at the end) with its own Kafka
# topic and Temporal task queue, so nothing the fuzzer writes reaches the demo or another run:
# API, worker (so lifecycle commands reach a workflow), relay and projector (so a referral can
# be read back). It is seeded with the demo hubs, their published policies and the sample
# referrals; the fuzzer's hub and referral ids are those, so requests get past "not found".
# Prints per role the operations and requests checked and the failures; exits 1 on any failure.
# Stops what it started; stack services that were already running keep running.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

SCHEMATHESIS_VERSION=4.32.5
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-25}"
SEED="${FUZZ_SEED:-8}"
# Schemathesis threads; above 1 its generator (hypothesis) fails now and then on a race of its own.
WORKERS="${FUZZ_WORKERS:-1}"
PHASES="${FUZZ_PHASES:-examples,coverage,fuzzing,stateful}"
# Each role is fuzzed on the operations it may call (and the public ones); FUZZ_FORBIDDEN=1 adds
# the others, which answer 403 to anything.
FORBIDDEN="${FUZZ_FORBIDDEN:-0}"
ROLES="${FUZZ_ROLES:-referrer practitioner hub-manager national-analyst operations auditor}"
# One role's run is cut off after this many seconds (a hang is a failure, not a wait).
ROLE_TIMEOUT="${FUZZ_ROLE_TIMEOUT:-300}"
OUT="$repo/test-results/fuzz"
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance

# Like tools/stack: as root the cache is the system's, else the user's.
if [ "$(id -u)" = 0 ]; then CACHE="${MASH_FUZZ_CACHE:-/var/cache/mash-fuzz}"; else CACHE="${MASH_FUZZ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mash-fuzz}"; fi
VENV="$CACHE/venv-schemathesis-$SCHEMATHESIS_VERSION"

log() { printf '[fuzz] %s\n' "$*" >&2; }

install_schemathesis() {
  # The marker is written last: an interrupted install is redone, never half-used; so is a venv
  # whose Python has gone (a venv points at the interpreter that made it).
  [ -f "$VENV/.installed" ] && "$VENV/bin/python" -c '' 2>/dev/null && return
  command -v python3 >/dev/null || { log "python3 (with its venv module) is needed to install schemathesis"; exit 1; }
  log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  rm -rf "$VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  touch "$VENV/.installed"
}

pids=()
fuzz_db=""
stack_started=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  [ -z "$fuzz_db" ] || node dist/tools/fuzz/fuzz-database.js drop "$fuzz_db" || log "could not drop $fuzz_db"
  # The addresses exported below would make tools/stack take its own services for external ones.
  for s in "${stack_started[@]}"; do env -u DATABASE_URL -u KAFKA_BROKERS -u TEMPORAL_ADDRESS bash tools/stack/stack.sh stop "$s" || true; done
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_schemathesis
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.ndjson

# Local services not running now are started here, and stopped again at the end; one with an
# external address (DATABASE_URL, ...) is never started nor stopped by tools/stack.
stack_status="$(bash tools/stack/stack.sh status 2>/dev/null || true)"
for pair in postgres:DATABASE_URL kafka:KAFKA_BROKERS temporal:TEMPORAL_ADDRESS; do
  service="${pair%%:*}" address="${pair#*:}"
  [ -z "${!address:-}" ] || continue
  grep -qE "^$service +up" <<<"$stack_status" || stack_started+=("$service")
done
bash tools/stack/stack.sh up
eval "$(bash tools/stack/stack.sh env)"
[ "${FUZZ_SKIP_BUILD:-}" = 1 ] || npm run --silent build

fuzz_db="$(node dist/tools/fuzz/fuzz-database.js create)"
run_id="fuzz-$(date +%s)-$$"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
api="http://127.0.0.1:$port"
export DATABASE_URL="$fuzz_db" HTTP_PORT="$port" API_URL="$api" LOG_LEVEL="${FUZZ_LOG_LEVEL:-warn}"
export KAFKA_REFERRAL_TOPIC="mash.$run_id.referral-events.v1" TEMPORAL_TASK_QUEUE="$run_id"
apps=(api worker relay projector)
for app in "${apps[@]}"; do
  node "dist/apps/$app/src/main.js" >"$OUT/$app.log" 2>&1 &
  pids+=($!)
done
# An app that died (a stack service stopped under it, a crash) would turn the rest of the run
# into timeouts: say which and stop.
apps_alive() {
  local i
  for i in "${!pids[@]}"; do
    kill -0 "${pids[$i]}" 2>/dev/null && continue
    log "${apps[$i]} has stopped; the end of $OUT/${apps[$i]}.log:"
    tail -n 20 "$OUT/${apps[$i]}.log" >&2
    return 1
  done
}

log "seeding the demo hubs, policies and sample referrals through $api"
node dist/tools/seed/seed-demo.js >"$OUT/seed.log" 2>&1 || { cat "$OUT/seed.log" >&2; exit 1; }
referral_id="$(sed -n 's/^sample referral demo-referral-1: \([0-9a-f-]*\) .*/\1/p' "$OUT/seed.log")"
[ -n "$referral_id" ] || { log "no referral id in the seed output"; cat "$OUT/seed.log" >&2; exit 1; }

token() { node dist/tools/mint-token.js --sub "$1" --hub northshire --hub exampleshire-mash --agency "$2" --role "$3" --ttl 2h; }
# The referrer is the one who submitted the first sample referral, so its own reads and
# challenge are in scope; the hub manager is the demo hub's accountable manager.
role_token() {
  case "$1" in
    referrer) token demo-education-referrer education referrer ;;
    practitioner) token fuzz-practitioner social-care practitioner ;;
    hub-manager) token northshire-accountable-manager social-care hub-manager ;;
    *) token "fuzz-$1" social-care "$1" ;;
  esac
}

# The referral is read back once the projector has it, so GETs find it.
practitioner="$(role_token practitioner)"
projected=""
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$api/v1/referrals/$referral_id" -H "authorization: Bearer $practitioner")" = 200 ] && { projected=1; break; }
  sleep 0.5
done
[ -n "$projected" ] || log "referral $referral_id not projected after 60 s: its reads will answer 404 (see $OUT/projector.log)"

export FUZZ_HUB_ID=northshire FUZZ_REFERRAL_ID="$referral_id"
log "fuzzing $api with up to $MAX_EXAMPLES examples per operation (seed $SEED), referral $referral_id"
status=0
summary=()
for role in $ROLES; do
  apps_alive || { status=1; break; }
  # Read by schemathesis.toml: on the command line the token would show in the process list.
  FUZZ_BEARER="$(role_token "$role")"
  export FUZZ_BEARER
  include=()
  if [ "$FORBIDDEN" != 1 ]; then
    ids="$(node dist/tools/fuzz/role-operations.js docs/openapi.json "$role")"
    for id in $ids; do include+=(--include-operation-id "$id"); done
  fi
  set +e
  timeout --kill-after=10 "$ROLE_TIMEOUT" "$VENV/bin/schemathesis" --config-file tools/fuzz/schemathesis.toml run docs/openapi.json \
    --url "$api" "${include[@]}" \
    --checks "$CHECKS" --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers "$WORKERS" --phases "$PHASES" \
    --report ndjson --report-ndjson-path "$OUT/$role.ndjson" --no-color >"$OUT/$role.log" 2>&1
  rc=$?
  set -e
  # 124/137: cut off by the timeout.
  [ "$rc" = 0 ] || { status=1; tail -n 80 "$OUT/$role.log" >&2; log "$role: schemathesis exited $rc"; }
  summary+=("$(node dist/tools/fuzz/fuzz-summary.js "$role" "$OUT/$role.ndjson")") || status=1
done
apps_alive || status=1
printf '%s\n' "${summary[@]}"
[ "$status" = 0 ] && echo "fuzz: passed for every role" || echo "fuzz: FAILED (logs in $OUT)"
exit "$status"
