#!/bin/sh
# Provisions Kibana without clicking: imports saved-objects.ndjson next to this
# script (the "Blog service logs" data view over filebeat-*, one saved search
# per service, and "saga by id") through the saved objects API, overwriting
# earlier copies, so `docker compose up` always leaves them as the repo says.
#
#   provision.sh                      (the kibana-setup one-shot in docker-compose.yml)
#
# POSIX sh + curl only: runs in curlimages/curl, like infra/connectors/register.sh.
#
# Environment:
#   KIBANA_URL     http://127.0.0.1:5601
#   IMPORT_TRIES   60              attempts, 5 s apart, while Kibana starts (503)
set -eu

KIBANA_URL=${KIBANA_URL:-http://127.0.0.1:5601}
IMPORT_TRIES=${IMPORT_TRIES:-60}
OBJECTS=${OBJECTS:-$(dirname "$0")/saved-objects.ndjson}

[ -r "$OBJECTS" ] || { echo "provision.sh: saved objects not found: $OBJECTS" >&2; exit 1; }

# Kibana answers 503 until its plugins are up, even after its port opens; an
# import repeated with overwrite=true changes nothing, so retrying is safe.
try=1
while :; do
  body=$(curl -sS -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
    -H 'kbn-xsrf: provision' --form "file=@$OBJECTS" 2>&1) || body="curl failed: $body"
  case $body in
    *'"success":true'*)
      echo "provision.sh: imported $(grep -c . "$OBJECTS") saved objects into $KIBANA_URL"
      exit 0
      ;;
    *'"success":false'*)
      # Kibana read the file and refused objects in it: retrying cannot help.
      echo "provision.sh: Kibana refused the import: $body" >&2
      exit 1
      ;;
  esac
  [ "$try" -ge "$IMPORT_TRIES" ] && break
  try=$((try + 1))
  sleep 5
done
echo "provision.sh: no successful import after $IMPORT_TRIES tries; last answer: $body" >&2
exit 1
