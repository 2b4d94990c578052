#!/usr/bin/env bash
# Local infrastructure without Docker: PostgreSQL 15 (Debian package), Kafka 4
# in KRaft mode and Kafka Connect with the Debezium Postgres connector (jars
# from Maven Central), and Jaeger v2 as the trace store (built from the Go
# module proxy), all on loopback ports, all state under $ROOT/.stack.
#
#   infra.sh up               start what is not running yet (idempotent)
#   infra.sh down             stop Jaeger, Connect, Kafka, Postgres (safe when stopped)
#   infra.sh status           one line per piece, plus connector states
#   infra.sh connectors       register the outbox connectors, wait until RUNNING
#   infra.sh wait-connectors  only wait until every connector/task is RUNNING
#   infra.sh stop <piece>     stop one of postgres|kafka|connect|jaeger (fault tests)
#   infra.sh kafka <tool> …   Kafka's own CLI tools on the stack's jars and broker:
#                             consumer-groups, topics (e.g. kafka consumer-groups --list)
#
# Environment: INFRA_TIMEOUT_{POSTGRES,KAFKA,CONNECT,JAEGER,CONNECTORS} (seconds),
# JAEGER_MAX_TRACES (traces Jaeger keeps in memory, default 20000).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK=$ROOT/.stack
LOGS=$STACK/logs
PIDS=$STACK/pids
# shellcheck source=infra/local/pieces.sh
source "$SCRIPT_DIR/pieces.sh"
CACHE=$STACK/cache

PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT=54329
PG_DIR=$STACK/pg
PG_DATA=$PG_DIR/data
PG_SOCKET=$PG_DIR/run
KAFKA_PORT=9092
CONTROLLER_PORT=9093
KAFKA_DIR=$STACK/kafka
CONNECT_PORT=8083
CONNECT_DIR=$STACK/connect
CONNECT_URL=http://127.0.0.1:$CONNECT_PORT
KAFKA_LIBS=$CACHE/kafka-libs
DBZ_PLUGINS=$CACHE/debezium-plugins
JAEGER_MODULE=$SCRIPT_DIR/jaeger # go.mod pins the Jaeger version; config.yaml
JAEGER_CACHE=$CACHE/jaeger       # <hash of go.mod + go.sum>/jaeger
JAEGER_OTLP_GRPC_PORT=4317
JAEGER_OTLP_HTTP_PORT=4318
JAEGER_QUERY_PORT=16686
JAEGER_QUERY_GRPC_PORT=16685
JAEGER_QUERY_URL=http://127.0.0.1:$JAEGER_QUERY_PORT

SERVICE_DBS=(gateway auth user blog post visitor subscribe)
CDC_SERVICES=(auth user blog post visitor subscribe) # services that own an outbox
PIECES=(postgres kafka connect jaeger)               # start order

STARTED=() # pieces started by this run of `up`, stopped again if it fails
JAEGER_BUILD_PID="" # a first Jaeger build running in the background during `up`

log() { printf '[infra] %s\n' "$*"; }
die() { printf 'infra: %s\n' "$*" >&2; exit 1; }
log_of() { printf '%s/%s.log' "$LOGS" "$1"; }

# Names the piece and its log, shows the log's tail, exits non-zero.
fail_piece() {
  local piece=$1 msg=$2 logfile
  logfile=$(log_of "$piece")
  if [[ -s $logfile ]]; then
    printf -- '--- last lines of %s ---\n' "$logfile" >&2
    tail -n 25 "$logfile" >&2
  fi
  die "$piece: $msg (log: $logfile)"
}

ports_of() {
  case $1 in
    postgres) echo "$PG_PORT" ;;
    kafka) echo "$KAFKA_PORT $CONTROLLER_PORT" ;;
    connect) echo "$CONNECT_PORT" ;;
    jaeger) echo "$JAEGER_OTLP_GRPC_PORT $JAEGER_OTLP_HTTP_PORT $JAEGER_QUERY_PORT $JAEGER_QUERY_GRPC_PORT" ;;
  esac
}

