# shellcheck shell=bash
# Sourced by scripts/stack.sh and scripts/test.sh (needs ROOT): puts the project's Node first
# on PATH, the version in .node-version (an active LTS). A machine whose `node` is already of
# that major keeps its own; otherwise the official binary, which the npm registry serves as
# the package node-linux-<arch>, is unpacked once under .stack/cache/node/<version>/. npm
# stays the machine's: it runs on whichever node is first on PATH.

PROJECT_NODE_VERSION=$(tr -d '[:space:]' <"$ROOT/.node-version")

use_project_node() {
  local major=${PROJECT_NODE_VERSION%%.*} have dir arch tmp
  have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)
  [[ $have == "$major" ]] && return 0
  dir="$ROOT/.stack/cache/node/$PROJECT_NODE_VERSION"
  if [[ ! -x $dir/bin/node ]]; then
    case $(uname -m) in
      x86_64) arch=x64 ;;
      aarch64) arch=arm64 ;;
      *) printf 'no Node package for %s\n' "$(uname -m)" >&2; return 1 ;;
    esac
    printf '[node] fetching Node %s (node-linux-%s from the npm registry)\n' "$PROJECT_NODE_VERSION" "$arch" >&2
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$PROJECT_NODE_VERSION" >/dev/null &&
      tar -xzf ./*.tgz) || { rm -rf "$tmp"; return 1; }
    mkdir -p "$dir/bin"
    mv "$tmp/package/bin/node" "$dir/bin/node.partial" && mv "$dir/bin/node.partial" "$dir/bin/node"
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
}
