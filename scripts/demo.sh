#!/usr/bin/env bash
# Set up (if needed) and open SPP Desktop on its built-in demo review, in a throwaway data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/spp-desktop --demo "$@"
