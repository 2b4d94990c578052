#!/usr/bin/env bash
# The local stack's one entry point: infrastructure (infra/local/infra.sh) plus the
# seven services, all on loopback, all state and logs under .stack/.
#   up [--instances N] [--with-elasticsearch]  install what is missing, start everything,
#           wait until healthy (idempotent); N processes of every service (default 1, kept
#           for later commands in .stack/instances; instance k of a service listens on its
#           port + 10*(k-1) and is named <service>-<k> from the second on); with the flag
#           also Elasticsearch and Filebeat shipping the services' logs (infra/local/elk.sh)
#   run     up, then follow the logs; Ctrl-C stops everything
#   down    stop services, then infrastructure
#   status  what runs where
#   restart <service>  rebuild and restart one service (the rest keep running)
#   stop <service> / start <service>  take one service (all its instances) or one
#           instance (e.g. post-2) away and bring it back, as the reliability specs do
#           (start does not rebuild)
#   verify-down  exit 1 if any process or port of the stack is left
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/node-env.sh
source "$ROOT/scripts/node-env.sh"
use_project_node
STATE="$ROOT/.stack"
LOGS="$STATE/logs"
PIDS="$STATE/pids"
INFRA="$ROOT/infra/local/infra.sh"
ELK="$ROOT/infra/local/elk.sh"
# Gateway last: its readiness includes every upstream.
SERVICES=(auth user blog post visitor subscribe gateway)
declare -A PORTS=([gateway]=3000 [auth]=3001 [user]=3002 [blog]=3003 [post]=3004 [visitor]=3005 [subscribe]=3006)
INFRA_PORTS=(54329 9092 9093 8083 4317 4318 16686 16685)
# Elasticsearch (HTTP, transport) and Filebeat's stats: only with --with-elasticsearch.
ELK_PORTS=(9200 9300 5066)
# Services export traces to the local Jaeger (infra.sh starts it). Set it empty to run
# without tracing: `OTEL_EXPORTER_OTLP_ENDPOINT= scripts/stack.sh up`.
export OTEL_EXPORTER_OTLP_ENDPOINT=${OTEL_EXPORTER_OTLP_ENDPOINT-http://127.0.0.1:4318}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-60}
STARTED_HERE=()

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

ensure_node_deps() {
  local stamp="$ROOT/node_modules/.package-lock.sha256" hash
  hash=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$hash" ]]; then
    log "installing npm packages"
    # npm install, not npm ci: with omit-lockfile-registry-resolved (set on these machines)
    # the lock lacks other platforms' optional packages (@swc/core-*) and npm ci refuses it.
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
    echo "$hash" >"$stamp"
  fi
}

build() {
  log "building (swc, then one bundle per service)"
  (cd "$ROOT" && npm run -s build)
}

pid_of() { [[ -f "$PIDS/$1.pid" ]] && cat "$PIDS/$1.pid"; }

# Instances: `post` is the first, `post-2` the second... Their count is set by `up
# --instances N` and remembered in .stack/instances, so start, stop and status of a later
# command see the same set.
INSTANCES_FILE="$STATE/instances"
instance_count() { cat "$INSTANCES_FILE" 2>/dev/null || echo 1; }
service_of() { echo "${1%-[0-9]*}"; }
ordinal_of() { [[ $1 =~ -([0-9]+)$ ]] && echo "${BASH_REMATCH[1]}" || echo 1; }
port_of() { echo $((PORTS[$(service_of "$1")] + 10 * ($(ordinal_of "$1") - 1))); }
instances_of() {
  local svc=$1 k
  echo "$svc"
  for ((k = 2; k <= $(instance_count); k++)); do echo "$svc-$k"; done
}
# What a gateway calls an upstream: each of its instances, comma-separated.
upstream_urls() {
  local instance urls=()
  for instance in $(instances_of "$1"); do urls+=("http://127.0.0.1:$(port_of "$instance")"); done
  (IFS=,; echo "${urls[*]}")
}
is_running() { local pid; pid=$(pid_of "$1") && kill -0 "$pid" 2>/dev/null; }

# auth signs tokens with this key; specs mint tokens with it too. Locally generated,
# git-ignored; docker compose and production mount their own.
ensure_signing_key() {
  local key="$STATE/keys/auth-signing.pem"
  [[ -s "$key" ]] && return
  mkdir -p "$STATE/keys"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
  chmod 600 "$key"
  log "generated the auth signing key ($key)"
}

start_service() {
  local instance
  for instance in $(instances_of "$1"); do start_instance "$instance"; done
}

start_instance() {
  local instance=$1 svc
  svc=$(service_of "$1")
  if is_running "$instance"; then
    log "$instance already running (pid $(pid_of "$instance"))"
    return
  fi
  # setsid: the service must not die with this script's terminal or process group.
  local env=("SERVICE_VERSION=$(node -p "require('$ROOT/package.json').version")" "PORT=$(port_of "$instance")") node_args=() boot_args=() upstream
  [[ $svc == auth ]] && env+=("AUTH_SIGNING_KEY_FILE=$STATE/keys/auth-signing.pem")
  # Every local client (and every e2e spec) is 127.0.0.1: the production default of 20
  # credential calls a minute per address would throttle the test suite itself.
  [[ $svc == gateway ]] && env+=("AUTH_RATE_LIMIT_MAX=${AUTH_RATE_LIMIT_MAX:-600}")
  if [[ $svc == gateway ]]; then
    for upstream in "${SERVICES[@]}"; do
      [[ $upstream == gateway ]] || env+=("${upstream^^}_URL=$(upstream_urls "$upstream")")
    done
  fi
  # glibc gives each thread that mallocs (libuv pool, V8 compiler and GC workers) an arena
  # of its own and seldom returns it: two keep ~20-35 MB less resident per service after
  # load, the same at rest (bench/RESULTS.md, footprint). MALLOC_ARENA_MAX= keeps glibc's.
  # Specs and benchmarks that start a service of their own pass the same values
  # (SERVICE_MALLOC_ENV in libs/testing).
  local arenas=${MALLOC_ARENA_MAX-2}
  [[ -n $arenas ]] && env+=("MALLOC_ARENA_MAX=$arenas")
  # A fixed mmap threshold: glibc otherwise raises it to the largest block freed (the
  # bundle read at boot, up to 32 MB), and later big blocks then fragment the heap for
  # good. At 128 KiB they are unmapped when freed: ~30-60 MB less resident per service at
  # rest (bench/RESULTS.md, footprint). MALLOC_MMAP_THRESHOLD_= keeps glibc's (an empty
  # value would read as 0, every block its own mapping, so it is dropped instead).
  local mmap_threshold=${MALLOC_MMAP_THRESHOLD_-131072}
  if [[ -n $mmap_threshold ]]; then env+=("MALLOC_MMAP_THRESHOLD_=$mmap_threshold"); else env=(-u MALLOC_MMAP_THRESHOLD_ "${env[@]}"); fi
  # Each service runs from its bundle (bundle.config.mjs), through a V8 code cache once one
  # was written: about half the start of the unbundled build (bench/RESULTS.md, footprint).
  # Tracing runs first (it must patch pg, http, fastify before they load), and only when a
  # trace store is configured (docs/tracing.md).
  [[ -n ${OTEL_EXPORTER_OTLP_ENDPOINT:-} ]] && boot_args+=(--tracing)
  # Extra node flags for profiling one service, e.g. STACK_NODE_ARGS="--cpu-prof
  # --cpu-prof-dir=/tmp/prof" bash scripts/stack.sh restart auth (docs/operating.md).
  [[ -n ${STACK_NODE_ARGS:-} ]] && read -ra node_args <<<"$STACK_NODE_ARGS"
  env "${env[@]}" setsid nohup node "${node_args[@]}" "$ROOT/dist/bundle/boot.js" "${boot_args[@]}" "$svc" \
    >>"$LOGS/$instance.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$instance.pid"
  STARTED_HERE+=("$instance")
}

wait_ready() {
  local instance
  for instance in $(instances_or_one "$1"); do wait_instance_ready "$instance"; done
}

# A service name means all its instances; an instance name (post-2) means that one.
instances_or_one() { if [[ $1 == "$(service_of "$1")" ]]; then instances_of "$1"; else echo "$1"; fi; }

wait_instance_ready() {
  local instance=$1 url deadline=$((SECONDS + READY_TIMEOUT_S))
  url="http://127.0.0.1:$(port_of "$instance")/health/ready"
  until curl -fs -o /dev/null --max-time 3 "$url"; do
    is_running "$instance" || die "$instance exited during start-up; log: $LOGS/$instance.log
$(tail -n 20 "$LOGS/$instance.log")"
    ((SECONDS < deadline)) || die "$instance not ready after ${READY_TIMEOUT_S}s ($url); log: $LOGS/$instance.log
$(curl -sS --max-time 3 "$url" || true)"
    sleep 0.2
  done
}

stop_service() {
  local file
  [[ $1 == "$(service_of "$1")" ]] || { stop_instance "$1"; return; }
  # Every instance's pid file, also of instances beyond today's count.
  for file in "$PIDS/$1.pid" "$PIDS/$1"-[0-9]*.pid; do
    [[ -f $file ]] && stop_instance "$(basename "$file" .pid)"
  done
  return 0
}

stop_instance() {
  local svc=$1 pid
  pid=$(pid_of "$svc") || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "$svc ignored SIGTERM; killing"; kill -KILL "$pid"; }
    log "$svc stopped"
  fi
  rm -f "$PIDS/$svc.pid"
}

