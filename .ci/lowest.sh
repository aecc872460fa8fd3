#!/usr/bin/env bash
# The declared floors, checked: install the LOWEST version that pyproject.toml allows of every direct
# dependency (uv's --resolution lowest-direct; what they pull in resolves as usual) into a venv of its own,
# then run a fast subset that imports and exercises each of them: the store (sqlcipher3, cryptography's
# Argon2id/HKDF derive_into), the PDF (reportlab), the sync client (requests, urllib3 Retry), the server
# (fastapi, sqlalchemy, alembic, uvicorn) and a few Qt widgets (pyside6-essentials, pytest-qt).
#
#   bash .ci/lowest.sh            (uses .venv's python to fetch uv; about 1-2 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${SPP_LOWEST_VENV:-/tmp/spp-lowest-venv}"
[ -x .venv/bin/uv ] || .venv/bin/python -m pip install -q uv
rm -rf "$venv"
.venv/bin/uv venv -q --python "$(.venv/bin/python -c 'import sys; print(sys.executable)')" "$venv"
VIRTUAL_ENV="$venv" .venv/bin/uv pip install -q --resolution lowest-direct -e ".[test,server]"
echo "lowest direct versions:"
VIRTUAL_ENV="$venv" .venv/bin/uv pip list 2>/dev/null | grep -iE \
  "^(pyside6-essentials|sqlcipher3|cryptography|reportlab|requests|urllib3|platformdirs|fastapi|uvicorn|sqlalchemy|psycopg|alembic|pytest|pytest-qt|hypothesis|pypdf|httpx|pillow|schemathesis) " || true
QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest -q -p no:cacheprovider \
  tests/unit/test_keys.py tests/unit/test_db.py tests/unit/test_store_migrations.py tests/unit/test_attachments.py \
  tests/unit/test_photos.py tests/unit/test_feedback_pdf.py tests/unit/test_cli.py \
  tests/server/test_cli.py tests/server/test_live_server.py tests/integration/test_sync_client.py \
  tests/ui/test_lock.py
