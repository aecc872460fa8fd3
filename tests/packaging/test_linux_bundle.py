"""The real Linux build: PyInstaller bundles the app, and the bundle runs without the source tree.

Slow (about a minute to build), so it runs only with SPP_BUILD_BUNDLE=1:

    SPP_BUILD_BUNDLE=1 .venv/bin/python -m pytest tests/packaging/test_linux_bundle.py -s

It reuses dist/spp-desktop when that is newer than every source, resource and packaging file, else runs
`bash scripts/build_linux_bundle.sh` with this interpreter's virtualenv. The bundle is then copied to a
temporary folder and started from another working directory, with a minimal environment whose PYTHONPATH
cannot see the checkout, on Qt's offscreen platform:
  --version                     prints the version
  --demo                        stays up for 5 s with no traceback (the GUI, Qt plugins, icons, demo package)
  init, demo, export-pdf --language cy   a PDF with DejaVu embedded (SQLCipher, fonts, resources, Welsh)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spp_desktop import __version__
from spp_desktop.cli_exit import EXIT_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "spp-desktop"
SOURCES = ("spp_desktop", "sync", "resources", "packaging", "pyproject.toml", "scripts/build_linux_bundle.sh")
PASSPHRASE = "correct horse battery staple"
DEMO_SECONDS = 5.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SPP_BUILD_BUNDLE") != "1", reason="set SPP_BUILD_BUNDLE=1 to build the bundle"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux"),
]


def _newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for file in files:
            newest = max(newest, file.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """A copy of a fresh dist/spp-desktop in a temporary folder, away from the checkout."""
    exe = DIST / "spp-desktop"
    if exe.exists() and exe.stat().st_mtime > _newest_source_mtime():
        print(f"\nreusing {DIST} (newer than the sources)")
    else:
        env = dict(os.environ, SPP_VENV=sys.prefix)
        start = time.monotonic()
        subprocess.run(["bash", "scripts/build_linux_bundle.sh"], cwd=ROOT, env=env, check=True, timeout=900)
        print(f"\nbuilt {DIST} in {time.monotonic() - start:.0f} s")
    size = sum(f.stat().st_size for f in DIST.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"bundle size {size / 2**20:.0f} MiB")
    copy = tmp_path_factory.mktemp("installed") / "spp-desktop"
    shutil.copytree(DIST, copy, symlinks=True)
    return copy


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """No virtualenv, no checkout on any path; home, config, data and temp inside tmp_path."""
    nowhere = tmp_path / "empty-pythonpath"
    nowhere.mkdir()
    for name in ("home", "tmp", "config", "data", "cache", "runtime"):
        (tmp_path / name).mkdir()
    (tmp_path / "runtime").chmod(0o700)
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path / "tmp"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "PYTHONPATH": str(nowhere),
        "PYTHONNOUSERSITE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }


def run(bundle: Path, args: list[str], env: dict[str, str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle / "spp-desktop"), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120, **kw)


def test_version(bundle: Path, clean_env: dict[str, str], tmp_path: Path):
    result = run(bundle, ["--version"], clean_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"SPP Desktop {__version__}"


def test_bundle_carries_what_the_app_needs(bundle: Path):
    internal = bundle / "_internal"
    assert (internal / "resources" / "demo" / "demo-review.json").is_file()
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    for catalogue in ("spp_desktop_cy.qm", "qtbase_cy.qm"):  # the Welsh interface
        assert (internal / "resources" / "translations" / catalogue).is_file(), catalogue
    for guide in ("user-guide.md", "user-guide.cy.md"):  # Help > User guide, with its pictures
        assert (internal / "docs" / guide).is_file(), guide
    assert (internal / "docs" / "screenshots" / "plan.png").is_file()
    assert (internal / "docs" / "screenshots" / "cy-plan.png").is_file()
    assert list((internal / "sqlcipher3").glob("_sqlite3*.so")), "the SQLCipher extension module"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    from PySide6.QtCore import QLibraryInfo

    installed = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    for name in ("libqoffscreen.so", "libqxcb.so", "libqwayland.so"):
        if (installed / name).exists():  # wayland where this Qt has it
            assert (plugins / "platforms" / name).is_file(), name
    assert (plugins / "iconengines" / "libqsvgicon.so").is_file()
    assert (plugins / "imageformats" / "libqsvg.so").is_file()
    # The GTK theme is there (GNOME's own file dialog), without the GTK stack: the system's is used.
    if (installed.parent / "platformthemes" / "libqgtk3.so").exists():
        assert (plugins / "platformthemes" / "libqgtk3.so").is_file(), "the GTK platform theme"
    assert not list(internal.glob("libgtk-3.so*")) and not list(internal.glob("libcairo.so*")), "bundled GTK"
    for absent in ("fastapi", "uvicorn", "sqlalchemy", "PySide6/QtWebEngineCore.abi3.so", "PySide6/QtQml.abi3.so"):
        assert not (internal / absent).exists(), f"{absent} should not be in the laptop bundle"


def test_demo_window_stays_up(bundle: Path, clean_env: dict[str, str], tmp_path: Path):
    proc = subprocess.Popen([str(bundle / "spp-desktop"), "--demo"], env=clean_env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + DEMO_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        early_exit = proc.poll()
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            out, err = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
    assert early_exit is None, f"--demo exited early with status {early_exit}:\n{out}\n{err}"
    assert "Traceback" not in err, err
    assert "Could not load the Qt platform plugin" not in err, err


def test_headless_store_demo_and_pdf(bundle: Path, clean_env: dict[str, str], tmp_path: Path):
    env = dict(clean_env, SPP_PASSPHRASE=PASSPHRASE)
    data = tmp_path / "store"
    init = run(bundle, ["--data-dir", str(data), "init"], env, tmp_path)
    assert init.returncode == 0, init.stderr
    header = (data / "store.db").read_bytes()[:16]
    assert header != b"SQLite format 3\x00", "the store must be SQLCipher-encrypted"

    demo = run(bundle, ["--data-dir", str(data), "demo"], env, tmp_path)
    assert demo.returncode == 0, demo.stderr
    review_id = re.search(r"\(([0-9a-f-]{36})\)", demo.stdout).group(1)

    pdf = tmp_path / "feedback.pdf"
    export = run(bundle, ["--data-dir", str(data), "export-pdf", review_id, "--out", str(pdf), "--language", "cy"],
                 env, tmp_path)
    assert export.returncode == 0, export.stderr
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF-") and len(content) > 10_000
    assert b"DejaVuSans" in content, "the DejaVu font from the bundle is embedded"
    assert "Traceback" not in init.stderr + demo.stderr + export.stderr

    wrong = run(bundle, ["--data-dir", str(data), "list"], dict(env, SPP_PASSPHRASE="not the passphrase at all"), tmp_path)
    assert wrong.returncode == EXIT_PASSPHRASE and "Traceback" not in wrong.stderr
