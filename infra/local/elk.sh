#!/usr/bin/env bash
# Optional log search for the local stack, without Docker: Elasticsearch 8.17.4 (Maven
# Central's minimal distribution) and Filebeat 7.17.29 (built from the Go module proxy),
# both on loopback, all state under $ROOT/.stack. Filebeat reads the services' ECS JSON
# lines from .stack/logs/<service>.log with the same configuration docker compose uses
# (infra/docker/filebeat/filebeat.yml), so the Kibana saved searches
# (infra/docker/kibana/saved-objects.ndjson) run unchanged against either.
#
#   elk.sh up                   start Elasticsearch, then Filebeat (idempotent)
#   elk.sh up elasticsearch     Elasticsearch only
#   elk.sh down                 stop Filebeat, then Elasticsearch (safe when stopped)
#   elk.sh status               one line per piece, plus the log indices
#   elk.sh stop <piece>         stop elasticsearch or filebeat
#   elk.sh build-filebeat       build (once) and print the Filebeat binary's path
#
#   Elasticsearch  http://127.0.0.1:9200 (transport 127.0.0.1:9300), user `elasticsearch`
#   Filebeat       stats on http://127.0.0.1:5066/stats, runs as root like compose's
#
# Environment: ELK_LOG_DIR (folder whose <service>.log files Filebeat ships; default
# .stack/logs), ELK_ES_HEAP (default 256m), ELK_ES_USER (default elasticsearch),
# ELK_TIMEOUT_{ELASTICSEARCH,FILEBEAT} (seconds).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK=$ROOT/.stack
LOGS=$STACK/logs
PIDS=$STACK/pids
# shellcheck source=infra/local/pieces.sh
source "$SCRIPT_DIR/pieces.sh"
CACHE=$STACK/cache

# Ports none of the local stack's pieces use (scripts/stack.sh INFRA_PORTS).
ES_PORT=9200
ES_TRANSPORT_PORT=9300
ES_URL=http://127.0.0.1:$ES_PORT
ES_POM=$SCRIPT_DIR/elasticsearch/pom.xml # pins the version
ES_PLUGIN_SRC=$SCRIPT_DIR/elasticsearch/rest-root
ES_CACHE=$CACHE/elasticsearch # unpacked distribution + our plugin, stamped
ES_DIR=$STACK/elasticsearch   # config/, data/, logs/, tmp/: owned by $ES_USER
ES_USER=${ELK_ES_USER:-elasticsearch}
ES_HEAP=${ELK_ES_HEAP:-256m}

FILEBEAT_MODULE=$SCRIPT_DIR/filebeat # go.mod pins the Filebeat version
FILEBEAT_CACHE=$CACHE/filebeat       # <hash of go.mod + go.sum>/filebeat
FILEBEAT_CONFIG_DIR=$ROOT/infra/docker/filebeat # filebeat.yml + index-template.json
FILEBEAT_DIR=$STACK/filebeat                    # data/ (registry: what was shipped)
FILEBEAT_HTTP_PORT=5066
LOG_DIR=${ELK_LOG_DIR:-$LOGS}

PIECES=(elasticsearch filebeat) # start order
STARTED=()                      # pieces this run of `up` started, stopped again if it fails

log() { printf '[elk] %s\n' "$*"; }
die() { printf 'elk: %s\n' "$*" >&2; exit 1; }
log_of() { printf '%s/%s.log' "$LOGS" "$1"; }

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
    elasticsearch) echo "$ES_PORT $ES_TRANSPORT_PORT" ;;
    filebeat) echo "$FILEBEAT_HTTP_PORT" ;;
  esac
}

piece_timeout() {
  case $1 in
    elasticsearch) echo "${ELK_TIMEOUT_ELASTICSEARCH:-180}" ;; # ~40 s alone on 2 cores
    filebeat) echo "${ELK_TIMEOUT_FILEBEAT:-30}" ;;
  esac
}

