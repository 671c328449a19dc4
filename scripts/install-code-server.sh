#!/usr/bin/env bash
# Installs code-server (= VS Code 1.100.3 for the browser) into .vscode-test/code-server.
# It is the real VS Code workbench + extension host we run tests in on machines that cannot
# download desktop VS Code. Kept out of devDependencies: its postinstall only works on Node 20.
# Idempotent: returns at once when the pinned version is already there.
set -euo pipefail

VERSION=4.100.3
RG_CACHE_VERSION=1.15.11            # @vscode/ripgrep version inside code-server 4.100.3
RG_VERSION=v13.0.0-10               # the rg release that @vscode/ripgrep 1.15.11 downloads

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/.vscode-test/code-server"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
MARKER="$DEST/.installed-$VERSION"

log() { echo "[install-code-server] $*"; }
die() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }

if [[ -f "$MARKER" && -f "$ENTRY" ]]; then
  log "code-server $VERSION already installed in ${DEST#"$ROOT"/}"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || die "code-server $VERSION needs Node 20 (found $(node -v))."

# Linux on x86-64 and arm64 only: the two architectures @vscode/ripgrep names a musl archive for.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  Linux-aarch64 | Linux-arm64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) die "unsupported platform $(uname -s) $(uname -m): this script supports Linux on x86-64 and arm64 only." ;;
esac
RG_ARCHIVE="ripgrep-$RG_VERSION-$RG_TARGET.tar.gz"

# System packages: ripgrep (for the cached rg archive) and the kerberos headers (native module).
# Never installed from here (a test stage must not change the machine): .ci/run installs them.
missing=()
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[[ -f /usr/include/gssapi/gssapi.h || -f /usr/include/gssapi.h ]] || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  die "missing system packages: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}, or run bash .ci/run as root) and re-run."
fi

# @vscode/ripgrep downloads rg from GitHub unless this cached archive exists; build it from Debian's rg.
RG_CACHE_DIR="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_CACHE_VERSION"
if [[ ! -s "$RG_CACHE_DIR/$RG_ARCHIVE" ]]; then
  log "caching $(command -v rg) as $RG_CACHE_DIR/$RG_ARCHIVE"
  mkdir -p "$RG_CACHE_DIR"
  tar -czf "$RG_CACHE_DIR/$RG_ARCHIVE" -C "$(dirname "$(command -v rg)")" rg
fi

log "installing code-server@$VERSION into ${DEST#"$ROOT"/} (about a minute)"
mkdir -p "$DEST"
rm -f "$DEST"/.installed-*
cat >"$DEST/package.json" <<EOF
{
  "name": "telnyx-sims-code-server",
  "private": true,
  "description": "code-server for the Telnyx SIM Explorer test harness (not part of the extension)",
  "dependencies": { "code-server": "$VERSION" }
}
EOF

# unsafe_perm: code-server's postinstall refuses to run as root otherwise.
# yes: node-pty's post-install runs `npx node-gyp`.
# nodedir: node-gyp uses the local Node headers instead of downloading them, when they exist.
export npm_config_unsafe_perm=true npm_config_yes=true
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi
start=$SECONDS
# npm's exit status decides; the filter only hides npm's noise about our env-style config.
set +e
(cd "$DEST" && npm install --no-package-lock --loglevel=warn 2>&1) | { grep -v -E 'Unknown (user|env) config' || true; }
npm_status=${PIPESTATUS[0]}
set -e
((npm_status == 0)) || die "npm install of code-server@$VERSION failed (exit $npm_status); see the npm output above."
[[ -f "$ENTRY" ]] || die "code-server did not install ($ENTRY missing); see the npm output above."
# The postinstall builds the VS Code server's node_modules; check a native module it needs.
[[ -d "$DEST/node_modules/code-server/lib/vscode/node_modules/node-pty" ]] \
  || die "code-server's postinstall did not complete (lib/vscode/node_modules missing)."
touch "$MARKER"
log "installed code-server $VERSION in $((SECONDS - start)) s"
