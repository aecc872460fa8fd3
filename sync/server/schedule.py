"""The year's schedule from CSV (`admin import-schedule` and the web console's upload): read, preview what
would change, then apply. Header: host_school,start_date,end_date,focus[,questions][,lead][,reviewers]
(questions separated by '|', reviewer usernames by ';'). Missing host schools are added."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import admin
from .auth import normalise_username
from .storage import Storage

MAX_ROWS = 500


@dataclass(frozen=True)
class ScheduleRow:
    line: int
    host_school: str
    start_date: str
    end_date: str
    focus: str
    questions: tuple[str, ...] = ()
    lead: str = ""
    reviewers: tuple[str, ...] = ()


@dataclass
class PreviewLine:
    row: ScheduleRow
    new_school: bool = False
    problems: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # words, parameters


def read_schedule(text: str) -> list[ScheduleRow]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"host_school", "start_date", "end_date", "focus"} - set(reader.fieldnames or ())
    if missing:
        raise admin.AdminError("The CSV needs the columns host_school, start_date, end_date and focus.")
    rows = []
    for line, row in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            raise admin.AdminError(f"The CSV has more than {MAX_ROWS} reviews.")
        rows.append(ScheduleRow(
            line=line,
            host_school=(row.get("host_school") or "").strip(),
            start_date=(row.get("start_date") or "").strip(),
            end_date=(row.get("end_date") or "").strip(),
            focus=(row.get("focus") or "").strip(),
            questions=tuple(q.strip() for q in (row.get("questions") or "").split("|") if q.strip()),
            lead=normalise_username(row.get("lead") or ""),
            reviewers=tuple(normalise_username(n) for n in (row.get("reviewers") or "").split(";") if n.strip()),
        ))
    return rows


def _date_problem(start: str, end: str) -> str | None:
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return "The dates must be written YYYY-MM-DD."
    return "The review ends before it starts." if last < first else None


def preview(storage: Storage, partnership: str, rows: list[ScheduleRow]) -> list[PreviewLine]:
    """What importing would do, row by row, with the problems that would stop it; writes nothing."""
    pid = storage.partnership_by_name(partnership)
    if pid is None:
        raise admin.AdminError("There is no partnership with this name; create it first.")
    lines = []
    for row in rows:
        item = PreviewLine(row)
        if not row.host_school:
            item.problems.append(("The host school is missing.", {}))
        else:
            item.new_school = storage.school_by_name(pid, row.host_school) is None
        if not row.focus:
            item.problems.append(("The focus is missing.", {}))
        problem = _date_problem(row.start_date, row.end_date)
        if problem:
            item.problems.append((problem, {}))
        for name in ((row.lead,) if row.lead else ()) + row.reviewers:
            user = storage.user_by_username(name)
            if user is None:
                item.problems.append(("There is no user {name}.", {"name": name}))
            elif user["school_id"] and not item.new_school and \
                    user["school_id"] == storage.school_by_name(pid, row.host_school):
                item.problems.append(("{name} works at the host school (conflict of interest).", {"name": name}))
        lines.append(item)
    return lines


def apply(storage: Storage, partnership: str, rows: list[ScheduleRow]) -> list[str]:
    """Create the reviews (and missing schools) and assign their teams; stops at the first problem."""
    pid = storage.partnership_by_name(partnership)
    if pid is None:
        raise admin.AdminError("There is no partnership with this name; create it first.")
    created = []
    for row in rows:
        try:
            if row.host_school and storage.school_by_name(pid, row.host_school) is None:
                storage.add_school(pid, row.host_school)
            review_id = admin.create_review(storage, partnership, row.host_school, row.start_date,
                                            row.end_date, row.focus, list(row.questions))
            if row.lead:
                admin.assign(storage, review_id, row.lead, "lead_reviewer")
            for name in row.reviewers:
                admin.assign(storage, review_id, name, "reviewer")
        except admin.AdminError as exc:
            raise admin.AdminError(f"Line {row.line}: {exc}") from None
        created.append(review_id)
    return created


def import_schedule(storage: Storage, partnership: str, path: Path) -> list[str]:
    """`spp-server admin import-schedule`: a year's reviews from a CSV file, all or none."""
    rows = read_schedule(path.read_text(encoding="utf-8-sig"))
    for line in preview(storage, partnership, rows):  # nothing is written when a line is wrong
        if line.problems:
            words, params = line.problems[0]
            raise admin.AdminError(f"Line {line.row.line}: {words.format(**params)}")
    return apply(storage, partnership, rows)
