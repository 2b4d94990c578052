#!/usr/bin/env bash
# Runs Kibana's saved searches (infra/docker/kibana/saved-objects.ndjson) against an
# Elasticsearch that Filebeat fills (infra/local/elk.sh), without Kibana, and checks that
# every field they name is in the index mapping. Exit 1 on the first thing that does not
# hold; the output is what a test would assert on.
#
#   elk-check.sh [<saga id>]
#
#   1. mapping: the data view's time field, and every saved search's query field, columns
#      and sort fields, exist in every index the data view's pattern (filebeat-*) matches;
#      the time field is a date.
#   2. per-service searches ("gateway logs", ...): each returns lines, all of that service.
#   3. "saga by id" with its * replaced by <saga id> (as docs/operating.md tells a reader to
#      do), when given: lines, oldest first, counted per service.
#
# The saved queries are KQL. Kibana turns `field : "value"` into a match_phrase query and
# `field : *` into an exists query; this does the same for those two forms (all the file
# holds) and refuses any other, so a new saved search with richer KQL fails here loudly
# instead of being checked wrongly.
#
# Environment: ES_URL (default http://127.0.0.1:9200), SAVED_OBJECTS.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
ES_URL=${ES_URL:-http://127.0.0.1:9200}
SAVED_OBJECTS=${SAVED_OBJECTS:-$ROOT/infra/docker/kibana/saved-objects.ndjson}
SAGA_ID=${1:-}

fail() { printf 'elk-check: FAIL %s\n' "$*" >&2; exit 1; }
ok() { printf 'ok   %s\n' "$*"; }

es() { # <method> <path> [json body]
  curl -fsS -m 30 -X "$1" "$ES_URL$2" -H 'content-type: application/json' ${3:+-d "$3"}
}

# KQL of the saved searches -> Elasticsearch query DSL (see the header).
kql_to_dsl() {
  jq -cn --arg kql "$1" '
    ($kql | capture("^\\s*(?<f>[A-Za-z0-9_.@]+)\\s*:\\s*\"(?<v>[^\"]*)\"\\s*$")? // null) as $phrase
    | ($kql | capture("^\\s*(?<f>[A-Za-z0-9_.@]+)\\s*:\\s*\\*\\s*$")? // null) as $exists
    | if $phrase then {match_phrase: {($phrase.f): $phrase.v}}
      elif $exists then {exists: {field: $exists.f}}
      else error("KQL not translated: \($kql)") end'
}
kql_field() { sed -E 's/^[[:space:]]*([A-Za-z0-9_.@]+)[[:space:]]*:.*/\1/' <<<"$1"; }

command -v jq >/dev/null || fail "jq is required"
[[ -r $SAVED_OBJECTS ]] || fail "no saved objects at $SAVED_OBJECTS"
es GET /_cluster/health >/dev/null || fail "Elasticsearch does not answer at $ES_URL"

# The data view every saved search refers to (one in the file).
view=$(jq -c 'select(.type == "index-pattern")' "$SAVED_OBJECTS")
[[ $(grep -c . <<<"$view") == 1 ]] || fail "expected one index-pattern in $SAVED_OBJECTS"
view_id=$(jq -r .id <<<"$view")
pattern=$(jq -r .attributes.title <<<"$view")
time_field=$(jq -r .attributes.timeFieldName <<<"$view")

# One line per saved search: id, title, query, sort, columns (JSON).
searches=$(jq -c 'select(.type == "search") | {
    id, title: .attributes.title,
    source: (.attributes.kibanaSavedObjectMeta.searchSourceJSON | fromjson),
    sort: .attributes.sort, columns: .attributes.columns,
    view: ([.references[] | select(.name == "kibanaSavedObjectMeta.searchSourceJSON.index") | .id][0])
  } | .query = .source.query.query | .language = .source.query.language | del(.source)' "$SAVED_OBJECTS")

indices=$(es GET "/_cat/indices/$pattern?h=index" | sort)
[[ -n $indices ]] || fail "no index matches the data view's pattern $pattern"
ok "data view $view_id: pattern $pattern matches $(wc -l <<<"$indices" | tr -d ' ') index(es): $(tr '\n' ' ' <<<"$indices")"

# ---------------------------------------------------------------- 1. mapping
fields=$( {
  echo "$time_field"
  jq -r '.columns[], .sort[][0]' <<<"$searches"
  while read -r s; do kql_field "$(jq -r .query <<<"$s")"; done <<<"$searches"
} | sort -u)
mapping=$(es GET "/$pattern/_mapping/field/$(paste -sd, <<<"$fields")")
while read -r index; do
  while read -r field; do
    type=$(jq -r --arg i "$index" --arg f "$field" \
      '.[$i].mappings[$f].mapping | to_entries[0].value.type // empty' <<<"$mapping")
    [[ -n $type ]] || fail "mapping: $index has no field $field (named by the saved searches)"
    printf '     %-28s %-20s %s\n' "$index" "$field" "$type"
  done <<<"$fields"
  ttype=$(jq -r --arg i "$index" --arg f "$time_field" '.[$i].mappings[$f].mapping | to_entries[0].value.type' <<<"$mapping")
  [[ $ttype == date || $ttype == date_nanos ]] || fail "mapping: $index: time field $time_field is $ttype, not a date"
done <<<"$indices"
ok "mapping: every field the saved searches name exists in every index ($(wc -l <<<"$fields" | tr -d ' ') fields)"

# ------------------------------------------------------------------ searches
run_search() { # <saved search json> <kql> -> prints the _search answer
  local s=$1 kql=$2 dsl body
  [[ $(jq -r .language <<<"$s") == kuery ]] || fail "$(jq -r .title <<<"$s"): query language is not KQL"
  [[ $(jq -r .view <<<"$s") == "$view_id" ]] || fail "$(jq -r .title <<<"$s"): refers to another data view"
  dsl=$(kql_to_dsl "$kql") || fail "$(jq -r .title <<<"$s"): $kql"
  # Kibana's Discover: the saved sort, the saved columns, 500 rows by default.
  body=$(jq -cn --argjson q "$dsl" --argjson s "$s" '{
      size: 500, track_total_hits: true, query: $q,
      sort: [$s.sort[] | {(.[0]): {order: .[1]}}],
      _source: (["@timestamp", "service.name"] + $s.columns | unique),
      aggs: {services: {terms: {field: "service.name", size: 50}}}}')
  es POST "/$pattern/_search" "$body"
}

# ----------------------------------------------------- 2. per-service searches
while read -r s; do
  title=$(jq -r .title <<<"$s") kql=$(jq -r .query <<<"$s")
  [[ $kql =~ ^service\.name ]] || continue
  answer=$(run_search "$s" "$kql")
  total=$(jq .hits.total.value <<<"$answer")
  want=$(sed -E 's/.*"([^"]*)".*/\1/' <<<"$kql")
  others=$(jq -r --arg w "$want" '[.aggregations.services.buckets[] | select(.key != $w)] | length' <<<"$answer")
  ((total > 0)) || fail "\"$title\" ($kql): no lines"
  ((others == 0)) || fail "\"$title\" ($kql): lines of other services too"
  ok "\"$title\" ($kql): $total lines, newest $(jq -r '.hits.hits[0]._source["@timestamp"]' <<<"$answer")"
done <<<"$searches"

# ----------------------------------------------------------- 3. saga by id
s=$(jq -c 'select(.id == "blog-saga-by-id")' <<<"$searches")
[[ -n $s ]] || fail "no saved search blog-saga-by-id"
kql=$(jq -r .query <<<"$s")
# As saved (`labels.saga_id : *`): every line that belongs to some saga.
answer=$(run_search "$s" "$kql")
ok "\"saga by id\" as saved ($kql): $(jq .hits.total.value <<<"$answer") lines from $(jq -r '[.aggregations.services.buckets[] | "\(.key) \(.doc_count)"] | join(", ")' <<<"$answer")"
if [[ -n $SAGA_ID ]]; then
  kql=${kql/\*/\"$SAGA_ID\"}
  answer=$(run_search "$s" "$kql")
  total=$(jq .hits.total.value <<<"$answer")
  ((total > 0)) || fail "\"saga by id\" ($kql): no lines"
  ok "\"saga by id\" ($kql): $total lines from $(jq -r '[.aggregations.services.buckets[] | "\(.key) \(.doc_count)"] | join(", ")' <<<"$answer")"
  jq -r '.hits.hits[]._source | "     \(.["@timestamp"])  \(.service.name)\t\(.message[0:90])"' <<<"$answer"
fi
