"""A field that two team members changed at the same time, for the lead reviewer to settle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ConflictValue:
    op_id: str
    value: Any
    author: str  # team member id
    written_at: datetime  # from the writer's clock (may be off by hours; shown as a guide only)


@dataclass(frozen=True)
class Conflict:
    entity: str  # "finding", "evidence", "summary" ...
    entity_id: str
    field: str  # "_deleted" when one person edited what another deleted
    values: tuple[ConflictValue, ...]  # provisional winner first

    @property
    def is_delete_conflict(self) -> bool:
        return self.field == "_deleted"
