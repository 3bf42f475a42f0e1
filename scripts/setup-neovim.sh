#!/usr/bin/env bash
# Installs Neovim for the Neovim test (`npm run test:neovim`): Debian's package, as root with apt-get.
# Idempotent; fails loudly (non-zero, saying what to install) when Neovim cannot be set up; it never skips.
set -euo pipefail
fail() { echo "setup-neovim: $*" >&2; exit 1; }
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup-neovim: installing the Debian package neovim"
  apt-get update -qq || fail "apt-get update failed; install the Debian package 'neovim' by hand"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null || fail "apt-get install failed; install the Debian package 'neovim' by hand"
else
  fail "nvim is missing (on Debian/Ubuntu, as root: apt-get update && apt-get install -y neovim)"
fi
command -v nvim >/dev/null 2>&1 || fail "nvim is still missing: install the Debian package 'neovim'"
