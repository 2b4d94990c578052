# shellcheck shell=bash
# Sourced by infra.sh and elk.sh: how a piece of the local stack (a process with a pid file
# under $PIDS and the ports `ports_of <piece>` names) is found alive, waited for and stopped.
# The caller defines STACK, PIDS, LOGS, log, die, fail_piece and ports_of.

# True when something accepts a TCP connection on 127.0.0.1:<port>.
port_answers() {
  # shellcheck disable=SC2016 # $1 belongs to the inner shell
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# True when nothing listens on <port> any more (any address).
port_free() {
  [[ -z $(ss -Hltn "sport = :$1") ]]
}

# Prints the pid of <piece> if its pid file names a live process of THIS
# stack (its command line mentions $STACK: guards against pid reuse).
live_pid() {
  local pidfile=$PIDS/$1.pid pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] && [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$STACK" || return 1
  echo "$pid"
}

# Polls <probe...> every 0.5 s until it succeeds; fails the piece when its
# process dies or <timeout> seconds pass. No fixed sleeps: the loop ends as
# soon as the probe answers.
wait_healthy() {
  local piece=$1 timeout=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    live_pid "$piece" >/dev/null || fail_piece "$piece" "process exited while starting"
    ((SECONDS < deadline)) || fail_piece "$piece" "not healthy after ${timeout}s (probe: $*)"
    sleep 0.5
  done
}

# Waits until <pid> is gone and the piece's ports are free.
wait_gone() {
  local piece=$1 pid=$2 timeout=$3 deadline port
  deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$piece (pid $pid) still running after ${timeout}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.2
  done
  for port in $(ports_of "$piece"); do
    until port_free "$port"; do
      ((SECONDS < deadline + 10)) || die "$piece: port $port still in use after stop"
      sleep 0.2
    done
  done
}

# A tool built from a pinned Go module (its go.mod and go.sum name the version), cached
# under <cache>/<hash of go.mod and go.sum>/<name>: a second `up` costs nothing, a version
# bump builds afresh.
go_tool_binary() { # <module dir> <cache dir> <name>
  local hash
  hash=$(cat "$1/go.mod" "$1/go.sum" | sha256sum | cut -d' ' -f1)
  printf '%s/%s/%s' "$2" "$hash" "$3"
}

# Builds that tool once from the Go module proxy (the tools here ship no Debian package or
# Maven artifact). -mod=readonly: a go.sum that does not match go.mod is an error, never
# rewritten. GOTOOLCHAIN=local: the Go on PATH, not one go.mod may ask to fetch. No
# optimiser or inlining (-N -l): a first build on a fresh 2-core machine is most of a CI
# run's set-up, and this takes about a quarter less CPU; a local tool's speed does not
# matter. The caller's environment passes the rest (e.g. CGO_ENABLED=0).
build_go_tool() { # <module dir> <cache dir> <name> <package>
  local module=$1 cache=$2 name=$3 package=$4 bin dir tmp t0=$SECONDS
  bin=$(go_tool_binary "$module" "$cache" "$name")
  [[ -x $bin ]] && return 0
  command -v go >/dev/null || die "go (1.24.6+) is required to build $name once: see https://go.dev/doc/install"
  dir=$(dirname "$bin")
  log "building $name from the Go module proxy, once per version (log: $LOGS/$name-build.log)"
  rm -rf "$cache" # older versions: only the pinned one is ever started
  mkdir -p "$dir"
  tmp=$(mktemp "$dir/.$name.XXXXXX")
  (cd "$module" && GOFLAGS=-mod=readonly GOTOOLCHAIN=local nice -n 10 \
    go build -trimpath -gcflags=all='-N -l' -ldflags='-s -w' -o "$tmp" "$package") \
    >>"$LOGS/$name-build.log" 2>&1 || { rm -rf "$cache"; fail_piece "$name-build" "go build failed"; }
  mv "$tmp" "$bin" # atomic: an interrupted build never leaves a half-written binary behind
  log "built $name in $((SECONDS - t0))s"
}