ensure_cmd() { # <command> <debian package>
  command -v "$1" >/dev/null && return 0
  log "installing $2 (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >>"$LOGS/apt.log" 2>&1 ||
    { apt-get update -q >>"$LOGS/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >>"$LOGS/apt.log" 2>&1; } ||
    die "could not install $2 (log: $LOGS/apt.log)"
}

check_tools() {
  ensure_cmd curl curl
  ensure_cmd jq jq
  command -v java >/dev/null || die "java (17+) is required: apt-get install -y openjdk-17-jre-headless"
  command -v mvn >/dev/null || die "mvn is required: apt-get install -y maven"
  if [[ ! -x $PG_BIN/postgres ]]; then
    log "installing postgresql-15 (apt-get, takes a minute)"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15; } \
      >>"$LOGS/apt.log" 2>&1 || die "could not install postgresql-15 (log: $LOGS/apt.log)"
  fi
}

# ---------------------------------------------------------------- jars (cached)

# Runs `mvn <args>` only when <dir>/.stamp does not hold <pom>'s hash, so a
# second `up` costs nothing; Maven's ~/.m2 is the download cache.
resolve_once() {
  local what=$1 pom=$2 dir=$3
  shift 3
  local hash
  hash=$(sha256sum "$pom" | cut -d' ' -f1)
  [[ -f $dir/.stamp && $(<"$dir/.stamp") == "$hash" ]] && return 0
  log "resolving $what from Maven Central (log: $LOGS/maven.log)"
  rm -rf "$dir"
  mvn -B -q -Dstyle.color=never -f "$pom" "$@" >>"$LOGS/maven.log" 2>&1 ||
    { rm -rf "$dir"; fail_piece maven "could not resolve $what"; }
  echo "$hash" >"$dir/.stamp"
}

ensure_jars() {
  resolve_once "Kafka jars" "$SCRIPT_DIR/kafka/pom.xml" "$KAFKA_LIBS" \
    dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$KAFKA_LIBS"
  resolve_once "Debezium Postgres plugin" "$SCRIPT_DIR/debezium/pom.xml" "$DBZ_PLUGINS" \
    dependency:unpack@plugin "-Ddebezium.plugin.dir=$DBZ_PLUGINS"
}

# Runs a Kafka CLI class in the foreground (short-lived JVM tuned to start fast).
KAFKA_TOOL=(java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
  "-Dlog4j2.configurationFile=$SCRIPT_DIR/log4j2.properties" -Dblog.log.level=WARN
  -cp "$KAFKA_LIBS/*")
kafka_tool() { "${KAFKA_TOOL[@]}" "$@"; }

# Starts a long-running JVM in its own session (Ctrl-C on `up` does not hit
# it; the trap stops it instead) and records its pid.
start_java() {
  local piece=$1 heap=$2
  shift 2
  rm -f "$PIDS/$piece.pid"
  # shellcheck disable=SC2016 # $$ and $0 belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDS/$piece.pid" \
    java -Xms256m "-Xmx$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$SCRIPT_DIR/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" "$@" </dev/null >>"$(log_of "$piece")" 2>&1 &
  STARTED+=("$piece")
  local deadline=$((SECONDS + 10))
  until [[ -s $PIDS/$piece.pid ]]; do
    ((SECONDS < deadline)) || fail_piece "$piece" "JVM did not start"
    sleep 0.05
  done
}

# ------------------------------------------------------------------- postgres