stop_services() {
  local svc
  for svc in "${SERVICES[@]}"; do stop_service "$svc"; done
}

on_interrupt() {
  log "interrupted: stopping what this run started"
  local instance
  for instance in "${STARTED_HERE[@]}"; do stop_instance "$instance"; done
  exit 130
}

up() {
  local started_at=$SECONDS svc with_elk=false instances=1
  while (($#)); do
    case $1 in
      --with-elasticsearch) with_elk=true ;;
      --instances)
        [[ ${2:-} =~ ^[1-9]$ ]] || die "--instances takes a number from 1 to 9"
        instances=$2
        shift
        ;;
      *) die "up takes --instances N and --with-elasticsearch" ;;
    esac
    shift
  done
  mkdir -p "$LOGS" "$PIDS"
  # Fewer instances than a running stack has: the extra ones stop before the count changes.
  if ((instances < $(instance_count))); then
    for svc in "${SERVICES[@]}"; do
      for ((k = instances + 1; k <= $(instance_count); k++)); do stop_instance "$svc-$k"; done
    done
  fi
  echo "$instances" >"$INSTANCES_FILE"
  ensure_node_deps
  ensure_signing_key
  build
  trap on_interrupt INT TERM
  "$INFRA" up
  for svc in "${SERVICES[@]}"; do start_service "$svc"; done
  for svc in "${SERVICES[@]}"; do wait_ready "$svc"; done
  # Services create the outbox tables and publication at boot, so connectors come after
  # them; `connectors` registers and waits until every task is RUNNING.
  "$INFRA" connectors
  if $with_elk; then "$ELK" up; fi
  trap - INT TERM
  log "stack up in $((SECONDS - started_at))s; logs in $LOGS"
  log "gateway: http://127.0.0.1:${PORTS[gateway]}  (health: /health/ready)"
}

