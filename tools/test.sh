#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs dependencies, brings up the local stack
# (PostgreSQL, Kafka, Temporal; skipped where external addresses are set), builds, then runs
# the unit tests (no server, in parallel) and the integration and end-to-end tests (real
# servers, one file at a time because some stop and restart services), then a bounded run of
# the external fuzzer (schemathesis) against the API with a token of each role.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash tools/install-deps.sh
bash tools/stack/stack.sh up
# Temporal's time-skipping test server for the workflow tests, which start their own (cached).
bash tools/stack/stack.sh install test-server
eval "$(bash tools/stack/stack.sh env)"
npm run --silent build
# The tests too: ts-jest compiles each file alone (isolatedModules) and does not type-check it.
npm run --silent typecheck

mkdir -p test-results
status=0
npx jest --selectProjects unit --json --outputFile=test-results/unit.json "$@" || status=$?
# --forceExit: after a broker or server restart, a client library can keep a reconnect timer
# alive past the last test, and jest would then wait forever instead of reporting. Known
# leak, tracked in the closing note of the foundation issue; the results are already final.
npx jest --selectProjects integration --runInBand --forceExit --json --outputFile=test-results/integration.json "$@" || status=$?
# External fuzzing of the API against its OpenAPI document, one run per role (tools/fuzz/run.sh),
# bounded to 10 examples per operation (about 2 to 3 minutes) and cut off if it ever hangs.
# Not when jest was given arguments: that is a developer running a few files.
if [ $# -eq 0 ]; then
  FUZZ_SKIP_BUILD=1 FUZZ_MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-10}" FUZZ_ROLE_TIMEOUT=180 \
    timeout --kill-after=30 600 bash tools/fuzz/run.sh || status=$?
fi

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["unit", "integration"]) {
    const p = `test-results/${f}.json`;
    if (!fs.existsSync(p)) { failed += 1; continue; }
    const r = JSON.parse(fs.readFileSync(p, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
exit "$status"
