"""Start-up: process start to the unlocked demo review's plan on screen, against a bare PySide6 window.

    python -m benchmarks.bench_startup

Both are measured the same way, in the same run, alternating, median of 7 each: the parent notes the
wall-clock time just before starting a fresh Python process; the child prints the wall-clock time
once its window is on screen and the event loop has drawn it (a zero-timer after show, i.e. after the
first paint is queued and processed). Qt's offscreen platform is used for both (no display needed).
Bytecode is cached for both (PYTHONPYCACHEPREFIX in the temp dir, filled by a warm-up run of each), as
an installed app has it; PYTHONDONTWRITEBYTECODE would otherwise make every run compile our sources.

SPP Desktop's child is the real start-up path: `application()` (style, palette, icons), the main
window from `build_main_window`, the lock screen, the passphrase typed and Unlock pressed, the key
derived on the worker thread, the store opened on the UI thread and the demo review's workspace and
Plan page built and shown. The key derivation (Argon2id, 64 MiB, t=3, p=4: slow on purpose) is timed
inside the child and subtracted; the store was created with the default KDF beforehand.
Target: ratio <= 2.0 (issue 15).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

BARE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Bare")
window.resize(1366, 768)
window.show()
def shown():
    print("SHOWN", time.time(), flush=True)
    print("CPU", time.thread_time(), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

APP = r"""
import sys, time
from pathlib import Path
folder, review_id, passphrase, settings_file = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
import spp_desktop.store.db  # noqa: F401
from PySide6.QtCore import QTimer
from spp_desktop.app import application, build_main_window
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.settings import Settings

derive = ReviewStore.derive_key
spent = []
def timed_derive(*args):
    started = time.perf_counter()
    try:
        return derive(*args)
    finally:
        spent.append(time.perf_counter() - started)
ReviewStore.derive_key = staticmethod(timed_derive)

app = application()
window = build_main_window(folder, settings=Settings(), settings_file=settings_file, open_on_unlock=review_id)
window.resize(1366, 768)
window.show()
def lock_screen_shown():
    print("LOCKSCREEN", time.time(), flush=True)
    window.lock_screen.passphrase.setText(passphrase)
    window.lock_screen.submit()
def unlocked(_store):
    QTimer.singleShot(0, plan_shown)
def plan_shown():
    page = window.workspace.plan_page
    assert page.isVisible() and window.workspace.current_page_name() == "plan"
    print("SHOWN", time.time(), flush=True)
    print("CPU", time.thread_time(), flush=True)  # the UI thread only: the derivation runs on a worker
    print("DERIVE", sum(spent), flush=True)
    window.close()
    app.quit()
window.lock_screen.unlocked.connect(unlocked)
QTimer.singleShot(0, lock_screen_shown)
app.exec()
"""


def _launch(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"start-up child failed:\n{done.stderr[-2000:]}")
    marks = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key in ("SHOWN", "LOCKSCREEN", "DERIVE", "CPU"):
            marks[key] = float(value)
    out = {"shown": marks["SHOWN"] - started, "cpu": marks["CPU"]}
    if "LOCKSCREEN" in marks:
        out["lock"] = marks["LOCKSCREEN"] - started
    if "DERIVE" in marks:
        out["derive"] = marks["DERIVE"]
    return out


def _prepare(folder: Path) -> tuple[str, str]:
    import spp_desktop.store.db  # noqa: F401
    from spp_desktop.demo import DEMO_PASSPHRASE, demo_package
    from spp_desktop.store.repository import ReviewStore

    store = ReviewStore.create(folder, DEMO_PASSPHRASE)  # the default (slow) KDF, as users get it
    try:
        review_id = store.import_package(demo_package())
    finally:
        store.close()
    return review_id, DEMO_PASSPHRASE


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory(prefix="spp-bench-startup-") as tmp:
        folder = Path(tmp) / "data"
        review_id, passphrase = _prepare(folder)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SPP_CONFIG_DIR=str(Path(tmp) / "config"),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                   # Bytecode as an installed app has it: written once (by the warm-up runs) to a
                   # private cache, then read. Without it every run would compile our sources.
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        args = [str(folder), review_id, passphrase, str(Path(tmp) / "config" / "settings.json")]
        _launch(BARE, [], env)  # warm the file cache for both
        _launch(APP, args, env)
        bare, app, lock, derive, bare_cpu, app_cpu = [], [], [], [], [], []
        for _ in range(RUNS):
            marks = _launch(BARE, [], env)
            bare.append(marks["shown"])
            bare_cpu.append(marks["cpu"])
            marks = _launch(APP, args, env)
            app.append(marks["shown"] - marks["derive"])
            app_cpu.append(marks["cpu"])
            lock.append(marks["lock"])
            derive.append(marks["derive"])

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    return [
        ("bare PySide6 QMainWindow: process start to shown (median of 7)", ms(bare), "ms"),
        ("SPP Desktop: process start to lock screen shown", ms(lock), "ms"),
        ("SPP Desktop: process start to demo plan shown, key derivation excluded", ms(app), "ms"),
        ("key derivation in the worker (excluded above)", ms(derive), "ms"),
        ("start-up ratio to bare QMainWindow (target <= 2.0)", ms(app) / ms(bare), "x"),
        ("UI-thread CPU to shown: bare QMainWindow", ms(bare_cpu), "ms"),
        ("UI-thread CPU to shown: SPP Desktop demo plan", ms(app_cpu), "ms"),
        ("UI-thread CPU ratio (less sensitive to machine load)", ms(app_cpu) / ms(bare_cpu), "x"),
    ]


if __name__ == "__main__":
    from benchmarks.run import print_table

    print_table(run())
