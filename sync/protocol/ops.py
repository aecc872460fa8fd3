"""The operation: the immutable unit of change, and its JSON wire form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .hlc import HLC


class ProtocolError(ValueError):
    """A message that does not follow the protocol (bad shape, unknown kind, oversize ...)."""


class OpKind(StrEnum):
    SET = "set"
    DELETE = "delete"
    RESOLVE = "resolve"


@dataclass(frozen=True, eq=True)
class Operation:
    op_id: str
    review_id: str
    device_id: str
    seq: int
    author: str
    hlc: HLC
    entity: str
    entity_id: str
    kind: OpKind
    fields: Mapping[str, Any] = field(default_factory=dict)
    # field -> op ids of the values the author saw (and so supersedes). A resolve names all of them.
    parents: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Ed25519 signature (base64) of the device that made it, over everything above (sync.protocol.signing).
    sig: str = ""

    __hash__ = None  # type: ignore[assignment]  # fields are dicts; identity is op_id

    def to_wire(self) -> dict[str, Any]:
        return {
            "op_id": self.op_id,
            "review_id": self.review_id,
            "device_id": self.device_id,
            "seq": self.seq,
            "author": self.author,
            "hlc": self.hlc.to_wire(),
            "entity": self.entity,
            "entity_id": self.entity_id,
            "kind": self.kind.value,
            "fields": dict(self.fields),
            "parents": {k: list(v) for k, v in self.parents.items()},
            **({"sig": self.sig} if self.sig else {}),
        }

    @classmethod
    def from_wire(cls, data: object) -> Operation:
        if not isinstance(data, dict):
            raise ProtocolError("an operation must be a JSON object")
        try:
            for key in ("op_id", "review_id", "device_id", "author", "entity", "entity_id"):
                if not isinstance(data.get(key), str) or not data[key]:
                    raise ProtocolError(f"{key} must be a non-empty string")
            seq = data.get("seq")
            if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
                raise ProtocolError("seq must be a whole number")
            fields = data.get("fields", {})
            if not isinstance(fields, dict) or not all(isinstance(k, str) for k in fields):
                raise ProtocolError("fields must be an object")
            kind = data.get("kind")
            if not isinstance(kind, str):
                raise ProtocolError("kind must be set, delete or resolve")
            parents_in = data.get("parents", {})
            if not isinstance(parents_in, dict):
                raise ProtocolError("parents must be an object")
            sig = data.get("sig", "")
            if not isinstance(sig, str) or len(sig) > 200:
                raise ProtocolError("sig must be a base64 signature")
            parents: dict[str, tuple[str, ...]] = {}
            for name, ids in parents_in.items():
                if isinstance(ids, str):
                    ids = [ids]
                if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                    raise ProtocolError("parents must map a field to a list of op ids")
                parents[name] = tuple(ids)
            return cls(
                op_id=data["op_id"],
                review_id=data["review_id"],
                device_id=data["device_id"],
                seq=seq,
                author=data["author"],
                hlc=HLC.from_wire(data.get("hlc")),
                entity=data["entity"],
                entity_id=data["entity_id"],
                kind=OpKind(kind),
                fields=fields,
                parents=parents,
                sig=sig,
            )
        except ProtocolError:
            raise
        except (ValueError, TypeError) as exc:
            raise ProtocolError(str(exc)) from None

    def seen_op_ids(self) -> frozenset[str]:
        return frozenset(i for ids in self.parents.values() for i in ids)
