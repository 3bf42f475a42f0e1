#!/usr/bin/env bash
# Installs a real VS Code for the in-editor tests (`npm run test:vscode`, `test:ui`, `try`) on a machine that
# reaches only the npm registry and Debian's packages: VS Code's server and web workbench from the npm package
# code-server (4.100.3 = VS Code 1.100.3, the newest that runs on Node 20), driven by Debian's chromium.
#
# Usage: scripts/setup-vscode.sh [DEST] [code-server-version]
#   DEST defaults to <project>/.vscode-test/vscode-server (gitignored).
# Idempotent: when everything is in place it only checks and exits within a second.
# It fails loudly (non-zero, saying what to install) when something cannot be set up; it never skips.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEST=${1:-$ROOT/.vscode-test/vscode-server}
VER=${2:-4.100.3}
SERVER_MAIN="$DEST/node_modules/code-server/lib/vscode/out/server-main.js"

fail() { echo "setup-vscode: $*" >&2; exit 1; }

# Debian packages: chromium (the browser the workbench runs in), ripgrep (VS Code's search and the
# @vscode/ripgrep postinstall, see below) and libkrb5-dev (to build code-server's kerberos module).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
if [ ! -f "$SERVER_MAIN" ] && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then missing+=(libkrb5-dev); fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup-vscode: installing Debian packages: ${missing[*]}"
    apt-get update -qq || fail "apt-get update failed; install these Debian packages by hand: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || fail "apt-get install failed; install these Debian packages by hand: ${missing[*]}"
  else
    fail "missing system packages: ${missing[*]} (on Debian/Ubuntu, as root: apt-get update && apt-get install -y ${missing[*]})"
  fi
fi
command -v chromium >/dev/null 2>&1 || fail "chromium is still missing: install the Debian package 'chromium'"
command -v rg >/dev/null 2>&1 || fail "rg is still missing: install the Debian package 'ripgrep'"

if [ -f "$SERVER_MAIN" ]; then
  echo "setup-vscode: VS Code server present in $DEST"
  exit 0
fi

echo "setup-vscode: installing code-server@$VER into $DEST (about a minute, 300 MB)"
# @vscode/ripgrep (a dependency of code-server 4.10x) downloads rg from GitHub in its postinstall, which this
# machine cannot reach: pre-seed its download cache with Debian's rg under the file name it looks for.
RGVER=1.15.11
RGCACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RGVER"
mkdir -p "$RGCACHE"
T=$(mktemp -d)
cp "$(command -v rg)" "$T/rg"
tar czf "$RGCACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$T" rg
rm -rf "$T"

mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{"name":"vscode-under-test","version":"0.0.0","private":true}' > package.json
# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which must not stop to ask.
# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
if ! npm_config_yes=true npm_config_unsafe_perm=true npm install --no-save --no-audit --no-fund \
     "code-server@$VER" --foreground-scripts > install.log 2>&1; then
  tail -40 install.log >&2
  fail "npm install code-server@$VER failed (log: $DEST/install.log)"
fi
[ -f "$SERVER_MAIN" ] || fail "code-server installed but $SERVER_MAIN is missing (log: $DEST/install.log)"
echo "setup-vscode: installed VS Code $(node -p "require('$DEST/node_modules/code-server/lib/vscode/package.json').version")"
