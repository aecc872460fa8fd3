#!/usr/bin/env bash
# Refresh the Welsh catalogue from the source, then compile it:
#   1. spp_desktop/ui/domain_strings.py  <- the domain's English labels and sentences (for lupdate)
#   2. resources/translations/spp_desktop_cy.ts  <- pyside6-lupdate over spp_desktop/ui and app.py
#      (new strings arrive as "unfinished": translate them in the .ts, with Qt Linguist or by hand,
#      using docs/glossary-cy.md; vanished ones are dropped)
#   3. resources/translations/spp_desktop_cy.qm  <- pyside6-lrelease (what the app loads), and
#      qtbase_cy.qm from the hand-kept qtbase_cy.ts (Qt's standard buttons: Qt ships no Welsh)
# tests/ui/test_translations.py fails until every string is translated and the .qm is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [[ -z "$PY" ]]; then
    for candidate in .venv/bin/python /work/venv/bin/python python3; do
        if command -v "$candidate" >/dev/null 2>&1; then PY="$candidate"; break; fi
    done
fi
BIN="$(dirname "$(command -v "$PY")")"
LUPDATE="${LUPDATE:-$BIN/pyside6-lupdate}"
LRELEASE="${LRELEASE:-$BIN/pyside6-lrelease}"
TS=resources/translations/spp_desktop_cy.ts
QM=resources/translations/spp_desktop_cy.qm

"$PY" -c "from spp_desktop.ui.i18n import write_domain_strings; write_domain_strings()"
mapfile -t SOURCES < <("$PY" -c "from spp_desktop.ui.i18n import translation_sources; print(*translation_sources(), sep='\n')")
"$LUPDATE" -silent -no-obsolete -locations none -source-language en_GB -target-language cy_GB \
    "${SOURCES[@]}" -ts "$TS"
"$LRELEASE" -silent "$TS" -qm "$QM"
# Qt's own strings (standard buttons, text fields' context menu): Qt ships no Welsh, so we keep a few.
"$LRELEASE" -silent resources/translations/qtbase_cy.ts -qm resources/translations/qtbase_cy.qm
"$PY" - "$TS" <<'PYEOF'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
todo = [m.findtext("source") for m in root.iter("message")
        if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()
        and m.get("numerus") != "yes"]
print(f"{sum(1 for _ in root.iter('message'))} strings, {len(todo)} still to translate")
for text in todo:
    print("  -", text)
PYEOF