check_tools() {
  command -v curl >/dev/null || die "curl is required"
  command -v java >/dev/null || die "java (17+) is required: apt-get install -y openjdk-17-jre-headless"
  command -v javac >/dev/null || die "javac (17+) is required for the root-endpoint plugin: apt-get install -y openjdk-17-jdk-headless"
  command -v mvn >/dev/null || die "mvn is required: apt-get install -y maven"
  command -v setpriv >/dev/null || die "setpriv (util-linux) is required"
}

# --------------------------------------------------------------- elasticsearch

es_version() {
  sed -n 's|.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*|\1|p' "$ES_POM"
}
es_home() { printf '%s/elasticsearch-%s' "$ES_CACHE" "$(es_version)"; }

# Unpacks the pinned distribution and installs the root-endpoint plugin into it, once:
# $ES_CACHE/.stamp holds the hash of the pom and the plugin's sources, so a second `up`
# costs nothing and an edit to either rebuilds. Maven's ~/.m2 is the download cache.
ensure_es_dist() {
  local hash home tmp version sources
  mapfile -t sources < <(find "$ES_PLUGIN_SRC/src" -name '*.java' | sort)
  hash=$(cat "$ES_POM" "$ES_PLUGIN_SRC/plugin-descriptor.properties" "${sources[@]}" |
    sha256sum | cut -d' ' -f1)
  [[ -f $ES_CACHE/.stamp && $(<"$ES_CACHE/.stamp") == "$hash" ]] && return 0
  version=$(es_version)
  log "resolving Elasticsearch $version from Maven Central (log: $LOGS/maven.log)"
  rm -rf "$ES_CACHE"
  mkdir -p "$ES_CACHE"
  mvn -B -q -Dstyle.color=never -f "$ES_POM" dependency:unpack@es "-Des.dir=$ES_CACHE" \
    >>"$LOGS/maven.log" 2>&1 || { rm -rf "$ES_CACHE"; fail_piece maven "could not resolve Elasticsearch $version"; }
  home=$(es_home)
  [[ -x $home/bin/elasticsearch ]] || { rm -rf "$ES_CACHE"; die "no $home/bin/elasticsearch after unpacking"; }

  # The integ-test distribution has no module for GET / (rest-root), and Filebeat reads the
  # server version there before sending anything: see rest-root/.../RestRootPlugin.java.
  log "building the root-endpoint plugin against Elasticsearch $version"
  tmp=$(mktemp -d)
  javac -d "$tmp/classes" --release 17 -cp "$home/lib/*" "${sources[@]}" \
    >>"$LOGS/maven.log" 2>&1 ||
    { rm -rf "$tmp" "$ES_CACHE"; fail_piece maven "could not compile $ES_PLUGIN_SRC"; }
  mkdir -p "$home/plugins/blog-rest-root"
  jar --create --file "$home/plugins/blog-rest-root/blog-rest-root.jar" -C "$tmp/classes" .
  sed "s|@ES_VERSION@|$version|" "$ES_PLUGIN_SRC/plugin-descriptor.properties" \
    >"$home/plugins/blog-rest-root/plugin-descriptor.properties"
  rm -rf "$tmp"
  chmod -R a+rX "$ES_CACHE" # the server runs as $ES_USER and only reads its home
  echo "$hash" >"$ES_CACHE/.stamp"
}

# Elasticsearch refuses to run as root. A system user of its own, created once.
ensure_es_user() {
  id -u "$ES_USER" >/dev/null 2>&1 && return 0
  log "creating system user $ES_USER (runs the local Elasticsearch)"
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$ES_USER" || die "could not create user $ES_USER"
}