# initdb and the server run as `postgres`, which must reach .stack/pg.
ensure_traversable() {
  local dir=$1
  while [[ $dir != / ]]; do
    if ! runuser -u postgres -- test -x "$dir"; then
      log "chmod o+x $dir (so user postgres can reach $PG_DIR)"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

as_postgres() { runuser -u postgres -- "$@"; }

init_postgres() {
  [[ -s $PG_DATA/PG_VERSION ]] && return 0
  log "creating the Postgres cluster in $PG_DATA"
  mkdir -p "$PG_DIR"
  chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"
  ensure_traversable "$STACK"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >>"$(log_of postgres)" 2>&1 ||
    fail_piece postgres "initdb failed"
  # Trust, loopback only (the server listens on 127.0.0.1 alone); replication
  # lines let Debezium open its walsender connection.
  cat >"$PG_DATA/pg_hba.conf" <<'EOF'
# local project cluster: loopback only, no passwords (see infra/README.md)
local   all          all                 trust
host    all          all   127.0.0.1/32  trust
local   replication  all                 trust
host    replication  all   127.0.0.1/32  trust
EOF
  echo "include 'blog-local.conf'" >>"$PG_DATA/postgresql.conf"
  chown postgres:postgres "$PG_DATA/pg_hba.conf"
  reset_stale_kafka
}

# Connect keeps each connector's last LSN in Kafka. Those offsets belong to the
# cluster that was just replaced: against a new cluster Debezium would skip
# changes up to the old LSN. Start Kafka afresh instead.
reset_stale_kafka() {
  [[ -d $KAFKA_DIR ]] || return 0
  if live_pid kafka >/dev/null || live_pid connect >/dev/null; then
    die "new Postgres cluster but Kafka/Connect still run with offsets of the old one: run '$0 down' first"
  fi
  log "new Postgres cluster: removing old Kafka data (its CDC offsets pointed into the old cluster)"
  rm -rf "$KAFKA_DIR"
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; }
psql_pg() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

# postmaster.pid's first line is the server pid; mirror it where the other
# pieces keep theirs.
record_pg_pid() {
  [[ -s $PG_DATA/postmaster.pid ]] && head -n 1 "$PG_DATA/postmaster.pid" >"$PIDS/postgres.pid"
}

start_postgres() {
  local logfile deadline
  logfile=$(log_of postgres)
  init_postgres
  sed "s|@SOCKET_DIR@|$PG_SOCKET|" "$SCRIPT_DIR/postgresql.conf" >"$PG_DATA/blog-local.conf"
  mkdir -p "$PG_SOCKET"
  touch "$logfile"
  chown postgres:postgres "$PG_DATA/blog-local.conf" "$PG_SOCKET" "$logfile"
  log "starting postgres on 127.0.0.1:$PG_PORT"
  rm -f "$PIDS/postgres.pid"
  setsid runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$logfile" -W start >/dev/null ||
    fail_piece postgres "pg_ctl start failed"
  STARTED+=(postgres)
  deadline=$((SECONDS + 10))
  until record_pg_pid && live_pid postgres >/dev/null; do
    ((SECONDS < deadline)) || fail_piece postgres "server did not start"
    sleep 0.1
  done
  wait_healthy postgres "$(piece_timeout postgres)" pg_ready
}

# Role and databases for the services; idempotent.
provision_postgres() {
  local db
  psql_pg -d postgres -c "DO \$\$BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'blog') THEN
        CREATE ROLE blog LOGIN SUPERUSER REPLICATION;
      END IF; END\$\$;" || fail_piece postgres "could not create role blog"
  for db in "${SERVICE_DBS[@]}"; do
    if [[ -z $(psql_pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'blog_$db'") ]]; then
      psql_pg -d postgres -c "CREATE DATABASE blog_$db OWNER blog" ||
        fail_piece postgres "could not create database blog_$db"
    fi
  done
}

stop_postgres() {
  local pid
  pid=$(live_pid postgres) || { rm -f "$PIDS/postgres.pid"; return 0; }
  log "stopping postgres (pid $pid)"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -W stop >/dev/null 2>&1 || true
  wait_gone postgres "$pid" 60
  rm -f "$PIDS/postgres.pid"
}

# ---------------------------------------------------------------------- kafka

# Health = the broker answers a metadata request (describeCluster), not just a
# TCP connect. The cheap port check first spares a JVM start per early poll.
kafka_answers() {
  port_answers "$KAFKA_PORT" || return 1
  timeout 20 "${KAFKA_TOOL[@]}" org.apache.kafka.tools.ClusterTool cluster-id \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT"
}

start_kafka() {
  local data=$KAFKA_DIR/data props=$KAFKA_DIR/server.properties cluster_id
  mkdir -p "$KAFKA_DIR"
  sed "s|@KAFKA_DATA@|$data|" "$SCRIPT_DIR/server.properties" >"$props"
  if [[ ! -f $data/meta.properties ]]; then
    # Format once: a KRaft log dir needs a cluster id and the initial
    # controller (this node, --standalone) before the first start.
    cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid) ||
      fail_piece kafka "StorageTool random-uuid failed"
    log "formatting Kafka storage (cluster id $cluster_id)"
    kafka_tool kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$props" \
      >>"$(log_of kafka)" 2>&1 || fail_piece kafka "StorageTool format failed"
  fi
  log "starting kafka on 127.0.0.1:$KAFKA_PORT (controller $CONTROLLER_PORT)"
  start_java kafka 512m kafka.Kafka "$props"
  wait_healthy kafka "$(piece_timeout kafka)" kafka_answers
}

# SIGTERM makes both Kafka and Connect shut down cleanly.
stop_java() {
  local piece=$1 pid
  pid=$(live_pid "$piece") || { rm -f "$PIDS/$piece.pid"; return 0; }
  log "stopping $piece (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$piece" "$pid" 60
  rm -f "$PIDS/$piece.pid"
}

# -------------------------------------------------------------------- connect

# `GET /` answers as soon as the REST server is up; `/health` (Kafka 3.9+)
# answers 200 only once the worker has joined its group and read its config
# topic, i.e. when PUT /connectors/... will work. Probe both.
connect_ready() {
  curl -fsS -m 2 "$CONNECT_URL/" >/dev/null && curl -fsS -m 2 "$CONNECT_URL/health" >/dev/null
}

start_connect() {
  local props=$CONNECT_DIR/connect-distributed.properties
  mkdir -p "$CONNECT_DIR"
  sed "s|@PLUGIN_PATH@|$DBZ_PLUGINS|" "$SCRIPT_DIR/connect-distributed.properties" >"$props"
  log "starting kafka connect on $CONNECT_URL"
  start_java connect 512m org.apache.kafka.connect.cli.ConnectDistributed "$props"
  wait_healthy connect "$(piece_timeout connect)" connect_ready
}

# --------------------------------------------------------------------- jaeger

# Jaeger v2 from infra/local/jaeger/go.mod (the first build downloads ~1.3 GB of modules
# and takes minutes; Go's own caches make later builds cheap).
jaeger_binary() { go_tool_binary "$JAEGER_MODULE" "$JAEGER_CACHE" jaeger; }
ensure_jaeger_binary() {
  build_go_tool "$JAEGER_MODULE" "$JAEGER_CACHE" jaeger github.com/jaegertracing/jaeger/cmd/jaeger
}

# The query API answers only once storage and query are up; OTLP/HTTP is what the
# services export to.
jaeger_ready() {
  curl -fsS -m 2 "$JAEGER_QUERY_URL/api/services" >/dev/null 2>&1 && port_answers "$JAEGER_OTLP_HTTP_PORT"
}

start_jaeger() {
  local bin
  bin=$(jaeger_binary)
  log "starting jaeger (OTLP 127.0.0.1:$JAEGER_OTLP_HTTP_PORT, query $JAEGER_QUERY_URL)"
  rm -f "$PIDS/jaeger.pid"
  # shellcheck disable=SC2016 # $$ and $0 belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDS/jaeger.pid" \
    "$bin" --config "file:$JAEGER_MODULE/config.yaml" </dev/null >>"$(log_of jaeger)" 2>&1 &
  STARTED+=(jaeger)
  local deadline=$((SECONDS + 10))
  until [[ -s $PIDS/jaeger.pid ]]; do
    ((SECONDS < deadline)) || fail_piece jaeger "process did not start"
    sleep 0.05
  done
  wait_healthy jaeger "$(piece_timeout jaeger)" jaeger_ready
}

# ---------------------------------------------------------------- connectors

connector_names() { printf 'outbox-%s\n' "${CDC_SERVICES[@]}"; }

# Prints "<connector state> <task states...>" for one connector.
connector_states() {
  curl -fsS -m 5 "$CONNECT_URL/connectors/$1/status" 2>/dev/null |
    jq -r '[.connector.state] + [.tasks[].state] | join(" ")'
}

wait_connector() {
  local name=$1 deadline states
  deadline=$((SECONDS + ${INFRA_TIMEOUT_CONNECTORS:-90}))
  while :; do
    states=$(connector_states "$name" || true)
    # RUNNING connector with at least one task, every task RUNNING.
    if [[ $states =~ ^RUNNING( RUNNING)+$ ]]; then
      log "$name: RUNNING"
      return 0
    fi
    if [[ $states == *FAILED* ]] || ((SECONDS >= deadline)); then
      curl -sS -m 5 "$CONNECT_URL/connectors/$name/status" |
        jq -r '"connector: \(.connector.state) \(.connector.trace // "")",
               (.tasks[] | "task \(.id): \(.state)\n\(.trace // "")")' >&2 || true
      die "connector $name is not RUNNING (states: ${states:-none}; log: $(log_of connect))"
    fi
    sleep 0.5
  done
}

cmd_wait_connectors() {
  # Connect's /health answers 503 while its worker rejoins its group, as after a broker
  # restart: a live worker is waited for, only a missing one is an error.
  if ! piece_healthy connect; then
    { live_pid connect >/dev/null && settle connect; } ||
      die "connect: not running at $CONNECT_URL (start it with: $0 up)"
  fi
  local name
  for name in $(connector_names); do wait_connector "$name"; done
}

cmd_connectors() {
  connect_ready 2>/dev/null || die "connect: not running at $CONNECT_URL (start it with: $0 up)"
  CONNECT_URL=$CONNECT_URL DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_USER=blog DB_PASSWORD='' \
    DB_NAME_PREFIX=blog_ sh "$ROOT/infra/connectors/register.sh" "${CDC_SERVICES[@]}"
  cmd_wait_connectors
}

# ----------------------------------------------------------------- commands

# Our process is alive but its port does not answer: it is either still
# starting (a previous `up` was cut short) or shutting down. Wait until it
# answers (true) or exits (false: the caller starts a fresh one); never start
# a second copy next to a live one.
settle() {
  local piece=$1 timeout deadline
  timeout=$(piece_timeout "$piece")
  deadline=$((SECONDS + timeout))
  log "$piece (pid $(live_pid "$piece")) is alive but not answering yet: waiting"
  until piece_healthy "$piece"; do
    live_pid "$piece" >/dev/null || { rm -f "$PIDS/$piece.pid"; return 1; }
    ((SECONDS < deadline)) || fail_piece "$piece" "not healthy after ${timeout}s"
    sleep 0.5
  done
}

piece_timeout() {
  case $1 in
    postgres) echo "${INFRA_TIMEOUT_POSTGRES:-60}" ;;
    kafka) echo "${INFRA_TIMEOUT_KAFKA:-120}" ;;
    connect) echo "${INFRA_TIMEOUT_CONNECT:-180}" ;;
    jaeger) echo "${INFRA_TIMEOUT_JAEGER:-60}" ;;
  esac
}

