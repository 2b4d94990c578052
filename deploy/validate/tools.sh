# shellcheck shell=bash
# Sourced by deploy/validate.sh: Helm and the Python validator, at pinned versions, installed
# once and cached under .stack/cache (a second run costs nothing; a changed pin installs afresh).
# The caller defines ROOT, CACHE, LOGS, log, die and fail_piece (infra/local/pieces.sh's contract).

HELM_MODULE=$ROOT/deploy/validate/helm
HELM_CACHE=$CACHE/helm

# Helm v4 from the Go module proxy (helm.sh/helm/v4, the version in helm/go.mod): its own
# release downloads are not reachable from CI. About 4.5 min of 2 cores the first time.
helm_binary() { go_tool_binary "$HELM_MODULE" "$HELM_CACHE" helm; }
ensure_helm() {
  CGO_ENABLED=0 build_go_tool "$HELM_MODULE" "$HELM_CACHE" helm helm.sh/helm/v4/cmd/helm
}

# kubernetes-validate (which carries the Kubernetes API's JSON schemas) and jsonschema, in a
# venv named by the hash of requirements.txt.
venv_dir() {
  printf '%s/validate-venv/%s' "$CACHE" "$(sha256sum <"$ROOT/deploy/validate/requirements.txt" | cut -c1-16)"
}
ensure_venv() {
  local dir
  dir=$(venv_dir)
  # The stamp is written last: an interrupted install is redone, never half used.
  [[ -f $dir/.installed ]] && return 0
  log "installing the manifest validator's Python packages (log: $LOGS/validate-venv.log)"
  rm -rf "$CACHE/validate-venv" # older pins
  { python3 -m venv "$dir" &&
    "$dir/bin/pip" install --quiet --no-deps -r "$ROOT/deploy/validate/requirements.txt"; } \
    >>"$LOGS/validate-venv.log" 2>&1 || { rm -rf "$dir"; fail_piece validate-venv "pip install failed"; }
  touch "$dir/.installed"
}
