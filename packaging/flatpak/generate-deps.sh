#!/usr/bin/env bash
# Make python3-deps.json (the Flatpak module with the pinned wheels and their sha256) from requirements.txt,
# for CPython 3.12 (the KDE 6.8 runtime's) on x86_64 and aarch64. Needs PyPI's JSON API.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv /tmp/req2flatpak-venv
/tmp/req2flatpak-venv/bin/pip install -q req2flatpak
grep -v '^#' requirements.txt > /tmp/req2flatpak-requirements.txt
/tmp/req2flatpak-venv/bin/req2flatpak -r /tmp/req2flatpak-requirements.txt -t 312-x86_64 312-aarch64 \
  -o python3-deps.json
echo "Wrote $(pwd)/python3-deps.json"
