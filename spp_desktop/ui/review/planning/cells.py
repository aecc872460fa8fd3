"""Reading and writing the timetable's cells as text: times, team members and questions by number.

Keyboard-first editing types plain words into a table; these turn them into plan values (and back), with a
plain error when the words do not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from spp_desktop.domain.review import EnquiryQuestion, TeamMember


class CellError(ValueError):
    """Words typed into a cell that cannot be used (the message is for the user)."""


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanCells", text)


def parse_time(text: str) -> time:
    words = text.strip().replace(".", ":")
    parts = words.split(":") if ":" in words else ([words[:-2], words[-2:]] if len(words) in (3, 4) else [words])
    try:
        hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
        return time(hour, minute)
    except (ValueError, IndexError):
        raise CellError(tr("“{text}” is not a time; type it as 09:15.").format(text=text)) from None


def team_text(ids: Sequence[str], team: Sequence[TeamMember]) -> str:
    names = {m.id: m.name for m in team}
    return ", ".join(names.get(i, i) for i in ids)


def parse_team(text: str, team: Sequence[TeamMember]) -> tuple[str, ...]:
    """Names (or first names, or initials) separated by commas -> team member ids."""
    found: list[str] = []
    for word in (w.strip() for w in text.split(",")):
        if not word:
            continue
        key = word.casefold()
        matches = [m for m in team if m.name.casefold() == key] or \
                  [m for m in team if m.name.casefold().split()[:1] == [key]] or \
                  [m for m in team if "".join(p[0] for p in m.name.split()).casefold() == key]
        if len(matches) != 1:
            raise CellError(tr("“{word}” is not one person on the team; type a name as the team list "
                               "shows it.").format(word=word))
        if matches[0].id not in found:
            found.append(matches[0].id)
    return tuple(found)


def questions_text(ids: Sequence[str], questions: Sequence[EnquiryQuestion]) -> str:
    numbers = {q.id: n for n, q in enumerate(questions, start=1)}
    return ", ".join(str(numbers[i]) for i in ids if i in numbers)


def parse_questions(text: str, questions: Sequence[EnquiryQuestion]) -> tuple[str, ...]:
    """Question numbers separated by commas -> question ids."""
    found: list[str] = []
    for word in (w.strip().lstrip("QqCc") for w in text.replace(";", ",").split(",")):
        if not word:
            continue
        if not word.isdigit() or not 1 <= int(word) <= len(questions):
            raise CellError(tr("There is no question {number}; the plan has {count}.").format(
                number=word, count=len(questions)))
        qid = questions[int(word) - 1].id
        if qid not in found:
            found.append(qid)
    return tuple(found)


# The store's plain refusals of plan values (English there), for lupdate; shown through problem_text().
STORE_PROBLEMS = (
    QT_TRANSLATE_NOOP("PlanErrors", "A slot must end after it starts."),
    QT_TRANSLATE_NOOP("PlanErrors", "An enquiry question needs some words."),
    QT_TRANSLATE_NOOP("PlanErrors", "The review cannot end before it starts."),
    QT_TRANSLATE_NOOP("PlanErrors", "The focus needs a title."),
    QT_TRANSLATE_NOOP("PlanErrors", "Choose another day to copy to."),
    QT_TRANSLATE_NOOP("PlanErrors", "That slot is no longer on the plan."),
    QT_TRANSLATE_NOOP("PlanErrors", "That enquiry question no longer exists."),
    QT_TRANSLATE_NOOP("PlanErrors", "The document is empty."),
    QT_TRANSLATE_NOOP("PlanErrors", "The document is larger than 20 MB."),
)


def problem_text(exc: BaseException) -> str:
    """A refusal in the interface language: a cell's own words, a store error, or a plan value problem."""
    from spp_desktop.store.errors import StoreError

    from ...i18n import error_text

    if isinstance(exc, CellError):
        return str(exc)
    if isinstance(exc, StoreError):
        return error_text(exc)
    text = str(exc.args[0]) if exc.args else str(exc)
    return QCoreApplication.translate("PlanErrors", text)


def parse_date(text: str) -> date | None:
    """18/01/2027, 18-1-2027 or 2027-01-18; empty clears the date."""
    words = text.strip()
    if not words:
        return None
    try:
        if len(words) >= 8 and words[4] == "-":
            return date.fromisoformat(words)
        day, month, year = (int(p) for p in words.replace("-", "/").replace(".", "/").split("/"))
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        raise CellError(tr("“{text}” is not a date; type it as 18/01/2027.").format(text=text)) from None


def date_text(d: date | None) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d else ""