# The real health probe of each piece.
piece_healthy() {
  case $1 in
    postgres) pg_ready ;;
    kafka) kafka_answers >/dev/null 2>&1 ;;
    connect) connect_ready 2>/dev/null ;;
    jaeger) jaeger_ready ;;
  esac
}

# Already running = pid file names a live process of this stack AND its port
# answers; then `up` leaves it alone. A port held by anything else is an error
# (never start a second copy next to it).
piece_running() {
  local piece=$1 port
  live_pid "$piece" >/dev/null || return 1
  for port in $(ports_of "$piece"); do port_answers "$port" || return 1; done
}

ensure_piece() {
  local piece=$1 port
  if [[ $piece == postgres ]]; then record_pg_pid 2>/dev/null || true; fi
  if piece_running "$piece"; then
    log "$piece already running (pid $(live_pid "$piece"))"
    return 0
  fi
  if live_pid "$piece" >/dev/null && settle "$piece"; then
    log "$piece is running (pid $(live_pid "$piece"))"
    return 0
  fi
  for port in $(ports_of "$piece"); do
    port_free "$port" || die "$piece: port $port is in use by another process ($(ss -Hltnp "sport = :$port" | head -n 1))"
  done
  "start_$piece"
}

# On failure or Ctrl-C, stop what this run started (newest first), so a
# broken `up` does not leave half a stack behind.
on_up_exit() {
  local rc=$1 i
  # A Jaeger build still running in the background goes with a failed `up`.
  if ((rc != 0)) && [[ -n $JAEGER_BUILD_PID ]]; then
    pkill -TERM -P "$JAEGER_BUILD_PID" 2>/dev/null || true
    kill -- "$JAEGER_BUILD_PID" 2>/dev/null || true
  fi
  ((rc != 0 && ${#STARTED[@]} > 0)) || return 0
  log "up did not complete: stopping what it started (${STARTED[*]})"
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    "stop_${STARTED[i]}" || true
  done
}

stop_connect() { stop_java connect; }
stop_kafka() { stop_java kafka; }
stop_jaeger() { stop_java jaeger; } # a Go process, but SIGTERM and the wait are the same

cmd_up() {
  local t0=$SECONDS
  mkdir -p "$LOGS" "$PIDS" "$CACHE"
  trap 'on_up_exit $?' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  check_tools
  ensure_jars
  # The first Jaeger build takes minutes: let it run while the other pieces start.
  if [[ ! -x $(jaeger_binary) ]]; then
    ensure_jaeger_binary &
    JAEGER_BUILD_PID=$!
  fi
  ensure_piece postgres
  provision_postgres
  ensure_piece kafka
  ensure_piece connect
  if [[ -n $JAEGER_BUILD_PID ]]; then
    wait "$JAEGER_BUILD_PID" || fail_piece jaeger-build "could not build Jaeger"
    JAEGER_BUILD_PID=""
  fi
  ensure_piece jaeger
  trap - EXIT INT TERM
  log "stack up in $((SECONDS - t0))s"
  log "postgres  postgres://blog@127.0.0.1:$PG_PORT/blog_<service>"
  log "kafka     127.0.0.1:$KAFKA_PORT"
  log "connect   $CONNECT_URL   (next: $0 connectors, once the services created their outbox)"
  log "jaeger    OTLP http://127.0.0.1:$JAEGER_OTLP_HTTP_PORT, grpc 127.0.0.1:$JAEGER_OTLP_GRPC_PORT; query $JAEGER_QUERY_URL"
}

cmd_down() {
  mkdir -p "$PIDS"
  stop_jaeger
  stop_connect
  stop_kafka
  record_pg_pid 2>/dev/null || true
  stop_postgres
  log "stack stopped"
}

cmd_status() {
  local piece pid state
  mkdir -p "$PIDS"
  record_pg_pid 2>/dev/null || true
  for piece in "${PIECES[@]}"; do
    if piece_running "$piece"; then
      state=running pid=$(live_pid "$piece")
    elif pid=$(live_pid "$piece"); then
      state=unhealthy # alive, port not answering: starting or stopping
    else
      state=stopped pid=-
    fi
    printf '%-9s %-9s pid=%-8s port=%-10s log=%s\n' \
      "$piece" "$state" "$pid" "$(ports_of "$piece" | tr ' ' ,)" "$(log_of "$piece")"
  done
  if connect_ready 2>/dev/null; then
    curl -fsS -m 5 "$CONNECT_URL/connectors?expand=status" |
      jq -r 'to_entries[] | "connector \(.key) \(.value.status.connector.state) tasks=\([.value.status.tasks[].state] | join(","))"'
  fi
}

# Kafka's CLI tools, as kafka-consumer-groups.sh / kafka-topics.sh would run them.
cmd_kafka() {
  local tool=${1:-}
  shift || true
  case $tool in
    consumer-groups) kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "$@" ;;
    topics) kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "$@" ;;
    *) die "kafka takes one of: consumer-groups, topics" ;;
  esac
}

# Stops one piece (fault-injection tests); `up` starts it again.
cmd_stop() {
  case $1 in
    postgres | kafka | connect | jaeger) "stop_$1" ;;
    *) die "stop takes one of: ${PIECES[*]}" ;;
  esac
}

main() {
  case ${1:-} in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    connectors) cmd_connectors ;;
    wait-connectors) cmd_wait_connectors ;;
    stop) cmd_stop "${2:-}" ;;
    kafka) shift && cmd_kafka "$@" ;;
    *) sed -n '2,17s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
}

main "$@"
