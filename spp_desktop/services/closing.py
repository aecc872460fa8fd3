"""A review the partnership has closed (`spp-server admin close-review`, or its retention purge): the laptop
offers to save its documents, then removes its copy (records, photos, the concern words kept here).

A copy is removed only once the server has everything this laptop wrote: with changes still waiting to be
sent, removal is refused, so a closed review never costs a reviewer's last unsynced work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spp_desktop.store.repository import ReviewStore

# The three documents' file names, in the language they are written in.
DOCUMENT_NAMES = {"en": ("feedback summary", "workshop plan", "check-in note"),
                  "cy": ("crynodeb adborth", "cynllun y gweithdy", "nodyn gwiriad cynnydd")}


@dataclass(frozen=True)
class ClosedReview:
    review_id: str
    host_school: str
    closed_on: date
    unsynced: int  # changes this laptop has not yet sent: the copy stays until they are


class StillUnsynced(Exception):
    """The closed review still holds changes the server has not got: sync first."""

    def __init__(self, count: int):
        super().__init__(count)
        self.count = count


def closed_review(store: ReviewStore, review_id: str) -> ClosedReview | None:
    """The review as closed, or None while it is open (or no longer on this laptop)."""
    day = store.closed_on(review_id) if store.has_review(review_id) else None
    if day is None:
        return None
    return ClosedReview(review_id, store.review(review_id).host_school, day, store.unsynced_count(review_id))


def closed_reviews(store: ReviewStore) -> list[ClosedReview]:
    return [c for review_id in store.review_ids() if (c := closed_review(store, review_id)) is not None]


def _file_stem(school: str) -> str:
    """A file name every system accepts, from the school's name."""
    return re.sub(r"[^\w\- ]+", "", school, flags=re.UNICODE).strip()[:60] or "review"


def export_documents(store: ReviewStore, review_id: str, folder: Path, *, language: str = "en") -> list[Path]:
    """The review's documents as PDFs in `folder`: the feedback summary (when it has findings), the
    workshop plan (once the workshop is dated or has actions) and the check-in note (once recorded).
    They are NOT encrypted; the caller says so. Returns the files written."""
    # Imported here: reportlab takes ~120 ms to import, and the window that offers this starts at unlock.
    from spp_desktop.reports.feedback_pdf import NothingToReport, render_feedback_pdf
    from spp_desktop.reports.improvement_pdf import render_improvement_pdf
    from spp_desktop.services.documents import (
        feedback_report,
        has_checkin_note,
        has_workshop_plan,
        improvement_report,
    )

    folder.mkdir(parents=True, exist_ok=True)
    stem, names = _file_stem(store.review(review_id).host_school), DOCUMENT_NAMES.get(language, DOCUMENT_NAMES["en"])
    written = []
    try:
        path = folder / f"{stem} - {names[0]}.pdf"
        render_feedback_pdf(feedback_report(store, review_id, language=language), path)
        written.append(path)
    except NothingToReport:
        pass  # no findings: there is no summary to keep
    plan = improvement_report(store, review_id, language=language)
    if has_workshop_plan(plan):
        path = folder / f"{stem} - {names[1]}.pdf"
        render_improvement_pdf(plan, "workshop", path)
        written.append(path)
    if has_checkin_note(plan):
        path = folder / f"{stem} - {names[2]}.pdf"
        render_improvement_pdf(plan, "checkin", path)
        written.append(path)
    return written


def remove_closed_review(store: ReviewStore, review_id: str) -> None:
    """Removes a closed review from this laptop; refuses one that is open or still holds unsynced changes."""
    if store.closed_on(review_id) is None:
        raise ValueError("Only a review the partnership has closed is removed this way.")
    waiting = store.unsynced_count(review_id)
    if waiting:
        raise StillUnsynced(waiting)
    store.remove_review(review_id)
