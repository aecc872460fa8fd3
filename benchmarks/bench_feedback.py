"""Findings and feedback screens with a large review: 500 evidence records, 40 findings, on a real store.

Targets (issue 4): feedback screen open with 500 evidence items < 150 ms; matrix recompute after a link
change < 20 ms. "Open" is reading the store, building, showing, laying out and painting the first
frame (the app's theme and style sheet on). A question with many findings shows its first cards in that
frame and builds the others a few at a time on the next turns of the event loop (input is handled in
between); "every card built" is the time until the last one is there. The link change is timed in three parts: the store write (an op,
fsync'd), the matrix recompute (links read again, questions x kinds counted, model updated), and the
whole findings view update (badges, question tiles, picker ticks and the matrix).

    python -m benchmarks.bench_feedback
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui import theme  # noqa: E402
from spp_desktop.ui.review.feedback_view import FeedbackView  # noqa: E402
from spp_desktop.ui.review.findings_view import FindingsView  # noqa: E402
from spp_desktop.ui.review.matrix_view import MatrixView  # noqa: E402
from spp_desktop.ui.review.presentation import PresentationWindow  # noqa: E402

EVIDENCE = 500
FINDINGS = 40
RUNS = 5
LINKS = 20
_TEXT = ("Pupils read the chapter aloud in pairs, then answered questions about the characters. Most used "
         "the word mat; two asked an adult for help with the tricky words. ")


def large_package() -> dict[str, Any]:
    """The demo review grown to EVIDENCE records and FINDINGS findings, every record linked to a finding."""
    rng = random.Random(4)
    doc = demo_package()
    questions = [q["id"] for q in doc["enquiry_questions"]]
    authors = [m["id"] for m in doc["team"] if m["role"] in ("lead_reviewer", "reviewer")]
    kinds = list(EvidenceKind)
    for i in range(EVIDENCE - len(doc["evidence"])):
        kind = kinds[i % len(kinds)]
        item: dict[str, Any] = {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "kind": kind.value,
            "author": authors[i % len(authors)], "day": doc["review"]["start_date" if i % 2 else "end_date"],
            "start": f"{8 + i % 8:02d}:{(i * 7) % 60:02d}", "question_ids": [questions[i % len(questions)]],
            "notes": _TEXT * (1 + i % 4), "reviewer_notes": "Follow up." if i % 5 == 0 else "",
        }
        if kind in (EvidenceKind.OBSERVATION, EvidenceKind.LEARNING_WALK):
            item.update(class_name=f"Year {3 + i % 4}", subject="English", staff="Class teacher (XY)")
        elif kind in (EvidenceKind.INTERVIEW, EvidenceKind.FOCUS_GROUP):
            item.update(participants="pupils", participant_count=6)
        elif kind == EvidenceKind.BOOK_SCRUTINY:
            item.update(year_group=f"Year {3 + i % 4}", subject="English", book_count=8)
        else:
            item.update(title=f"Document {i}")
        doc["evidence"].append(item)
    extra = FINDINGS - len(doc["findings"])
    for i in range(extra):
        doc["findings"].append({
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "question_id": questions[i % len(questions)],
            "kind": ("strength", "area_to_develop", "question_to_explore")[i % 3],
            "text": _TEXT * (1 + i % 3), "status": "draft", "position": 10 + i, "author": authors[0],
            "evidence_ids": [],
        })
    for n, item in enumerate(doc["evidence"][31:]):
        same = [f for f in doc["findings"] if item["question_ids"][0] == f["question_id"]]
        same[n % len(same)]["evidence_ids"].append(item["id"])
    return doc


def _app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        theme.apply_theme(app, dark=False)  # the app's style sheet is on, as in use
    return app


def _open(app: QApplication, make: Callable[[], QWidget], filled: list[float] | None = None) -> float:
    """Milliseconds to the first complete frame: built, shown, laid out and painted. With `filled`, also
    the time until the cards built a few at a time after the first frame are all there."""
    started = time.perf_counter()
    widget = make()
    widget.resize(1366, 768)
    widget.show()
    widget.repaint()  # lays out and paints now, as the first frame on screen
    elapsed = (time.perf_counter() - started) * 1000
    builder = getattr(widget, "builder", None)
    while builder is not None and builder.pending:
        app.processEvents()
    app.processEvents()
    if filled is not None:
        filled.append((time.perf_counter() - started) * 1000)
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return elapsed


def run() -> list[tuple[str, float, str]]:
    app = _app()
    with tempfile.TemporaryDirectory() as folder:
        store = ReviewStore.create(Path(folder), "benchmark passphrase here", kdf_params=FAST_TEST_KDF)
        review_id = store.import_package(large_package())
        n_evidence, n_findings = len(store.evidence(review_id)), len(store.findings(review_id))
        _open(app, lambda: FeedbackView(store, review_id))  # warm-up: imports, fonts, style
        feedback_filled: list[float] = []
        findings_filled: list[float] = []
        feedback = [_open(app, lambda: FeedbackView(store, review_id), feedback_filled) for _ in range(RUNS)]
        findings = [_open(app, lambda: FindingsView(store, review_id), findings_filled) for _ in range(RUNS)]

        view = FindingsView(store, review_id)
        view.resize(1366, 768)
        view.show()
        matrix = MatrixView()
        matrix.set_snapshot(view.snapshot)
        slides = [_open(app, lambda: PresentationWindow(view.snapshot, store.outcome(review_id),
                                                        store.actions(review_id), index=i % 3))  # noqa: B023
                  for i in range(RUNS)]
        finding = view.snapshot.findings_for(view.question_id)[0]
        candidates = [e.id for e in view.snapshot.evidence if e.id not in view.snapshot.linked_ids(finding.id)]
        write, recompute, whole = [], [], []
        for eid in candidates[:LINKS]:
            t0 = time.perf_counter()
            link = store.link_evidence(review_id, finding.id, eid)
            t1 = time.perf_counter()
            view.snapshot.add_link(link)  # what the findings view does after a link
            matrix.set_snapshot(view.snapshot)
            t2 = time.perf_counter()
            write.append((t1 - t0) * 1000)
            recompute.append((t2 - t1) * 1000)
        reread = []
        for _ in range(LINKS):
            t0 = time.perf_counter()
            view.snapshot.reload_links(store)  # what a refresh after a sync does
            matrix.set_snapshot(view.snapshot)
            reread.append((time.perf_counter() - t0) * 1000)
        for eid in candidates[LINKS:2 * LINKS]:
            t0 = time.perf_counter()
            view.link(finding.id, [eid])  # store write + every badge, tile, tick and the matrix
            matrix.set_snapshot(view.snapshot)
            app.processEvents()
            whole.append((time.perf_counter() - t0) * 1000)
        view.close()
        store.close()
    label = f"{n_evidence} evidence / {n_findings} findings"
    return [
        (f"feedback screen open, {label}, median of {RUNS}", statistics.median(feedback), "ms"),
        ("feedback screen, every card of the question built", statistics.median(feedback_filled), "ms"),
        (f"findings screen open, {label}, median of {RUNS}", statistics.median(findings), "ms"),
        ("findings screen, every card of the question built", statistics.median(findings_filled), "ms"),
        (f"presentation slide open, median of {RUNS}", statistics.median(slides), "ms"),
        (f"matrix recompute after a link change, median of {LINKS}", statistics.median(recompute), "ms"),
        (f"matrix recompute after a link change, max of {LINKS}", max(recompute), "ms"),
        (f"matrix recompute with every link read again from the store, median of {LINKS}",
         statistics.median(reread), "ms"),
        (f"link write to the store (op + fsync), median of {LINKS}", statistics.median(write), "ms"),
        (f"link by tick: write + whole findings view update, median of {LINKS}", statistics.median(whole), "ms"),
    ]


if __name__ == "__main__":
    from benchmarks.run import print_table

    print_table(run())
