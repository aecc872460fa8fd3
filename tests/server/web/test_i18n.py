"""Every word of the web console has its Welsh: the literal _("...") strings of the templates and the
console's own labels (stages, roles, overdue, navigation, the schedule preview's problems)."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from sync.server.web.catalogue_cy import CY

render = importlib.import_module("sync.server.web.render")  # the module (the package exports a function)

WEB = Path(render.__file__).parent
CALL = re.compile(r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
PAIR = re.compile(r"""\(\s*"[^"]*"\s*,\s*"([^"]+)"\s*\)""")  # ("/href", "Label") and ("kind", "Title")
DICT_VALUE = re.compile(r""""[a-z_]+"\s*:\s*"([A-Z][^"]+)\"""")


def template_strings() -> set[str]:
    found: set[str] = set()
    for path in (WEB / "templates").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        found |= {a or b for a, b in CALL.findall(text)}
        found |= set(PAIR.findall(text)) | set(DICT_VALUE.findall(text))
    return found


def python_strings() -> set[str]:
    found = set(render.STAGE_NAMES.values()) | set(render.ROLE_NAMES.values()) | set(render.LATE_NAMES.values())
    found |= set(render.PROGRESS_NAMES.values())
    found |= {label for _, label in render.nav_links_all()}
    schedule = (WEB.parent / "schedule.py").read_text(encoding="utf-8")
    found |= set(re.findall(r'problems\.append\(\("([^"]+)"', schedule))
    for path in WEB.glob("routes_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(getattr(t, "attr", None) == "error" or
                                                    (isinstance(t, ast.Subscript)) for t in node.targets):
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str) and node.value.value:
                    found.add(node.value.value)
    return found


def test_every_console_string_has_welsh() -> None:
    strings = template_strings() | python_strings()
    assert len(strings) > 150
    missing = sorted(s for s in strings if not CY.get(s, "").strip())
    assert missing == []


def test_welsh_keeps_the_placeholders() -> None:
    for english, welsh in CY.items():
        assert set(re.findall(r"{\w+}", english)) == set(re.findall(r"{\w+}", welsh)), english
