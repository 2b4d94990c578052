#!/usr/bin/env bash
# Validates the Helm chart (deploy/helm/blog-backend) with no cluster: helm lint, helm template
# with each value set in deploy/validate/values/, then every rendered object against the
# Kubernetes API's schemas and the operators' CRDs at the versions docs/deploy.md installs.
#
#   deploy/validate.sh                    lint, render, validate (installs its tools once)
#   deploy/validate.sh tools              install the tools only
#   deploy/validate.sh manifests FILE...  validate manifests as they are (no Helm)
#   deploy/validate.sh helm ARGS...       run the pinned Helm
#
# Tools are pinned and cached under .stack/cache: Helm built from the Go module proxy
# (deploy/validate/helm/go.mod), a venv from deploy/validate/requirements.txt, CRDs from Go
# modules and Maven Central (deploy/validate/crds.sh). The first run takes minutes, later
# ones seconds. Test: test/deploy/chart.deploy.spec.ts.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK=$ROOT/.stack
CACHE=$STACK/cache
LOGS=$STACK/logs
OUT=$STACK/deploy-validate
CHART=$ROOT/deploy/helm/blog-backend
# The chart's lowest kubeVersion and the newest the pinned kubernetes-validate knows.
KUBE_VERSIONS=(1.30.0 1.37.0)
STRIMZI_KINDS_NAMED=(Kafka KafkaNodePool KafkaConnect KafkaConnector)

log() { printf '[validate] %s\n' "$*" >&2; }
die() { printf 'validate: %s\n' "$*" >&2; exit 1; }
fail_piece() { die "$1: $2 (log: $LOGS/$1.log)"; }
mkdir -p "$CACHE" "$LOGS"

# shellcheck source=infra/local/pieces.sh
source "$ROOT/infra/local/pieces.sh"
# shellcheck source=deploy/validate/tools.sh
source "$ROOT/deploy/validate/tools.sh"
# shellcheck source=deploy/validate/crds.sh
source "$ROOT/deploy/validate/crds.sh"

ensure_tools() {
  ensure_helm
  ensure_venv
  ensure_crds
}

# The validator's arguments: every operator's CRDs, and leave to list (not fail) the Strimzi
# kinds when their CRDs could not be generated.
validator_args() {
  local crds dir kind
  crds=$(crds_dir)
  for dir in "$crds"/*/; do printf '%s\n' --crds "$dir"; done
  [[ -d $crds/strimzi ]] && return 0
  echo "unvalidated: Strimzi's kinds (${STRIMZI_KINDS_NAMED[*]}): no Java 21+ to generate their CRDs" >&2
  for kind in "${STRIMZI_KINDS_NAMED[@]}"; do printf '%s\n' --allow-unvalidated "$kind"; done
}

validate_for() { # <kube version> FILE...
  local kube=$1 args
  shift
  mapfile -t args < <(validator_args)
  echo "== Kubernetes $kube: ${*#"$ROOT/"}"
  "$(venv_dir)/bin/python" "$ROOT/deploy/validate/validate_manifests.py" \
    --kube-version "$kube" "${args[@]}" "$@"
}

validate_files() { # FILE...
  local kube status=0
  for kube in "${KUBE_VERSIONS[@]}"; do validate_for "$kube" "$@" || status=1; done
  return "$status"
}

lint_render_validate() {
  local helm values set kube file status=0
  helm=$(helm_binary)
  rm -rf "$OUT" && mkdir -p "$OUT"
  for values in "$ROOT"/deploy/validate/values/*.yaml; do
    set=$(basename "$values" .yaml)
    echo "== helm lint --strict ($set)"
    "$helm" lint --strict "$CHART" -f "$values" 2>&1 | grep -v 'found symbolic link' || status=1
    for kube in "${KUBE_VERSIONS[@]}"; do
      file=$OUT/$set-$kube.yaml
      if "$helm" template blog "$CHART" --namespace blog --kube-version "$kube" -f "$values" \
        >"$file" 2>"$file.err"; then
        validate_for "$kube" "$file" || status=1
      else
        echo "error: helm template ($set, Kubernetes $kube) failed:" && cat "$file.err"
        status=1
      fi
    done
  done
  return "$status"
}

case ${1:-all} in
  tools) ensure_tools ;;
  manifests) shift; ensure_tools; validate_files "$@" ;;
  helm) shift; ensure_helm; exec "$(helm_binary)" "$@" ;;
  all) ensure_tools; lint_render_validate ;;
  *) die "usage: deploy/validate.sh [tools | manifests FILE... | helm ARGS...]" ;;
esac
