"""Large reviews: every screen and transfer a reviewer waits for, from 100 to 3,000 records, with peak memory.

    python -m benchmarks.bench_large                 # 100, 600 with 150 photos, 1,000 and 3,000 records
    python -m benchmarks.bench_large 600:150 3000    # chosen sizes (records[:photos])

Each size runs in a fresh child process (so its memory is its own) against a real sync server on
127.0.0.1 (tests/server/live.py). Laptop A writes the review through ReviewStore as a reviewer would
(each record a fsync'd save, each linked to a finding, long notes, up to 40 findings); photos are
JPEGs of ~PHOTO_KB each (smaller than a phone's 2-4 MB to keep the default run within minutes: photo
cost is per byte and is measured at full size by bench_sync). Then, each timed on its own, with its
peak RSS (VmHWM reset through /proc/self/clear_refs just before the step, so the figure is the
process's peak during that step):

- open the review (workspace and Plan page built, shown, painted), the evidence page (records read,
  list filled, shown), filter by kind and search in its list, the findings and feedback screens (first
  frame), the matrix (links read, counted, drawn), the feedback PDF (store read + reportlab);
- A's first sync (pushes everything), laptop B's first sync from scratch (checkout: package, every op
  and photo pulled), a no-op sync (median of 10);
- bundle export on A and import on laptop C (checked out before the day was written: it has the
  review, its key and the team's device certificates, none of the day's records).

The growth order of each step is the slope of log(time) against log(records) over the sizes without
photos (least squares): 1.0 is linear, below 1 better than linear (fixed costs dominate small sizes).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import gc  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = ((100, 0), (600, 150), (1000, 0), (3000, 0))
PHOTO_KB = 200
MAX_FINDINGS = 40
NOOP_RUNS = 10
TEXT = ("Pupils read the chapter aloud in pairs, then answered questions about the characters. Most used "
        "the word mat; two asked an adult for help with the tricky words. ")
STEPS = (
    ("open", "open the review (Plan page shown)"),
    ("evidence_page", "evidence page open (records read, list shown)"),
    ("filter", "evidence list filter by kind (median)"),
    ("search", "evidence list search all text (median)"),
    ("findings", "findings screen open (first frame)"),
    ("feedback", "feedback screen open (first frame)"),
    ("matrix", "matrix (links read, counted, drawn)"),
    ("pdf", "feedback PDF (store read + build)"),
    ("push", "first sync of laptop A (push everything)"),
    ("first_sync", "first sync from scratch, laptop B (checkout)"),
    ("noop", f"no-op sync (median of {NOOP_RUNS})"),
    ("bundle_export", "bundle export"),
    ("bundle_import", "bundle import (a teammate's laptop)"),
)


# --- the child: one size ------------------------------------------------------------------------------
def _peak_reset() -> None:
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux >= 4.0)


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _photo(index: int) -> bytes:
    from PIL import Image
    side = int(math.sqrt(PHOTO_KB * 1024 / 0.9))  # noisy JPEG at quality 90: ~0.9 bytes a pixel
    noise = Image.effect_noise((side, side), 60 + index % 30).convert("RGB")
    out = io.BytesIO()
    noise.save(out, format="JPEG", quality=90)
    return out.getvalue()


def _write_review(store: Any, review_id: str, records: int, photos: int) -> None:
    from spp_desktop.domain.evidence import EvidenceKind
    from spp_desktop.domain.findings import FindingKind
    review = store.review(review_id)
    questions = [q.id for q in review.questions]
    kinds = (EvidenceKind.OBSERVATION, EvidenceKind.LEARNING_WALK, EvidenceKind.INTERVIEW,
             EvidenceKind.FOCUS_GROUP, EvidenceKind.BOOK_SCRUTINY, EvidenceKind.DOCUMENT)
    finding_kinds = list(FindingKind)
    findings = [store.create_finding(review_id, questions[i % len(questions)], finding_kinds[i % 3],
                                     TEXT * (1 + i % 3)).id
                for i in range(min(MAX_FINDINGS, max(4, records // 15)))]
    for i in range(records):
        kind = kinds[i % len(kinds)]
        extra = {"class_name": f"Year {3 + i % 4}"} if kind in (EvidenceKind.OBSERVATION,
                                                                  EvidenceKind.LEARNING_WALK) else {}
        ev = store.create_evidence(review_id, kind, question_ids=(questions[i % len(questions)],),
                                   tags=(f"tag{i % 17}",), notes=f"Record {i}. " + TEXT * (2 + i % 6),
                                   reviewer_notes=f"Follow up {i % 13}", **extra)
        store.link_evidence(review_id, findings[i % len(findings)], ev.id)
        if i < photos:
            store.add_photo(review_id, ev.id, _photo(i), caption=f"Working wall {i}")


def _shown(app: Any, widget: Any) -> None:
    widget.resize(1366, 768)
    widget.show()
    widget.repaint()
    app.processEvents()


def _close(app: Any, widget: Any) -> None:
    widget.close()
    widget.deleteLater()
    app.processEvents()


def child(records: int, photos: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from spp_desktop.reports.feedback_pdf import render_feedback_pdf
    from spp_desktop.services.documents import feedback_report
    from spp_desktop.ui import theme
    from spp_desktop.ui.review.feedback_view import FeedbackView
    from spp_desktop.ui.review.findings_view import FindingsSnapshot, FindingsView
    from spp_desktop.ui.review.matrix_view import MatrixView
    from spp_desktop.ui.review.workspace import ReviewWorkspace
    from sync.client import SyncEngine, checkout
    from tests.integration.world import build_world, new_laptop
    from tests.server.live import start_live_server

    app = QApplication(sys.argv[:1])
    theme.apply_theme(app, dark=False)
    out: dict[str, Any] = {}

    def step(name: str, call: Callable[[], Any]) -> Any:
        _peak_reset()
        started = time.perf_counter()
        result = call()
        out[name] = {"ms": (time.perf_counter() - started) * 1000, "mb": _peak_mb()}
        return result

    with tempfile.TemporaryDirectory(prefix="spp-bench-large-") as tmp, start_live_server(Path(tmp)) as server:
        world = build_world(server)
        review_id = world.new_review(members=3)
        lead, second, third = (world.session(m, timeout=(5, 120)) for m in world.members[:3])
        a = new_laptop(Path(tmp) / "a")
        checkout(lead, a.replica, review_id)
        c = new_laptop(Path(tmp) / "c")  # a teammate's laptop that synced in the morning, before the day
        checkout(third, c.replica, review_id)  # (so it holds the server's certificates of the team's devices)
        started = time.perf_counter()
        _write_review(a, review_id, records, photos)
        out["write_s"] = time.perf_counter() - started

        workspace = step("open", lambda: _first_frame(app, ReviewWorkspace(a, review_id)))
        page = step("evidence_page", lambda: (workspace.show_page("evidence"), workspace.repaint(),
                                              app.processEvents())[0])
        panel = page.list
        timings, peaks = [], []
        for kind in ("book_scrutiny", "interview", None):
            index = panel.kind_filter.findData(kind) if kind else 0
            step("filter", lambda i=index: (panel.kind_filter.setCurrentIndex(i), app.processEvents()))
            timings.append(out["filter"]["ms"])
            peaks.append(out["filter"]["mb"])
        out["filter"] = {"ms": statistics.median(timings), "mb": max(peaks)}
        timings, peaks = [], []
        for text in ("word mat", "record 42", "follow up 7", ""):
            step("search", lambda t=text: (panel.proxy.set_search(t), app.processEvents()))
            timings.append(out["search"]["ms"])
            peaks.append(out["search"]["mb"])
        out["search"] = {"ms": statistics.median(timings), "mb": max(peaks)}
        _close(app, workspace)

        _close(app, step("findings", lambda: _first_frame(app, FindingsView(a, review_id))))
        _close(app, step("feedback", lambda: _first_frame(app, FeedbackView(a, review_id))))
        matrix = MatrixView()

        def draw_matrix() -> None:
            matrix.set_snapshot(FindingsSnapshot.load(a, review_id))
            _shown(app, matrix)
        step("matrix", draw_matrix)
        _close(app, matrix)
        pdf = step("pdf", lambda: _pdf(render_feedback_pdf, feedback_report(a, review_id)))
        out["pdf_kib"] = len(pdf) / 1024

        pushed = step("push", lambda: SyncEngine(lead, a.replica, review_id).run())
        out["pushed_ops"] = pushed.pushed
        b = new_laptop(Path(tmp) / "b")
        report = step("first_sync", lambda: checkout(second, b.replica, review_id))
        assert report.in_step and len(b.evidence(review_id)) == records, report
        assert b.replica.state_hash(review_id) == a.replica.state_hash(review_id)
        noop = []
        for _ in range(NOOP_RUNS):
            step("noop", lambda: SyncEngine(second, b.replica, review_id).run())
            noop.append(out["noop"])
        out["noop"] = {"ms": statistics.median(n["ms"] for n in noop), "mb": max(n["mb"] for n in noop)}

        bundle = step("bundle_export", lambda: a.replica.export_bundle(review_id))
        out["bundle_mb"] = len(bundle) / 1e6
        result = step("bundle_import", lambda: c.replica.import_bundle(bundle, review_id))
        assert result.photos == photos and len(c.evidence(review_id)) == records, (result, c.parked_changes(review_id)[:2])
        for store in (a, b, c):
            store.close()
        for session in (lead, second, third):
            session.close()
    out["peak_mb"] = _peak_total_mb()
    return out


def _first_frame(app: Any, widget: Any) -> Any:
    _shown(app, widget)
    return widget


def _pdf(render: Callable[..., Any], report: Any) -> bytes:
    buffer = io.BytesIO()
    render(report, buffer)
    return buffer.getvalue()


def _peak_total_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the parent: every size, one table -------------------------------------------------------------------
def _run_child(records: int, photos: int) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_large", "--child", str(records), str(photos)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"bench_large child ({records} records) failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def growth(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(value) on log(size): 1 is linear."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(v, 1e-3)) for _, v in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _label(records: int, photos: int) -> str:
    return f"{records:,}" + (f"+{photos}p" if photos else "")


def print_wide(sizes: list[tuple[int, int]], results: list[dict[str, Any]], orders: dict[str, float],
               tops: dict[str, float]) -> None:
    heads = [_label(*s) for s in sizes]
    print(f"  {'step':<48}" + "".join(f"{h:>16}" for h in heads) + f"{'order':>8}{'top':>6}")
    print(f"  {'':<48}" + "".join(f"{'ms / peak MB':>16}" for _ in heads))
    for key, text in STEPS:
        cells = "".join(f"{r[key]['ms']:>8,.0f} /{r[key]['mb']:>5,.0f}" for r in results)
        order, top = orders.get(key), tops.get(key)
        print(f"  {text:<48}{cells}{'' if order is None else f'{order:>8.2f}{top:>6.2f}'}")
    print(f"  {'(writing the review through ReviewStore, s)':<48}" + "".join(f"{r['write_s']:>16,.1f}" for r in results))
    print(f"  {'(bundle MB / PDF KiB)':<48}" + "".join(f"{r['bundle_mb']:>9,.1f} /{r['pdf_kib']:>5,.0f}"
                                                        for r in results))
    print(f"  photos are ~{PHOTO_KB} KB JPEGs. order: slope of log(ms) on log(records) over the sizes without photos "
          "(1 = linear); top: the same between the two largest")


def run(sizes: list[tuple[int, int]] | None = None) -> list[tuple[str, float, str]]:
    sizes = list(sizes or DEFAULT_SIZES)
    results = [_run_child(n, p) for n, p in sizes]
    plain = [(n, r) for (n, p), r in zip(sizes, results, strict=True) if not p]
    orders = {key: growth([(n, r[key]["ms"]) for n, r in plain]) for key, _ in STEPS} if len(plain) > 1 else {}
    tops = {key: growth([(n, r[key]["ms"]) for n, r in plain[-2:]]) for key, _ in STEPS} if len(plain) > 1 else {}
    print_wide(sizes, results, orders, tops)
    rows: list[tuple[str, float, str]] = []
    for (n, p), r in zip(sizes, results, strict=True):
        if n >= 600:
            rows += [(f"{text}, {_label(n, p)}", r[key]["ms"], "ms") for key, text in STEPS]
            rows.append((f"peak RSS of any step, {_label(n, p)}", max(r[key]["mb"] for key, _ in STEPS), "MB"))
    rows += [(f"growth order {plain[0][0]:,}->{plain[-1][0]:,}: {text}", orders[key], "x") for key, text in STEPS
             if key in orders]
    rows += [(f"growth order {plain[-2][0]:,}->{plain[-1][0]:,}: {text}", tops[key], "x") for key, text in STEPS
             if key in tops]
    return rows


def _parse(args: list[str]) -> list[tuple[int, int]]:
    return [(int(a.partition(":")[0]), int(a.partition(":")[2] or 0)) for a in args]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        from benchmarks.run import print_table
        print_table(run(_parse(sys.argv[1:]) or None))