run() {
  up "$@"
  trap 'down; exit 0' INT TERM
  log "following logs; Ctrl-C stops the whole stack"
  tail -n 0 -F "$LOGS"/*.log &
  wait
}

down() {
  stop_services
  "$ELK" down
  "$INFRA" down
}

status() {
  local svc instance
  "$INFRA" status || true
  for svc in "${SERVICES[@]}"; do
    for instance in $(instances_of "$svc"); do
      if is_running "$instance"; then
        printf '%-12s running  pid %-7s port %s  log %s\n' "$instance" "$(pid_of "$instance")" "$(port_of "$instance")" "$LOGS/$instance.log"
      else
        printf '%-12s stopped\n' "$instance"
      fi
    done
  done
}

verify_down() {
  local leftovers=() file instance port service_ports=()
  for file in "$PIDS"/*.pid; do
    [[ -f $file ]] || continue
    instance=$(basename "$file" .pid)
    [[ -n ${PORTS[$(service_of "$instance")]:-} ]] || continue
    is_running "$instance" && leftovers+=("$instance pid $(pid_of "$instance")")
  done
  for instance in $(for svc in "${SERVICES[@]}"; do instances_of "$svc"; done); do
    service_ports+=("$(port_of "$instance")")
  done
  for port in "${service_ports[@]}" "${INFRA_PORTS[@]}" "${ELK_PORTS[@]}"; do
    ss -ltnH "sport = :$port" | grep -q . && leftovers+=("port $port in use")
  done
  pgrep -f "$STATE/" >/dev/null && leftovers+=("processes using $STATE: $(pgrep -f "$STATE/" | tr '\n' ' ')")
  if ((${#leftovers[@]})); then
    printf '[stack] left behind: %s\n' "${leftovers[@]}" >&2
    return 1
  fi
  log "nothing left running"
}

restart() {
  local svc=${1:-}
  [[ -n "$svc" && -n "${PORTS[$(service_of "$svc")]:-}" ]] || die "restart takes one of: ${SERVICES[*]}"
  ensure_signing_key
  build
  stop_service "$svc"
  start_some "$svc"
  wait_ready "$svc"
  log "$svc restarted (pid $(pid_of "$svc"))"
}

# A service (all its instances) or one instance.
start_some() { if [[ $1 == "$(service_of "$1")" ]]; then start_service "$1"; else start_instance "$1"; fi; }

one_service() {
  [[ -n ${1:-} && -n "${PORTS[$(service_of "$1")]:-}" ]] || die "$2 takes one of: ${SERVICES[*]} (or an instance: post-2)"
  [[ $1 == "$(service_of "$1")" || $(ordinal_of "$1") -le $(instance_count) ]] || die "$1: the stack has $(instance_count) instance(s)"
}

case "${1:-}" in
  up) shift && up "$@" ;;
  stop) one_service "${2:-}" stop && stop_service "$2" ;;
  start) one_service "${2:-}" start && ensure_signing_key && start_some "$2" && wait_ready "$2" && log "$2 started" ;;
  restart) restart "${2:-}" ;;
  run) shift && run "$@" ;;
  down) down ;;
  status) status ;;
  deps) ensure_node_deps ;;
  verify-down) verify_down ;;
  *) echo "usage: $0 up|run|down|status|restart|stop|start <service>|deps|verify-down" >&2; exit 2 ;;
esac
