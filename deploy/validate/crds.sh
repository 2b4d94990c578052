# shellcheck shell=bash
# Sourced by deploy/validate.sh: the operators' CustomResourceDefinitions at the versions
# docs/deploy.md installs, fetched once from the registries CI reaches and cached under
# $CACHE/crds/<hash of the pins>/<operator>/. The caller defines ROOT, CACHE, LOGS, log, die.

# Go modules that ship their CRD YAMLs in the module itself, with the go.sum hash each must
# have (checked, so a changed upstream never changes what is validated against).
#   <name> <module>@<version> <h1 hash> <folder of CRDs inside the module>
GO_MODULE_CRDS=(
  "cnpg github.com/cloudnative-pg/cloudnative-pg@v1.30.0 h1:fnhVq44xXx97MNiuvJsPrX1vSjYbgdyBK5MSGfdHdp0= config/crd/bases"
  "eck github.com/elastic/cloud-on-k8s/v3@v3.5.0 h1:sR4oj+gNnwI9hgsKhBwjUlx+5F2T/kND40hrzaogtek= config/crds/v1/resources"
  "otel github.com/open-telemetry/opentelemetry-operator@v0.140.0 h1:yHwVEn1vjQ7n9OoOZX/rsgur+YozIKNjCoWSk6EAhvw= config/crd/bases"
)
STRIMZI_POM=$ROOT/deploy/validate/strimzi/pom.xml
# The kinds the chart uses, as Strimzi's own build generates them (api/pom.xml).
STRIMZI_KINDS=(
  io.strimzi.api.kafka.model.kafka.Kafka=kafka.yaml
  io.strimzi.api.kafka.model.nodepool.KafkaNodePool=kafkanodepool.yaml
  io.strimzi.api.kafka.model.connect.KafkaConnect=kafkaconnect.yaml
  io.strimzi.api.kafka.model.connector.KafkaConnector=kafkaconnector.yaml
)

crds_dir() {
  printf '%s/crds/%s' "$CACHE" \
    "$(printf '%s\n' "${GO_MODULE_CRDS[@]}" "${STRIMZI_KINDS[@]}" | cat - "$STRIMZI_POM" | sha256sum | cut -c1-16)"
}

# A Java of at least 21 (Strimzi's generator is built for it): java on PATH, JAVA_HOME, or a
# JDK under /usr/lib/jvm. Prints nothing when there is none.
java21() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n $candidate && -x $candidate ]] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    ((${major:-0} >= 21)) && { echo "$candidate"; return 0; }
  done
  return 0
}

fetch_go_module_crds() { # <dest>
  local line name module sum folder json dir got
  for line in "${GO_MODULE_CRDS[@]}"; do
    read -r name module sum folder <<<"$line"
    # Outside any module: only the one module is fetched, never built.
    json=$(cd "$1" && GOFLAGS=-mod=mod GOTOOLCHAIN=local go mod download -json "$module") ||
      die "go mod download $module failed"
    got=$(sed -n 's/^\t"Sum": "\(.*\)",$/\1/p' <<<"$json")
    [[ $got == "$sum" ]] || die "$module: go.sum hash $got, pinned $sum"
    dir=$(sed -n 's/^\t"Dir": "\(.*\)",$/\1/p' <<<"$json")
    mkdir -p "$1/$name"
    cp "$dir/$folder"/*.yaml "$1/$name/"
  done
}

# Runs Strimzi's CRD generator over its api jar. Without Java 21+ the Strimzi kinds stay
# unvalidated, and validate.sh says so.
generate_strimzi_crds() { # <dest>
  local java lib=$1/.strimzi-lib out=$1/strimzi
  java=$(java21)
  if [[ -z $java ]]; then
    log "no Java 21+ found: Strimzi's CRDs cannot be generated, its kinds go unvalidated"
    return 0
  fi
  mvn -q -f "$STRIMZI_POM" dependency:copy-dependencies -DoutputDirectory="$lib" \
    >>"$LOGS/validate-crds.log" 2>&1 || die "mvn could not resolve Strimzi's api (log: $LOGS/validate-crds.log)"
  mkdir -p "$out"
  "$java" -cp "$lib/*" io.strimzi.crdgenerator.CrdGenerator --crd-api-version v1 \
    --api-versions v1 --storage-version v1 --yaml "${STRIMZI_KINDS[@]/=/=$out/}" \
    >>"$LOGS/validate-crds.log" 2>&1 || die "Strimzi's CRD generator failed (log: $LOGS/validate-crds.log)"
  rm -rf "$lib"
}

ensure_crds() {
  local dir tmp
  dir=$(crds_dir)
  [[ -d $dir ]] && return 0
  command -v go >/dev/null || die "go is required to fetch CloudNativePG's, ECK's and the OpenTelemetry Operator's CRDs"
  log "fetching the operators' CRDs (log: $LOGS/validate-crds.log)"
  rm -rf "$CACHE/crds" # older pins
  mkdir -p "$CACHE/crds"
  tmp=$(mktemp -d "$CACHE/crds/.new.XXXXXX")
  fetch_go_module_crds "$tmp"
  generate_strimzi_crds "$tmp"
  mv "$tmp" "$dir" # whole or not at all
}