# Every folder above $ES_DIR must let $ES_USER through (as infra.sh does for postgres).
ensure_traversable() {
  local dir=$1
  while [[ $dir != / ]]; do
    if ! setpriv --reuid="$ES_USER" --regid="$ES_USER" --clear-groups test -x "$dir"; then
      log "chmod o+x $dir (so user $ES_USER can reach $ES_DIR)"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

# The server writes to its config folder (keystore) and to data/logs/tmp, so it gets a
# copy of the distribution's config under .stack, owned by $ES_USER; refreshed when the
# version changes. Settings live on the command line (start_elasticsearch).
prepare_es_dir() {
  local version home conf=$ES_DIR/config
  version=$(es_version)
  home=$(es_home)
  mkdir -p "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  if [[ ! -f $conf/.version || $(<"$conf/.version") != "$version" ]]; then
    rm -rf "$conf"
    cp -R "$home/config" "$conf"
    echo "$version" >"$conf/.version"
  fi
  # The distribution's jvm.options writes GC logs, heap dumps and crash files relative to
  # the working directory, which is the (read-only) distribution when the launcher checks
  # the options: point them under .stack, and keep at most 2 x 16 MB of GC log.
  sed -e "s|^-XX:HeapDumpPath=.*|-XX:HeapDumpPath=$ES_DIR/data|" \
    -e "s|^-XX:ErrorFile=.*|-XX:ErrorFile=$ES_DIR/logs/hs_err_pid%p.log|" \
    -e "s|^\(-Xlog:.*\):file=logs/gc.log:\(.*\):filecount=[0-9]*,filesize=[0-9a-z]*|\1:file=$ES_DIR/logs/gc.log:\2:filecount=2,filesize=16m|" \
    "$home/config/jvm.options" >"$conf/jvm.options"
  chown -R "$ES_USER:$ES_USER" "$ES_DIR"
  chmod 750 "$ES_DIR"
  ensure_traversable "$STACK"
}

# The cluster answers health only once the node joined and recovered its indices.
es_ready() {
  curl -fsS -m 5 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null
}

java_home() {
  local java
  java=$(readlink -f "$(command -v java)")
  dirname "$(dirname "$java")"
}

start_elasticsearch() {
  local home
  home=$(es_home)
  ensure_es_user
  prepare_es_dir
  log "starting elasticsearch $(es_version) on $ES_URL (transport $ES_TRANSPORT_PORT, heap $ES_HEAP, user $ES_USER)"
  rm -f "$PIDS/elasticsearch.pid"
  # setpriv execs (no parent left behind, unlike runuser), so the pid recorded is the
  # launcher JVM's, which stops the server on SIGTERM. Working directory $ES_DIR: writable.
  # Single node on loopback only, no security (nothing listens beyond 127.0.0.1), disk
  # watermarks off as in docker-compose.yml (a full dev disk must not block writes).
  # shellcheck disable=SC2016 # $$ and $0 belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDS/elasticsearch.pid" \
    setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups -- \
    env --chdir="$ES_DIR" HOME="$ES_DIR" ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$ES_DIR/config" \
    ES_TMPDIR="$ES_DIR/tmp" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$home/bin/elasticsearch" \
    -E cluster.name=blog-local \
    -E node.name=local \
    -E discovery.type=single-node \
    -E xpack.security.enabled=false \
    -E network.host=127.0.0.1 \
    -E http.port="$ES_PORT" \
    -E transport.port="$ES_TRANSPORT_PORT" \
    -E path.data="$ES_DIR/data" \
    -E path.logs="$ES_DIR/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    </dev/null >>"$(log_of elasticsearch)" 2>&1 &
  STARTED+=(elasticsearch)
  local deadline=$((SECONDS + 10))
  until [[ -s $PIDS/elasticsearch.pid ]]; do
    ((SECONDS < deadline)) || fail_piece elasticsearch "process did not start"
    sleep 0.05
  done
  wait_healthy elasticsearch "$(piece_timeout elasticsearch)" es_ready
}

stop_elasticsearch() { stop_process elasticsearch 90; }

# -------------------------------------------------------------------- filebeat

filebeat_binary() { go_tool_binary "$FILEBEAT_MODULE" "$FILEBEAT_CACHE" filebeat; }

# Beats 7.17 has no Debian package or Maven artifact reachable here, and 8.x is not a
# valid Go module version; 7.17.29 builds from the module proxy through a wrapper module
# (infra/local/filebeat/go.mod, which repeats Beats' replace directives). CGO off: no
# libsystemd headers needed; the journald input is the only loss.
ensure_filebeat_binary() {
  CGO_ENABLED=0 build_go_tool "$FILEBEAT_MODULE" "$FILEBEAT_CACHE" filebeat \
    github.com/elastic/beats/v7/filebeat
}

# The folder the running Filebeat was started on (start_filebeat records it).
filebeat_log_dir() { cat "$FILEBEAT_DIR/log-dir" 2>/dev/null || true; }

filebeat_ready() { curl -fsS -m 2 "http://127.0.0.1:$FILEBEAT_HTTP_PORT/" >/dev/null; }

start_filebeat() {
  local bin
  bin=$(filebeat_binary)
  # module/: Filebeat looks for its (unused) modules under path.home and logs an error
  # when the folder is missing.
  mkdir -p "$FILEBEAT_DIR/data" "$FILEBEAT_DIR/logs" "$FILEBEAT_DIR/module"
  log "starting filebeat: $LOG_DIR/<service>.log -> $ES_URL (stats http://127.0.0.1:$FILEBEAT_HTTP_PORT/stats)"
  rm -f "$PIDS/filebeat.pid"
  printf '%s\n' "$LOG_DIR" >"$FILEBEAT_DIR/log-dir"
  # The environment switches filebeat.yml from compose's Docker input to the files input.
  # path.config is the folder of filebeat.yml, so its relative index-template.json resolves
  # as it does in the compose container. --strict.perms=false as in compose: the config is
  # the repository's file, whoever checked it out. -e: its own log to stderr, i.e. to
  # .stack/logs/filebeat.log, at info (compose's warning hides the connection lines).
  # shellcheck disable=SC2016 # $$ and $0 belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDS/filebeat.pid" \
    env BLOG_LOGS_FROM_DOCKER=false BLOG_LOGS_FROM_FILES=true BLOG_LOG_DIR="$LOG_DIR" \
    ELASTICSEARCH_URL="$ES_URL" KIBANA_URL=http://127.0.0.1:5601 \
    "$bin" -e --strict.perms=false \
    --path.home "$FILEBEAT_DIR" --path.config "$FILEBEAT_CONFIG_DIR" \
    --path.data "$FILEBEAT_DIR/data" --path.logs "$FILEBEAT_DIR/logs" \
    -c filebeat.yml \
    -E logging.level=info \
    -E http.enabled=true -E http.host=127.0.0.1 -E http.port="$FILEBEAT_HTTP_PORT" \
    </dev/null >>"$(log_of filebeat)" 2>&1 &
  STARTED+=(filebeat)
  local deadline=$((SECONDS + 10))
  until [[ -s $PIDS/filebeat.pid ]]; do
    ((SECONDS < deadline)) || fail_piece filebeat "process did not start"
    sleep 0.05
  done
  wait_healthy filebeat "$(piece_timeout filebeat)" filebeat_ready
}

stop_filebeat() { stop_process filebeat 30; }

# SIGTERM: Filebeat flushes its registry, the launcher stops the Elasticsearch server.
stop_process() {
  local piece=$1 timeout=$2 pid
  pid=$(live_pid "$piece") || { rm -f "$PIDS/$piece.pid"; return 0; }
  log "stopping $piece (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$piece" "$pid" "$timeout"
  rm -f "$PIDS/$piece.pid"
}

# ------------------------------------------------------------------- commands

piece_healthy() {
  case $1 in
    elasticsearch) es_ready ;;
    filebeat) filebeat_ready ;;
  esac
}

