#!/usr/bin/env bash
# Makes a local stand-in for the Dockerfile's default base (node:24-bookworm-slim) where no
# container registry is reachable but Debian's mirrors and the npm registry are: a Debian
# bookworm root filesystem from mmdebstrap, plus Node and npm from their npm packages,
# imported into podman. Build the app image on it with
#   podman build --build-arg NODE_IMAGE=<the name this prints> ...
# Idempotent: reuses the image while it was made by this same script (a label holds the
# hash of this file and of the CA bundle), and the root filesystem tarball cached in
# .stack/cache/container/. Logs go to stderr; the last line on stdout is the image name.
set -euo pipefail

# The pins. Node is the project's (.node-version, the Dockerfile's major, what the local
# stack and the suite run); npm is the major Node 24 ships with.
DEBIAN_SUITE=bookworm
DEBIAN_MIRROR=http://deb.debian.org/debian
DEBIAN_SECURITY_MIRROR=http://deb.debian.org/debian-security
NODE_VERSION=$(tr -d '[:space:]' <"$(dirname "${BASH_SOURCE[0]}")/../.node-version")
NPM_VERSION=11.21.3
# As in the official node images: a non-root user "node", uid and gid 1000.
NODE_USER_ID=1000

IMAGE_REPO=localhost/blog-node-base
IMAGE="$IMAGE_REPO:$NODE_VERSION"
# This machine trusts CAs beyond Debian's; npm inside a build needs them. Only this local
# image carries them: the official image's own bundle is right everywhere else.
HOST_CA_BUNDLE=${HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
IMAGE_CA_BUNDLE=/usr/local/share/host-ca/ca-certificates.crt
# No Docker engine here: podman as root, with runc (crun refuses to start containers on
# these machines) and cgroupfs (no systemd to manage cgroups).
PODMAN=(podman --cgroup-manager=cgroupfs --runtime runc)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE="$ROOT/.stack/cache/container"

log() { printf '[container-base] %s\n' "$*" >&2; }
die() { printf '[container-base] ERROR: %s\n' "$*" >&2; exit 1; }

ensure_tools() {
  local missing=() tool
  for tool in podman mmdebstrap runc; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (apt-get)"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >&2
}

node_arch() {
  case $(dpkg --print-architecture) in
    amd64) echo x64 ;;
    arm64) echo arm64 ;;
    *) die "no node-linux package for $(dpkg --print-architecture)" ;;
  esac
}

# What the image is made from; a change to any of it makes a new one.
recipe_hash() {
  cat "${BASH_SOURCE[0]}" "$HOST_CA_BUNDLE" | sha256sum | cut -c1-16
}

image_recipe() {
  "${PODMAN[@]}" image inspect --format '{{index .Labels "blog.base.recipe"}}' "$IMAGE" 2>/dev/null || true
}

# npm pack fetches a package's tarball (checked against the registry's integrity) without
# installing it; kept in the cache so a rebuild needs no network for Node and npm.
fetch_package() {
  local spec=$1 file=$2
  [[ -s "$CACHE/$file" ]] && return
  log "fetching $spec"
  (cd "$CACHE" && npm pack --silent "$spec" >/dev/null)
  [[ -s "$CACHE/$file" ]] || die "npm pack $spec did not leave $file"
}

# Lays Node, npm, the CA bundle and the node user into a fresh rootfs directory.
customize_rootfs() {
  local rootfs=$1 node_tgz=$2 npm_tgz=$3
  tar -xzf "$node_tgz" -C "$rootfs/usr/local/bin" --strip-components=2 --no-same-owner \
    package/bin/node
  chmod 0755 "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
  tar -xzf "$npm_tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1 \
    --no-same-owner
  ln -sfn ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sfn ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  install -D -m 0644 "$HOST_CA_BUNDLE" "$rootfs$IMAGE_CA_BUNDLE"
  chroot "$rootfs" groupadd --gid "$NODE_USER_ID" node
  chroot "$rootfs" useradd --uid "$NODE_USER_ID" --gid node --shell /bin/bash --create-home node
}

# Scratch space under the cache, removed however the script ends; --one-file-system in
# case an interrupted mmdebstrap left /proc or /dev mounted in it.
WORK=""
remove_work() { if [[ -n $WORK ]]; then rm -rf --one-file-system "$WORK"; fi; }
trap remove_work EXIT

