#!/usr/bin/env bash
# Installs the TrueType font the import tests embed in their generated PDFs (the 14 standard PDF fonts cannot
# encode Czech letters such as č ř ě ů): DejaVu Sans from the Debian package fonts-dejavu-core.
# Idempotent: when the font is in place it exits at once. It fails loudly, saying what to install, when it cannot.
set -euo pipefail
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
[ -f "$FONT" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup-fonts: installing the Debian package fonts-dejavu-core"
  apt-get update -qq || { echo "setup-fonts: apt-get update failed; install fonts-dejavu-core by hand" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null \
    || { echo "setup-fonts: apt-get install failed; install fonts-dejavu-core by hand" >&2; exit 1; }
fi
[ -f "$FONT" ] || { echo "setup-fonts: $FONT is missing: install the Debian package fonts-dejavu-core (as root: apt-get install -y fonts-dejavu-core)" >&2; exit 1; }