piece_running() {
  local piece=$1 port
  live_pid "$piece" >/dev/null || return 1
  for port in $(ports_of "$piece"); do port_answers "$port" || return 1; done
}

# Alive but not answering: still starting (an earlier `up` was cut short) or stopping.
# Wait for one or the other; never start a second copy next to a live one.
settle() {
  local piece=$1 timeout deadline
  timeout=$(piece_timeout "$piece")
  deadline=$((SECONDS + timeout))
  log "$piece (pid $(live_pid "$piece")) is alive but not answering yet: waiting"
  until piece_healthy "$piece" 2>/dev/null; do
    live_pid "$piece" >/dev/null || { rm -f "$PIDS/$piece.pid"; return 1; }
    ((SECONDS < deadline)) || fail_piece "$piece" "not healthy after ${timeout}s"
    sleep 0.5
  done
}

ensure_piece() {
  local piece=$1 port
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

BUILD_PID="" # a first Filebeat build running in the background during `up`

on_up_exit() {
  local rc=$1 i
  if ((rc != 0)) && [[ -n $BUILD_PID ]]; then
    pkill -TERM -P "$BUILD_PID" 2>/dev/null || true
    kill -- "$BUILD_PID" 2>/dev/null || true
  fi
  ((rc != 0 && ${#STARTED[@]} > 0)) || return 0
  log "up did not complete: stopping what it started (${STARTED[*]})"
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    "stop_${STARTED[i]}" || true
  done
}

cmd_up() {
  local only=${1:-} t0=$SECONDS
  case $only in '' | elasticsearch) ;; *) die "up takes nothing or: elasticsearch" ;; esac
  mkdir -p "$LOGS" "$PIDS" "$CACHE"
  if [[ -z $only ]]; then
    [[ -d $LOG_DIR ]] || die "filebeat: log folder $LOG_DIR does not exist (ELK_LOG_DIR)"
    LOG_DIR=$(cd "$LOG_DIR" && pwd) # Filebeat resolves a relative path from its own cwd
  fi
  trap 'on_up_exit $?' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  check_tools
  ensure_es_dist
  # The first Filebeat build takes minutes: let it run while Elasticsearch starts.
  if [[ -z $only && ! -x $(filebeat_binary) ]]; then
    ensure_filebeat_binary &
    BUILD_PID=$!
  fi
  ensure_piece elasticsearch
  if [[ -z $only ]]; then
    if [[ -n $BUILD_PID ]]; then
      wait "$BUILD_PID" || fail_piece filebeat-build "could not build Filebeat"
      BUILD_PID=""
    fi
    # A running Filebeat ships the folder it was started with: another ELK_LOG_DIR (a
    # test's own folder) restarts it rather than being ignored.
    if live_pid filebeat >/dev/null && [[ $(filebeat_log_dir) != "$LOG_DIR" ]]; then
      log "filebeat ships $(filebeat_log_dir), not $LOG_DIR: restarting it"
      stop_filebeat
    fi
    ensure_piece filebeat
  fi
  trap - EXIT INT TERM
  log "up in $((SECONDS - t0))s"
  log "elasticsearch  $ES_URL   (indices filebeat-blog-<day>, template filebeat-blog)"
  [[ -n $only ]] || log "filebeat       $LOG_DIR/<service>.log -> $ES_URL"
}

cmd_down() {
  mkdir -p "$PIDS"
  stop_filebeat
  stop_elasticsearch
  log "stopped"
}

cmd_status() {
  local piece pid state
  mkdir -p "$PIDS"
  for piece in "${PIECES[@]}"; do
    if piece_running "$piece"; then
      state=running pid=$(live_pid "$piece")
    elif pid=$(live_pid "$piece"); then
      state=unhealthy
    else
      state=stopped pid=-
    fi
    printf '%-13s %-9s pid=%-8s port=%-10s log=%s\n' \
      "$piece" "$state" "$pid" "$(ports_of "$piece" | tr ' ' ,)" "$(log_of "$piece")"
  done
  live_pid filebeat >/dev/null && printf 'filebeat ships %s/<service>.log\n' "$(filebeat_log_dir)"
  if es_ready 2>/dev/null; then
    curl -fsS -m 5 "$ES_URL/_cat/indices/filebeat-*?h=index,docs.count,store.size&s=index" || true
  fi
}

cmd_stop() {
  case ${1:-} in
    elasticsearch | filebeat) "stop_$1" ;;
    *) die "stop takes one of: ${PIECES[*]}" ;;
  esac
}

main() {
  case ${1:-} in
    up) cmd_up "${2:-}" ;;
    down) cmd_down ;;
    status) cmd_status ;;
    stop) cmd_stop "${2:-}" ;;
    build-filebeat) mkdir -p "$LOGS" && ensure_filebeat_binary && filebeat_binary ;;
    *) sed -n '2,22s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
}

main "$@"
