"""A laptop that has kept ten past reviews: unlock and Home, against the same laptop with one review.

    python -m benchmarks.bench_laptop

Two stores are made side by side: one holding one large review (600 evidence records, 40 findings,
every record linked), one holding ten such reviews. Each round opens each store afresh (caches cold,
as after a real unlock) and times, alternating between the two:

- unlock: the store opened with the derived key as the app's lock screen opens it
  (`ReviewStore.open_with(key, verify=False)`: SQLCipher open and migrations check). The key derivation
  itself (Argon2id) does not depend on how much the store holds and is left out;
- the whole-file check (the HMAC of every page, then the structure: `check_integrity` on a second
  connection), which the app runs on a worker right after unlock and every minute: it grows with the
  store, and is timed apart because the UI thread does not wait for it;
- Home: the review list read (`list_reviews`) and the Home page built, shown and painted;
- the two together, which is what a reviewer waits for between Unlock and the list of reviews.

Target: ten reviews as fast as one (ratio ~1).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_feedback import large_package  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui import theme  # noqa: E402
from spp_desktop.ui.home import HomePage  # noqa: E402

PASSPHRASE = "benchmark passphrase here"
REVIEWS = 10
ROUNDS = 5


def _fill(folder: Path, reviews: int) -> None:
    store = ReviewStore.create(folder, PASSPHRASE, kdf_params=FAST_TEST_KDF)
    for i in range(reviews):
        doc = large_package()
        doc["review"]["id"] = str(uuid.UUID(int=i + 1, version=4))
        doc["review"]["host_school"] = f"School {i + 1}"
        store.import_package(doc)
    store.close()


def _unlock_and_home(app: QApplication, folder: Path) -> tuple[float, float, float]:
    key = ReviewStore.derive_key(folder, PASSPHRASE)
    t0 = time.perf_counter()
    store = ReviewStore.open_with(key, verify=False)
    t1 = time.perf_counter()
    home = HomePage(store)
    home.resize(1366, 768)
    home.show()
    home.repaint()
    app.processEvents()
    t2 = time.perf_counter()
    home.close()
    home.deleteLater()
    app.processEvents()
    t3 = time.perf_counter()
    worker = store.for_worker()  # as ui/store_watch.py does, on its worker thread
    worker.check_integrity()
    worker.close()
    t4 = time.perf_counter()
    store.close()
    return (t1 - t0) * 1000, (t2 - t1) * 1000, (t4 - t3) * 1000


def run() -> list[tuple[str, float, str]]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if isinstance(app, QApplication):
        theme.apply_theme(app, dark=False)
    with tempfile.TemporaryDirectory(prefix="spp-bench-laptop-") as tmp:
        one, ten = Path(tmp) / "one", Path(tmp) / "ten"
        _fill(one, 1)
        _fill(ten, REVIEWS)
        size = {f: sum(p.stat().st_size for p in f.iterdir() if p.is_file()) / 1e6 for f in (one, ten)}
        _unlock_and_home(app, one)  # warm-up: imports, fonts, style
        times: dict[Path, list[tuple[float, float, float]]] = {one: [], ten: []}
        for _ in range(ROUNDS):
            for folder in (one, ten):
                times[folder].append(_unlock_and_home(app, folder))

    def med(folder: Path, part: int | None) -> float:
        return statistics.median(t[part] if part is not None else t[0] + t[1] for t in times[folder])

    rows = [(f"store size on disk, {n} review{'s' if n > 1 else ''} of 600 records", size[f], "MB")
            for n, f in ((1, one), (REVIEWS, ten))]
    for part, what in ((0, "unlock (open, migrations check)"), (1, "Home (list read, built, shown)"),
                       (None, "unlock + Home"), (2, "whole-file check on the worker (not waited for)")):
        rows += [(f"{what}, 1 review", med(one, part), "ms"), (f"{what}, {REVIEWS} reviews", med(ten, part), "ms"),
                 (f"{what}: {REVIEWS} reviews / 1 (target ~1)", med(ten, part) / med(one, part), "x")]
    return rows


if __name__ == "__main__":
    from benchmarks.run import print_table

    print_table(run())
