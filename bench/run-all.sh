#!/usr/bin/env bash
# One command for every benchmark of issue 6: builds once (swc → dist/), then runs them in
# sequence and appends each one's tables to bench/RESULTS.md (see bench/README.md).
#   bash bench/run-all.sh [--quick] [--only throughput,gateway] [--throughput-seconds 60] [--no-record]
# Needs the local stack up (bash scripts/stack.sh up); never stops or restarts any of it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
npm run -s build
exec node dist/bench/run-all.js "$@"