# The cached tarball appears only when complete: written in WORK, then moved.
build_rootfs_tar() {
  local tar=$1 node_tgz=$2 npm_tgz=$3 work
  WORK=$(mktemp -d "$CACHE/rootfs.XXXXXX")
  work=$WORK
  log "building the $DEBIAN_SUITE root filesystem (mmdebstrap)"
  # merged-usr hook: /usr merged by symlinks, without the usrmerge package and the perl it
  # pulls in. The path excludes leave out docs, man pages and translations as Debian's
  # slim images do, and stay in the image's dpkg config for packages installed later.
  mmdebstrap --quiet --variant=minbase --include=ca-certificates,passwd \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-include=/usr/share/locale/locale.alias' \
    "$DEBIAN_SUITE" "$work/rootfs" \
    "deb $DEBIAN_MIRROR $DEBIAN_SUITE main" \
    "deb $DEBIAN_MIRROR $DEBIAN_SUITE-updates main" \
    "deb $DEBIAN_SECURITY_MIRROR $DEBIAN_SUITE-security main" >&2
  customize_rootfs "$work/rootfs" "$node_tgz" "$npm_tgz"
  tar --numeric-owner -C "$work/rootfs" -cf "$work/rootfs.tar" .
  mv "$work/rootfs.tar" "$tar"
  remove_work
  WORK=""
}

main() {
  ((EUID == 0)) || die "run as root: podman works as root only on these machines"
  [[ -s "$HOST_CA_BUNDLE" ]] || die "no CA bundle at $HOST_CA_BUNDLE (set HOST_CA_BUNDLE)"
  ensure_tools
  mkdir -p "$CACHE"
  # One run at a time: a second waits, then finds the image made.
  exec 9>"$CACHE/.lock"
  flock 9
  # Scratch left by a run that was killed (the lock says none is running now).
  find "$CACHE" -maxdepth 1 -name 'rootfs.*' -exec rm -rf --one-file-system {} +

  local recipe arch tar
  recipe=$(recipe_hash)
  if [[ "$(image_recipe)" == "$recipe" ]]; then
    log "$IMAGE is up to date"
    echo "$IMAGE"
    return
  fi

  arch=$(node_arch)
  tar="$CACHE/blog-node-base-$NODE_VERSION-$recipe.tar"
  if [[ ! -s "$tar" ]]; then
    fetch_package "node-linux-$arch@$NODE_VERSION" "node-linux-$arch-$NODE_VERSION.tgz"
    fetch_package "npm@$NPM_VERSION" "npm-$NPM_VERSION.tgz"
    build_rootfs_tar "$tar" "$CACHE/node-linux-$arch-$NODE_VERSION.tgz" "$CACHE/npm-$NPM_VERSION.tgz"
    # Earlier recipes' tarballs are never used again.
    find "$CACHE" -maxdepth 1 -name 'blog-node-base-*.tar' ! -path "$tar" -delete
  fi

  local replaced
  replaced=$("${PODMAN[@]}" image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  log "importing $IMAGE"
  "${PODMAN[@]}" import \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV NODE_VERSION=$NODE_VERSION" \
    --change "ENV NODE_EXTRA_CA_CERTS=$IMAGE_CA_BUNDLE" \
    --change "LABEL blog.base.recipe=$recipe" \
    --change 'CMD ["node"]' \
    "$tar" "$IMAGE" >&2
  [[ "$(image_recipe)" == "$recipe" ]] || die "$IMAGE lacks its recipe label after import"
  # The image this one replaced, now untagged; kept while an app image still builds on it.
  if [[ -n $replaced ]]; then "${PODMAN[@]}" rmi "$replaced" >/dev/null 2>&1 || true; fi
  # An image that cannot run node and npm as the node user is removed, not left to pass
  # the next run's up-to-date check.
  if ! "${PODMAN[@]}" run --rm --ulimit nofile=1024:4096 --ulimit nproc=1024:2048 --user node \
    "$IMAGE" sh -c 'node --version && npm --version && id' >&2; then
    "${PODMAN[@]}" rmi "$IMAGE" >/dev/null 2>&1 || true
    die "$IMAGE does not run node and npm; removed it"
  fi
  echo "$IMAGE"
}

main "$@"
