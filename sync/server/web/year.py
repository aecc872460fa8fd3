"""The year's reviews as the console lists them: dates, stage, team, host school, what is overdue; the
CSV export; and the common themes across released outcomes (counts, never a ranking of schools)."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from ..state import ReviewStates
from .outcome import facts, focus_of, release_of, released_outcome
from .stages import overdue, stage_of
from .storage import WebStorage


def year_rows(web: WebStorage, states: ReviewStates, partnership_id: str | None,
              today: date | None = None) -> list[dict[str, Any]]:
    today = today or date.today()
    rows = []
    for row in web.review_rows(partnership_id):
        state = states.state(row["id"])
        f = facts(state, row["start_date"], row["end_date"])
        rows.append({**row, "focus": focus_of(state), "stage": stage_of(f, today),
                     "overdue": overdue(f, today), "released": release_of(state) is not None})
    return rows


def filtered(rows: list[dict[str, Any]], cluster: str = "", school: str = "", stage: str = "",
             late: str = "") -> list[dict[str, Any]]:
    return [r for r in rows
            if (not cluster or (r["cluster"] or "") == cluster)
            and (not school or r["host_school_id"] == school)
            and (not stage or r["stage"] == stage)
            and (not late or r["overdue"])]


CSV_HEADER = ("review_id", "host_school", "cluster", "start_date", "end_date", "stage", "overdue",
              "focus", "lead", "reviewers")


def year_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for r in rows:
        lead = [m["username"] for m in r["team"] if m["role"] == "lead_reviewer"]
        others = [m["username"] for m in r["team"] if m["role"] != "lead_reviewer"]
        writer.writerow([r["id"], _cell(r["host_school"]), _cell(r["cluster"] or ""), r["start_date"],
                         r["end_date"], r["stage"], ";".join(r["overdue"]), _cell(r["focus"]),
                         ";".join(lead), ";".join(others)])
    return out.getvalue()


def _cell(text: str) -> str:
    """No formula injection when the file is opened in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def common_themes(web: WebStorage, states: ReviewStates, partnership_id: str) -> list[dict[str, Any]]:
    """Per enquiry theme (the review focus), across released reviews only: how many reviews, their
    released areas to develop and improvement priorities. Themes in alphabetical order: no ranking."""
    themes: dict[str, dict[str, Any]] = {}
    for row in web.review_rows(partnership_id):
        state = states.state(row["id"])
        release = release_of(state)
        if release is None:
            continue
        outcome = released_outcome(state, release)
        key = outcome.focus.strip() or "—"
        theme = themes.setdefault(key.casefold(), {"theme": key, "reviews": 0, "schools": set(),
                                                   "areas": [], "priorities": []})
        theme["reviews"] += 1
        theme["schools"].add(row["host_school"])
        for group in outcome.questions:
            theme["areas"].extend(group["area_to_develop"])
        if outcome.priority:
            theme["priorities"].append(outcome.priority)
    result = []
    for theme in sorted(themes.values(), key=lambda t: t["theme"].casefold()):
        theme["schools"] = sorted(theme["schools"])
        result.append(theme)
    return result
