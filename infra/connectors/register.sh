#!/bin/sh
# Registers (or updates) one Debezium outbox connector per service database.
#
#   register.sh [service ...]        default: auth user blog post visitor subscribe
#
# The only source of the connector config is outbox-connector.template.json next
# to this script; this script fills its @@PLACEHOLDERS@@ and PUTs it to
# Kafka Connect's /connectors/outbox-<service>/config, which creates the
# connector or replaces its config (safe to repeat). Connectors whose task had
# failed (e.g. started before the service created its outbox) are restarted.
#
# POSIX sh + sed + curl only: the same script runs from infra/local/infra.sh and
# in the docker compose one-shot container (curlimages/curl).
#
# Environment (defaults fit the local no-Docker stack):
#   CONNECT_URL     http://127.0.0.1:8083
#   DB_HOST         127.0.0.1        host as seen from the Connect worker
#   DB_PORT         54329
#   DB_USER         blog
#   DB_PASSWORD     (empty: the local cluster trusts loopback)
#   DB_NAME_PREFIX  blog_            database = <prefix><service>
#   POLL_INTERVAL_MS 20              Debezium poll.interval.ms: lower = less latency,
#                                    more idle CPU (see infra/README.md)
#   REGISTER_TRIES  30               attempts per connector while Connect rebalances
set -eu

CONNECT_URL=${CONNECT_URL:-http://127.0.0.1:8083}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-54329}
DB_USER=${DB_USER:-blog}
DB_PASSWORD=${DB_PASSWORD:-}
DB_NAME_PREFIX=${DB_NAME_PREFIX:-blog_}
POLL_INTERVAL_MS=${POLL_INTERVAL_MS:-20}
REGISTER_TRIES=${REGISTER_TRIES:-30}
TEMPLATE=${TEMPLATE:-$(dirname "$0")/outbox-connector.template.json}

# Escapes a value for a JSON string, then for the replacement side of sed s|||.
escape() {
  printf '%s' "$1" | sed -e 's/[\\"]/\\&/g' -e 's/[\\&|]/\\&/g'
}

render() {
  svc=$1
  sed -e "s|@@SERVICE@@|$(escape "$svc")|g" \
      -e "s|@@DB_HOST@@|$(escape "$DB_HOST")|g" \
      -e "s|@@DB_PORT@@|$(escape "$DB_PORT")|g" \
      -e "s|@@DB_USER@@|$(escape "$DB_USER")|g" \
      -e "s|@@DB_PASSWORD@@|$(escape "$DB_PASSWORD")|g" \
      -e "s|@@DB_NAME@@|$(escape "$DB_NAME_PREFIX$svc")|g" \
      -e "s|@@POLL_INTERVAL_MS@@|$(escape "$POLL_INTERVAL_MS")|g" \
      "$TEMPLATE"
}

# PUT the rendered config; retries because a worker that just started answers
# 409 (rebalance in progress) or 5xx until it has joined its group.
put_config() {
  name=$1 svc=$2 try=1
  body=$(mktemp)
  render "$svc" >"$body"
  while :; do
    code=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT \
      -H 'Content-Type: application/json' --data-binary "@$body" \
      "$CONNECT_URL/connectors/$name/config" || echo 000)
    case $code in
      200 | 201) rm -f "$body"; echo "registered $name (HTTP $code)"; return 0 ;;
      400 | 422) break ;; # invalid config: retrying cannot help
    esac
    [ "$try" -ge "$REGISTER_TRIES" ] && break
    try=$((try + 1))
    sleep 2
  done
  echo "register.sh: PUT $CONNECT_URL/connectors/$name/config failed (HTTP $code):" >&2
  curl -sS -X PUT -H 'Content-Type: application/json' --data-binary "@$body" \
    "$CONNECT_URL/connectors/$name/config" >&2 || true
  echo >&2
  rm -f "$body"
  return 1
}

# A config PUT does not restart a task that already FAILED with the same
# config; ask Connect to restart failed instances only (no-op otherwise).
restart_failed() {
  curl -sS -o /dev/null -X POST \
    "$CONNECT_URL/connectors/$1/restart?includeTasks=true&onlyFailed=true" || true
}

[ -r "$TEMPLATE" ] || { echo "register.sh: template not found: $TEMPLATE" >&2; exit 1; }
[ "$#" -gt 0 ] || set -- auth user blog post visitor subscribe

for svc in "$@"; do
  put_config "outbox-$svc" "$svc"
  restart_failed "outbox-$svc"
done
