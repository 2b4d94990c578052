#!/usr/bin/env bash
# The one test command (npm test): static checks, unit tests, then the integration and
# end-to-end tiers against one real local stack started for the whole run. A stack this
# script started is stopped at the end, and the run fails if anything is left behind.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# Typecheck, lint, Vitest and every process the specs start run on the project's Node.
# shellcheck source=scripts/node-env.sh
source "$ROOT/scripts/node-env.sh"
use_project_node
STACK="$ROOT/scripts/stack.sh"
RESULTS="$ROOT/.stack/test-results.json"

step() { printf '\n== %s\n' "$*"; }

# The container tier (test/container) runs the services from the image in place of the
# stack's own and removes its containers when it ends; one still running (a run killed
# mid-spec) would hold a service's port and outlive the stack. Fails the run, and removes
# them so the next one starts clean.
verify_no_tier_containers() {
  command -v podman >/dev/null || return 0
  local podman=(podman --cgroup-manager=cgroupfs --runtime runc) left
  left=$("${podman[@]}" ps --filter label=blog.test-tier=container --format '{{.Names}}') || return 1
  [[ -z $left ]] && return 0
  printf '[test] container tier left running (removing): %s\n' "$(tr '\n' ' ' <<<"$left")" >&2
  # shellcheck disable=SC2086 # one container name per word
  "${podman[@]}" rm --force --time 5 $left >/dev/null || true
  return 1
}

stop_stack() {
  local rc=$?
  step "stopping the stack this run started"
  "$STACK" down || rc=1
  "$STACK" verify-down || rc=1
  verify_no_tier_containers || rc=1
  exit "$rc"
}

summary() {
  node -e '
    const r = require(process.argv[1]);
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
  ' "$RESULTS"
}

step "dependencies"
"$STACK" deps
mkdir -p "$ROOT/.stack"

step "typecheck, lint, format, layering"
npm run -s typecheck
npm run -s lint

step "docker-compose.yml"
# There is no Docker engine here, but a compose client still validates the file. The
# docker CLI on these machines has no compose plugin; Debian's docker-compose (1.29) does
# the job, so install it when neither is present.
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
  echo "installing docker-compose (apt-get) to validate the file"
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose ||
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose; }; } \
    >"$ROOT/.stack/apt-compose.log" 2>&1 || { echo "could not install docker-compose (log: .stack/apt-compose.log)"; exit 1; }
fi
if docker compose version >/dev/null 2>&1; then
  POSTGRES_PASSWORD=validate-only docker compose -f docker-compose.yml config -q
else
  POSTGRES_PASSWORD=validate-only docker-compose -f docker-compose.yml config -q
fi
echo "valid"

if [[ -z "${CI:-}" ]] && "$STACK" status 2>/dev/null | grep -q '^gateway *running'; then
  step "reusing the running stack (left running afterwards)"
else
  trap stop_stack EXIT
fi
step "starting the local stack"
"$STACK" up

step "unit, integration and end-to-end tests"
npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS" "$@" || { summary; exit 1; }
summary

# Scale-out is a supported mode, so the end-to-end tier also runs against two instances
# of every service behind the gateway's balancer. A run given a filter ran what it asked.
if (($# == 0)); then
  step "end-to-end tests with two instances of every service"
  "$STACK" up --instances 2
  RESULTS="$ROOT/.stack/test-results-two-instances.json"
  npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$RESULTS" ||
    { summary; exit 1; }
  summary
  "$STACK" up --instances 1
fi
