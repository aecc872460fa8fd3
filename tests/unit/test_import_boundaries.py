"""The layering rules of ARCHITECTURE.md, read from the source: a break fails the build."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STDLIB = set(sys.stdlib_module_names)
DB_DRIVERS = {"sqlite3", "sqlcipher3", "pysqlite3", "sqlite_utils", "sqlalchemy", "psycopg", "alembic"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # `from a.b import c` may import the submodule a.b.c: name it fully so rules see it.
            names.extend(f"{module}.{alias.name}" for alias in node.names)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _top(name: str) -> str:
    return name.split(".")[0]


def test_pyside_only_in_ui_and_app():
    allowed = ("spp_desktop/ui/", "spp_desktop/app.py", "spp_desktop/cli.py")
    bad = [_rel(p) for d in ("spp_desktop", "sync") for p in _modules(d)
           if any(_top(n) == "PySide6" for n in _imports(p)) and not _rel(p).startswith(allowed)]
    assert bad == []


def test_sql_only_in_store_and_server():
    allowed = ("spp_desktop/store/", "sync/server/")
    bad = []
    for d in ("spp_desktop", "sync"):
        for p in _modules(d):
            if _rel(p).startswith(allowed):
                continue
            if any(_top(n) in DB_DRIVERS for n in _imports(p)) or ".execute(" in p.read_text(encoding="utf-8"):
                bad.append(_rel(p))
    assert bad == []


def test_sync_never_imports_the_app():
    bad = [_rel(p) for p in _modules("sync") if any(_top(n) == "spp_desktop" for n in _imports(p))]
    assert bad == []


def test_domain_is_standard_library_only():
    bad = {_rel(p): n for p in _modules("spp_desktop/domain") for n in _imports(p)
           if _top(n) not in STDLIB and not n.startswith("spp_desktop.domain") and n != "__future__"}
    assert bad == {}


def test_protocol_imports_nothing_of_ours():
    allowed_third_party = {"cryptography"}
    bad = {_rel(p): n for p in _modules("sync/protocol") for n in _imports(p)
           if _top(n) not in STDLIB | allowed_third_party and not n.startswith("sync.protocol")}
    assert bad == {}


def test_client_and_server_use_only_the_protocol_of_ours():
    for folder, other in (("sync/client", "sync.server"), ("sync/server", "sync.client")):
        bad = {_rel(p): n for p in _modules(folder) for n in _imports(p) if n.startswith(other)}
        assert bad == {}, folder


def test_reports_use_only_the_domain():
    bad = {_rel(p): n for p in _modules("spp_desktop/reports") for n in _imports(p)
           if _top(n) == "spp_desktop" and not n.startswith(("spp_desktop.domain", "spp_desktop.reports"))}
    assert bad == {}


def test_store_never_imports_ui_or_reports():
    bad = {_rel(p): n for p in _modules("spp_desktop/store") for n in _imports(p)
           if n.startswith(("spp_desktop.ui", "spp_desktop.reports", "spp_desktop.services", "PySide6"))}
    assert bad == {}


def test_ui_reaches_the_store_only_through_review_store():
    allowed = ("spp_desktop.store.repository", "spp_desktop.store.errors")
    bad = {_rel(p): n for p in _modules("spp_desktop/ui") for n in _imports(p)
           if n.startswith("spp_desktop.store") and not n.startswith(allowed)}
    assert bad == {}


def test_ui_reaches_sync_only_through_the_service():
    bad = {_rel(p): n for p in _modules("spp_desktop/ui") for n in _imports(p)
           if n.startswith(("sync.client", "sync.server"))}
    assert bad == {}


def test_ui_never_calls_the_stores_sync_face():
    """`store.replica` (the outbox, the cursor, marking ops sent, trust, bundles) is sync's: the UI reaches
    it only through services.sync_service, never as `.replica` (nor by getattr with that name)."""
    bad = []
    for p in _modules("spp_desktop/ui"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"), str(p))):
            if isinstance(node, ast.Attribute) and node.attr == "replica":
                bad.append(f"{_rel(p)}:{node.lineno}")
            elif isinstance(node, ast.Constant) and node.value == "replica":
                bad.append(f"{_rel(p)}:{node.lineno}")
    assert bad == []


def test_shared_reports_use_only_the_domain_the_laptop_reports_and_the_protocol():
    """spp_reports is what the server may import of the laptop's code: the PDF builder and the pure
    state -> domain mapping, nothing with Qt, SQL or keys."""
    allowed = ("spp_desktop.domain", "spp_desktop.reports", "spp_desktop.store.mapping", "sync.protocol",
               "spp_reports")
    bad = {_rel(p): n for p in _modules("spp_reports") for n in _imports(p)
           if _top(n) in ("spp_desktop", "sync", "PySide6") and not n.startswith(allowed)}
    assert bad == {}


def test_laptop_store_mapping_stays_pure():
    """spp_reports (and so the server) imports spp_desktop.store.mapping: it must stay free of SQL and keys."""
    names = _imports(ROOT / "spp_desktop/store/mapping.py")
    bad = [n for n in names if _top(n) in DB_DRIVERS | {"PySide6", "cryptography"}
           or (n.startswith("spp_desktop.store") and not n.startswith("spp_desktop.store.mapping"))]
    assert bad == []


def _cli_import_graph() -> dict[str, set[str]]:
    """spp_desktop/cli*.py -> the cli modules each imports, lazy imports inside functions included."""
    modules = {f"spp_desktop.{p.stem}": p for p in sorted((ROOT / "spp_desktop").glob("cli*.py"))}
    return {name: {other for n in _imports(path) for other in modules
                   if other != name and (n == other or n.startswith(other + "."))}
            for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle in `graph` as a path that ends where it starts, or [] when there is none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return []
        for nxt in sorted(graph.get(node, ())):
            found = visit(nxt, path + [node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_cli_modules_import_no_circle():
    """cli.py puts the command tables together; cli_commands and cli_sync share only cli_common (and
    cli_exit), so neither imports the other nor the entry point."""
    graph = _cli_import_graph()
    assert {"spp_desktop.cli", "spp_desktop.cli_commands", "spp_desktop.cli_sync",
            "spp_desktop.cli_common"} <= set(graph)
    assert _cycle(graph) == []
    for name in ("spp_desktop.cli_commands", "spp_desktop.cli_sync"):
        assert graph[name] <= {"spp_desktop.cli_common", "spp_desktop.cli_exit"}, name
    assert graph["spp_desktop.cli_common"] <= {"spp_desktop.cli_exit"}
def test_no_import_cycles():
    """No module reaches itself through imports, including imports inside functions and TYPE_CHECKING blocks
    (a cycle hidden that way still ties two modules into one: the main window and the sync controller were)."""
    modules: dict[str, Path] = {}
    for folder in ("spp_desktop", "sync", "spp_reports"):
        for path in _modules(folder):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not name.startswith(imported + "."):  # a package's own __init__
                targets.add(imported)
        graph[name] = targets
    cycles = _cycles(graph)
    assert cycles == [], cycles


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found
