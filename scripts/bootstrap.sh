#!/usr/bin/env bash
# Set up everything SPP Desktop needs on this machine: Debian/Ubuntu runtime libraries for Qt (when
# missing, via apt-get, as root or with sudo), then a virtualenv in .venv with the app, the server and
# the test tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_LIBS="libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 \
libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
libxcb-xfixes0 libxcb-xkb1 libdbus-1-3 fonts-dejavu-core poppler-utils libenchant-2-2 hunspell-en-gb \
${SPP_EXTRA_APT:-}"
# libenchant-2-2 and hunspell-en-gb: spell checking (pyenchant); the Welsh dictionary ships in resources/.

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for pkg in $QT_LIBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "Installing system libraries:$missing"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    # Another install running (unattended-upgrades, a second terminal) holds the package manager's
    # lock: wait for it (up to 10 minutes) instead of failing at once.
    . scripts/lib/apt_wait.sh
    lock_timeout="-o DPkg::Lock::Timeout=600"
    apt_wait $sudo_cmd apt-get $lock_timeout update -qq
    apt_wait $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get $lock_timeout install -y -qq \
      --no-install-recommends $missing >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[test,server]"
  rm -f .venv/.installed-* && touch "$stamp"
fi
