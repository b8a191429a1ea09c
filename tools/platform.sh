#!/usr/bin/env bash
# Runs the whole platform on this machine: the local stack (installed on first use), the
# database schema, every app (api, worker, relay, projector) and the demo data. Ctrl-C stops
# the apps; the stack keeps running until `npm run stack -- down`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash tools/install-deps.sh
bash tools/stack/stack.sh up
eval "$(bash tools/stack/stack.sh env)"
npm run --silent build
node dist/libs/database/src/migrate.js >/dev/null

export HTTP_PORT="${HTTP_PORT:-3000}"
echo "[platform] API on http://127.0.0.1:$HTTP_PORT (OpenAPI at /docs), Temporal UI on http://127.0.0.1:${MASH_TEMPORAL_UI_PORT:-58233}"
exec npx concurrently --kill-others-on-fail --prefix-colors auto \
  --names api,worker,relay,projector,seed \
  "node dist/apps/api/src/main.js" \
  "node dist/apps/worker/src/main.js" \
  "node dist/apps/relay/src/main.js" \
  "node dist/apps/projector/src/main.js" \
  "node dist/tools/seed/seed-demo.js"
