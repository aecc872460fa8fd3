"""Passing on a safeguarding concern: ReviewStore's methods.

The words of a concern stay in this laptop's encrypted store (table `concerns`): never in an op, so never
in sync, a bundle, a package, a PDF or the evidence. What the team sees is a `concern_notice` op: the day,
the time and the role it went to ("a concern was passed on at 10:42 to the DSL"). Removing the review
deletes both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sync.protocol.ids import new_id

from .core import StoreCore


@dataclass(frozen=True)
class ConcernNotice:
    id: str
    day: date | None
    time: time | None
    to_role: str
    author: str


@dataclass(frozen=True)
class Concern:
    """A concern written on this laptop, with its words (shown only here, to its author)."""

    id: str
    to_role: str
    at: datetime
    text: str


class ConcernsMixin:
    _core: StoreCore

    def pass_on_concern(self, review_id: str, text: str, to_role: str, at: datetime | None = None) -> str:
        if not text.strip():
            raise ValueError("Write down what you saw or heard, as you passed it on.")
        moment = at or datetime.now()
        concern_id = new_id()
        me = self._core.me(review_id)
        notice = {"day": moment.date().isoformat(), "time": moment.strftime("%H:%M"), "to_role": to_role, "author": me}
        # The words before the notice, so a failure (a full disk) never leaves a notice whose words are lost.
        # If the notice cannot be written (refused by the rule table, or no room), the words go again.
        self._core.sql.execute(
            "INSERT INTO concerns (id, review_id, author, to_role, at_ms, text) VALUES (?, ?, ?, ?, ?, ?)",
            (concern_id, review_id, me, to_role, int(moment.timestamp() * 1000), text))
        try:
            self._core.write(review_id, "concern_notice", concern_id, notice)
        except BaseException:
            try:
                self._core.sql.execute("DELETE FROM concerns WHERE id = ?", (concern_id,))
            except Exception:  # still no room: the words stay with their author rather than vanish
                pass
            raise
        return concern_id

    def my_concerns(self, review_id: str) -> list[Concern]:
        rows = self._core.sql.execute("SELECT id, to_role, at_ms, text FROM concerns WHERE review_id = ? ORDER BY at_ms",
                                  (review_id,)).fetchall()
        return [Concern(r[0], r[1], datetime.fromtimestamp(r[2] / 1000), r[3]) for r in rows]

    def concern_notices(self, review_id: str) -> list[ConcernNotice]:
        notices = []
        for ent in self._core.state(review_id).of_kind("concern_notice"):
            v = ent.values()
            day = date.fromisoformat(v["day"]) if isinstance(v.get("day"), str) else None
            at = time.fromisoformat(v["time"]) if isinstance(v.get("time"), str) else None
            notices.append(ConcernNotice(ent.entity_id, day, at, str(v.get("to_role", "")), str(v.get("author", ""))))
        return sorted(notices, key=lambda n: (n.day or date.min, n.time or time.min, n.id))
