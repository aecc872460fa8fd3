"""Whether a laptop applies a remote op: one function for pulls and team bundles (docs/sync.md, Quarantine).

An op that fails is *parked* by the caller (kept with the reason, listed for the lead) and the others
are applied: one bad op never stops a page or a bundle.

- Every remote op: well formed (schema.op_problem, which includes the bounds), signed by its author's
  device under a certificate of the pinned server key (signing.signature_problem), and the part of the
  rule table that needs no state (rules.static_problem).
- An op from a team bundle also: HLC at most 24 h ahead of this laptop's clock, and the whole rule table
  judged against this laptop's state (the author's role, the record's owner, an agreed finding).
- An op from the server has passed the whole table on the server, judged in the server's order; the
  laptop's own state may be ahead of the server's (bundles, unsent edits), so judging it again here
  could park an op every other copy holds. The server's order decides those rules (see docs/sync.md).
"""

from __future__ import annotations

from collections.abc import Mapping

from .merge import ReviewState
from .ops import Operation
from .rules import Refusal, author_role, rule_problem, static_problem
from .schema import bounds_problem, op_problem
from .signing import signature_problem


def admission_problem(op: Operation, state: ReviewState, *, from_server: bool, now_ms: int,
                      keys: Mapping[tuple[str, str], bytes], server_key: bytes | None) -> Refusal | None:
    """Why this laptop must not apply `op` (from the server, or from a bundle), or None. `keys` and
    `server_key` as in signing.signature_problem (from certificates checked under the pinned server key)."""
    if op.review_id != state.review_id:
        return Refusal("wrong_review", "The operation belongs to another review.")
    problem = op_problem(op)
    if problem:
        return Refusal("invalid_op", f"The operation is not valid: {problem}.")
    unproven = signature_problem(op, keys, server_key)
    if unproven:
        return unproven
    if from_server:
        return static_problem(op)
    ahead = bounds_problem(op, now_ms=now_ms)
    if ahead:
        return Refusal("out_of_bounds", f"The operation is out of bounds: {ahead}.")
    return rule_problem(op, author_role(op, state), state)
