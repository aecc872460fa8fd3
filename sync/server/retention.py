"""`spp-server admin purge-expired`: after a review's retention date (web/stages.retention_date) the server
keeps only its outcome: the review's own record (dates, focus), the improvement priority and next steps
(summary, workshop), the actions and the check-in's progress. Evidence, photos, findings, questions, the
plan, meetings, root causes, concern notices and the team's names go. A purged review is closed too (if the
office had not closed it), so the laptops that still hold it remove their copy at their next sync. Running it
again changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .closing import close_review
from .state import ReviewStates
from .storage import Storage
from .web.outcome import facts
from .web.stages import retention_date

OUTCOME_ENTITIES = frozenset({"review", "summary", "workshop", "action", "checkin", "release", "closure"})


@dataclass(frozen=True)
class Purged:
    review_id: str
    keep_until: str
    ops: int
    attachments: int


def purge_expired(storage: Storage, today: date, months: int) -> list[Purged]:
    """Purges every review whose keep-until date is before `today` (`months` after its check-in, or its
    partnership's own period: `admin set-retention`); returns what each lost."""
    done, states = [], ReviewStates(storage)
    own = storage.retention_months_by_partnership()
    for row in storage.review_summaries(None):
        state = states.state(row["id"])
        kept = own.get(row["partnership_id"], months)
        until = retention_date(facts(state, row["start_date"], row["end_date"]), kept)
        if until < today:
            close_review(storage, row["id"], today, reason="retention")
            removed_ops, removed_files = storage.purge_review(row["id"], OUTCOME_ENTITIES)
            done.append(Purged(row["id"], until.isoformat(), removed_ops, removed_files))
    return done
