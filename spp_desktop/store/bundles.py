"""Offline team bundles (docs/sync.md): `store.replica.export_bundle` and `store.replica.import_bundle`.

A bundle holds every op of the review this laptop has (its own and those it got from others) and the
photos it has, sealed with the review's team key. Importing checks the whole bundle before anything is
written; a bundle for another review, a damaged or altered one, one sealed with another team's key or
made by a newer version raises a sync.protocol.bundle.BundleError (its message is for the user) and
changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sync.protocol.bundle import BundleError, BundleWrongReview, decode_bundle, encode_bundle, read_header
from sync.protocol.ops import Operation
from sync.protocol.signing import Certificate

from .core import StoreCore
from .db import translated_errors
from .errors import AttachmentTampered
from .oplog import ApplyResult


class Replica(Protocol):
    """What a bundle needs of `store.replica` (replica.Replica, which imports this module)."""

    def team_key(self, review_id: str) -> bytes | None: ...
    def export_ops(self, review_id: str) -> list[Operation]: ...
    def attachment_by_sha(self, review_id: str, sha256: str) -> bytes | None: ...
    def certificates(self, review_id: str) -> list[Certificate]: ...
    def add_certificates(self, review_id: str, certificates: list[Any]) -> int: ...
    def apply_remote(self, review_id: str, ops: list[Operation], *, on_server: bool = ...,
                     unreadable: list[tuple[str, str, str]] | None = ...) -> ApplyResult: ...
    def store_attachment(self, review_id: str, sha256: str, data: bytes, *, uploaded: bool = ...) -> None: ...


class BundleUnknownReview(BundleWrongReview):
    def __init__(self, found_review_id: str):
        super().__init__(found_review_id)
        self.message = ("This bundle is for a review that is not on this laptop, so nothing was imported. "
                        "Check out that review first, then import the bundle again.")
        self.args = (self.message,)


class BundleNoTeamKey(BundleError):
    def __init__(self) -> None:
        super().__init__("This review has no team key on this laptop (it was not checked out from the server), "
                         "so team bundles cannot be made or opened for it.")


@dataclass(frozen=True)
class BundleExportResult:
    data: bytes
    ops: int
    photos: int
    # (evidence record id, attachment id) of photos whose bytes on this laptop are damaged: left out,
    # so one damaged photo never stops the bundle (teammates see the record, the photo as missing)
    damaged: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class BundleImportResult:
    review_id: str
    added: int  # changes new to this laptop
    duplicates: int  # changes it had already
    photos: int  # photos new to this laptop
    parked: int = 0  # changes not applied (listed for the lead with the reason: parked_changes)


def export_bundle(replica: Replica, core: StoreCore, review_id: str) -> BundleExportResult:
    """The review's ops and photos as an encrypted team bundle, with what it holds."""
    key = replica.team_key(review_id)
    if key is None:
        raise BundleNoTeamKey()
    ops = replica.export_ops(review_id)  # freezes the unsent ones: they have left the laptop now
    vector: dict[str, int] = {}
    for op in ops:
        vector[op.device_id] = max(vector.get(op.device_id, 0), op.seq)
    photos: dict[str, bytes] = {}
    damaged: list[tuple[str, str]] = []
    for att in core.state(review_id).of_kind("attachment", include_deleted=True):
        sha = att.value("sha256")
        if sha and sha not in photos:
            try:
                data = replica.attachment_by_sha(review_id, sha)
            except (AttachmentTampered, FileNotFoundError):  # damaged, or its file is gone
                damaged.append((str(att.value("evidence_id") or ""), att.entity_id))
                continue
            if data is not None:
                photos[sha] = data
    data = encode_bundle(review_id=review_id, sender_device=core.device_id, version_vector=vector,
                         ops=ops, attachments=photos, team_key=key,
                         certificates=[c.to_wire() for c in replica.certificates(review_id)])
    return BundleExportResult(data, len(ops), len(photos), tuple(damaged))


def import_bundle(replica: Replica, core: StoreCore, data: bytes, expected_review_id: str | None = None
                  ) -> BundleImportResult:
    """Apply a team member's bundle to the review it is for: all of it or, on any problem, nothing."""
    _, review_id = read_header(bytes(data))
    if expected_review_id is not None and review_id != expected_review_id:
        raise BundleWrongReview(review_id)
    if not core.has_review(review_id):
        raise BundleUnknownReview(review_id)
    key = replica.team_key(review_id)
    if key is None:
        raise BundleNoTeamKey()
    bundle = decode_bundle(data, review_id=review_id, team_key=key)
    replica.add_certificates(review_id, list(bundle.certificates))  # only those the pinned key signed
    result = replica.apply_remote(review_id, list(bundle.ops), on_server=False, unreadable=list(bundle.bad_ops))
    photos = 0
    with translated_errors(core.files.attachments):  # the photo files (the statements translate themselves)
        for sha, blob in bundle.attachments.items():
            if replica.attachment_by_sha(review_id, sha) is None:
                # Not marked uploaded: this laptop passes the photo on to the server if its author
                # cannot (the upload asks first, so a photo the server has is not sent twice).
                replica.store_attachment(review_id, sha, blob, uploaded=False)
                photos += 1
    return BundleImportResult(review_id, result.added, result.duplicates, photos, len(result.rejected))
