"""Evidence, photos, findings, links, actions and the feedback outcome: ReviewStore's record methods.

A mixin of ReviewStore holding no state: it reaches the store's shared StoreCore as `self._core`."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from spp_desktop.domain.evidence import Attachment, Evidence, EvidenceKind
from spp_desktop.domain.findings import (
    AgreedAction,
    EvidenceLink,
    FeedbackOutcome,
    Finding,
    FindingKind,
    FindingStatus,
    Release,
)
from sync.protocol.ids import derived_id, new_id
from sync.protocol.schema import MAX_ATTACHMENT_BYTES

from .core import StoreCore
from .db import translated_errors
from .errors import MAX_PHOTO_FILE_BYTES, PhotoTooLarge
from .mapping import (
    action_from_state,
    attachment_from_state,
    evidence_from_state,
    finding_from_state,
    link_from_state,
    outcome_from_state,
    release_from_state,
    wire_fields,
)
from .photo_convert import convert_to_jpeg_or_png, needs_conversion
from .photos import display_size, strip_metadata

_MIN_DATE = date.min
_MIN_TIME = time.min


class RecordsMixin:
    _core: StoreCore

    # --- evidence ---------------------------------------------------------------------------------
    def evidence(self, review_id: str) -> list[Evidence]:
        state = self._core.state(review_id)
        photos: dict[str, list[str]] = {}
        for att in state.of_kind("attachment"):
            photos.setdefault(att.value("evidence_id", ""), []).append(att.entity_id)
        items = [evidence_from_state(s, tuple(sorted(photos.get(s.entity_id, ())))) for s in state.of_kind("evidence")]
        found = [e for e in items if e is not None]
        found.sort(key=lambda e: (e.day or _MIN_DATE, e.start or _MIN_TIME, e.id))
        return found

    def get_evidence(self, review_id: str, evidence_id: str) -> Evidence | None:
        state = self._core.state(review_id)
        ent = state.get("evidence", evidence_id)
        if ent is None or ent.deleted or not ent.exists:
            return None
        photos = tuple(sorted(a.entity_id for a in state.of_kind("attachment") if a.value("evidence_id") == evidence_id))
        return evidence_from_state(ent, photos)

    @staticmethod
    def new_record_id() -> str:
        """An id for a record the UI holds before creating it (a new evidence form, until its first input)."""
        return new_id()

    def create_evidence(self, review_id: str, kind: EvidenceKind, **values: Any) -> Evidence:
        evidence_id = values.pop("id", None) or new_id()
        values.setdefault("author", self._core.me(review_id))
        fields = wire_fields("evidence", {"kind": kind, **values})
        self._core.write(review_id, "evidence", evidence_id, fields)
        created = self.get_evidence(review_id, evidence_id)
        assert created is not None
        return created

    def update_evidence(self, review_id: str, evidence_id: str, **changes: Any) -> Evidence:
        """Save changed fields only (autosave calls this on every pause in typing)."""
        current = self._core.entity(review_id, "evidence", evidence_id)
        if current is None:
            raise KeyError("That evidence record no longer exists.")
        fields = wire_fields("evidence", changes)
        fields = {k: v for k, v in fields.items() if current.value(k) != v or len(current.live(k)) > 1}
        if fields:
            self._core.write(review_id, "evidence", evidence_id, fields)
        updated = self.get_evidence(review_id, evidence_id)
        if updated is None:
            raise KeyError("That evidence record has been deleted.")
        return updated

    def delete_evidence(self, review_id: str, evidence_id: str) -> None:
        """Delete with a tombstone; `restore_evidence` undoes it."""
        self._core.delete(review_id, "evidence", evidence_id)

    def restore_evidence(self, review_id: str, evidence_id: str) -> None:
        self._core.restore(review_id, "evidence", evidence_id)

    # --- photos -----------------------------------------------------------------------------------
    def add_photo(self, review_id: str, evidence_id: str, data: bytes, caption: str = "") -> Attachment:
        """Convert HEIC/WebP, strip EXIF/GPS and other metadata (keeping orientation and colour profile),
        encrypt, store. Raises PhotoNotAccepted (a ValueError) for other formats or a damaged file."""
        if len(data) > MAX_PHOTO_FILE_BYTES:
            raise PhotoTooLarge(len(data), MAX_ATTACHMENT_BYTES)
        if needs_conversion(data):
            data = convert_to_jpeg_or_png(data)
        clean = strip_metadata(data)
        if len(clean) > MAX_ATTACHMENT_BYTES:
            raise PhotoTooLarge(len(clean), MAX_ATTACHMENT_BYTES)
        width, height = display_size(clean)
        media_type = "image/png" if clean.startswith(b"\x89PNG") else "image/jpeg"
        attachment_id = new_id()
        with translated_errors(self._core.files.attachments):
            blob_id, sha = self._core.vault.put(review_id, attachment_id, clean)
        try:
            self._core.sql.execute(  # a full disk here is a DiskFull like any save (core.sql translates)
                "INSERT INTO attachments (blob_id, review_id, record_id, sha256, size) VALUES (?, ?, ?, ?, ?)",
                (blob_id, review_id, attachment_id, sha, len(clean)))
            self._core.write(review_id, "attachment", attachment_id, wire_fields("attachment", {
                "evidence_id": evidence_id, "sha256": sha, "size": len(clean), "media_type": media_type,
                "caption": caption, "width": width, "height": height,
            }))
        except BaseException:
            self._forget_unsaved_photo(blob_id)
            raise
        return attachment_from_state(self._core.entity(review_id, "attachment", attachment_id))  # type: ignore[arg-type]

    def _forget_unsaved_photo(self, blob_id: str) -> None:
        """A photo whose record could not be saved leaves neither a row nor an encrypted file behind."""
        try:
            self._core.sql.execute("DELETE FROM attachments WHERE blob_id = ?", (blob_id,))
        except Exception:
            # The disk may still be full. Keep row and file together then: a row whose file is gone
            # would be found by sha256 and fail to open; a whole pair no op points at is harmless.
            return
        self._core.vault.delete(blob_id)

    def photos(self, review_id: str, evidence_id: str) -> list[Attachment]:
        return [attachment_from_state(a) for a in self._core.state(review_id).of_kind("attachment")
                if a.value("evidence_id") == evidence_id]

    def photo_bytes(self, review_id: str, attachment_id: str) -> bytes | None:
        """The decrypted photo, or None if its bytes are not on this laptop (not yet synced)."""
        ent = self._core.entity(review_id, "attachment", attachment_id)
        if ent is None:
            return None
        row = self._core.sql.execute(
            "SELECT blob_id, record_id FROM attachments WHERE review_id = ? AND sha256 = ? LIMIT 1",
            (review_id, ent.value("sha256")),
        ).fetchone()
        if row is None:
            return None
        return self._core.vault.get(review_id, row[1], row[0])

    def remove_photo(self, review_id: str, attachment_id: str) -> None:
        """Delete with a tombstone (the encrypted bytes stay, so `restore_photo` undoes it)."""
        self._core.delete(review_id, "attachment", attachment_id)

    def restore_photo(self, review_id: str, attachment_id: str) -> None:
        self._core.restore(review_id, "attachment", attachment_id)

    def set_photo_caption(self, review_id: str, attachment_id: str, caption: str) -> Attachment:
        current = self._core.entity(review_id, "attachment", attachment_id)
        if current is None or current.deleted:
            raise KeyError("That photo no longer exists.")
        if current.value("caption", "") != caption:
            self._core.write(review_id, "attachment", attachment_id, wire_fields("attachment", {"caption": caption}))
        return attachment_from_state(self._core.entity(review_id, "attachment", attachment_id))  # type: ignore[arg-type]

    # --- findings and links -----------------------------------------------------------------------
    def findings(self, review_id: str) -> list[Finding]:
        items = [finding_from_state(s) for s in self._core.state(review_id).of_kind("finding")]
        return sorted(items, key=lambda f: (f.question_id, f.position, f.id))

    def get_finding(self, review_id: str, finding_id: str) -> Finding | None:
        ent = self._core.entity(review_id, "finding", finding_id)
        return finding_from_state(ent) if ent is not None and ent.exists and not ent.deleted else None

    def create_finding(self, review_id: str, question_id: str, kind: FindingKind, text: str = "",
                       **values: Any) -> Finding:
        finding_id = values.pop("id", None) or new_id()
        position = values.pop("position", None)
        if position is None:
            position = 1 + max((f.position for f in self.findings(review_id) if f.question_id == question_id), default=-1)
        fields = wire_fields("finding", {"question_id": question_id, "kind": kind, "text": text,
                                         "status": values.pop("status", FindingStatus.DRAFT),
                                         "author": self._core.me(review_id), "position": position, **values})
        self._core.write(review_id, "finding", finding_id, fields)
        return self.get_finding(review_id, finding_id)  # type: ignore[return-value]

    def update_finding(self, review_id: str, finding_id: str, **changes: Any) -> Finding:
        current = self._core.entity(review_id, "finding", finding_id)
        if current is None:
            raise KeyError("That finding no longer exists.")
        fields = {k: v for k, v in wire_fields("finding", changes).items()
                  if current.value(k) != v or len(current.live(k)) > 1}
        if fields:
            self._core.write(review_id, "finding", finding_id, fields)
        return finding_from_state(self._core.entity(review_id, "finding", finding_id))  # type: ignore[arg-type]

    def delete_finding(self, review_id: str, finding_id: str) -> None:
        self._core.delete(review_id, "finding", finding_id)

    def restore_finding(self, review_id: str, finding_id: str) -> None:
        self._core.restore(review_id, "finding", finding_id)

    def links(self, review_id: str) -> list[EvidenceLink]:
        return [link_from_state(s) for s in self._core.state(review_id).of_kind("evidence_link")]

    def link_evidence(self, review_id: str, finding_id: str, evidence_id: str) -> EvidenceLink:
        # One id per (finding, evidence) pair, the same on every laptop: two reviewers linking the
        # same evidence make one link, not two.
        link_id = derived_id(review_id, "evidence_link", finding_id, evidence_id)
        current = self._core.entity(review_id, "evidence_link", link_id)
        if current is not None and current.deleted:
            self._core.restore(review_id, "evidence_link", link_id)
        elif current is None or not current.exists:
            self._core.write(review_id, "evidence_link", link_id, {"finding_id": finding_id, "evidence_id": evidence_id})
        return EvidenceLink(link_id, finding_id, evidence_id)

    def unlink_evidence(self, review_id: str, finding_id: str, evidence_id: str) -> None:
        self._core.delete(review_id, "evidence_link", derived_id(review_id, "evidence_link", finding_id, evidence_id))

    # --- actions and outcome ----------------------------------------------------------------------
    def actions(self, review_id: str) -> list[AgreedAction]:
        items = [action_from_state(s) for s in self._core.state(review_id).of_kind("action")]
        return sorted(items, key=lambda a: (a.position, a.id))

    def create_action(self, review_id: str, text: str, **values: Any) -> AgreedAction:
        action_id = new_id()
        values.setdefault("position", len(self.actions(review_id)))
        self._core.write(review_id, "action", action_id, wire_fields("action", {"text": text, **values}))
        return action_from_state(self._core.entity(review_id, "action", action_id))  # type: ignore[arg-type]

    def update_action(self, review_id: str, action_id: str, **changes: Any) -> AgreedAction:
        current = self._core.entity(review_id, "action", action_id)
        if current is None:
            raise KeyError("That action no longer exists.")
        fields = {k: v for k, v in wire_fields("action", changes).items() if current.value(k) != v}
        if fields:
            self._core.write(review_id, "action", action_id, fields)
        return action_from_state(self._core.entity(review_id, "action", action_id))  # type: ignore[arg-type]

    def delete_action(self, review_id: str, action_id: str) -> None:
        self._core.delete(review_id, "action", action_id)

    def outcome(self, review_id: str) -> FeedbackOutcome:
        return outcome_from_state(self._core.entity(review_id, "summary", review_id))

    def update_outcome(self, review_id: str, **changes: Any) -> FeedbackOutcome:
        current = self._core.entity(review_id, "summary", review_id)
        fields = wire_fields("summary", changes)
        if current is not None:
            fields = {k: v for k, v in fields.items() if current.value(k) != v}
        if fields:
            self._core.write(review_id, "summary", review_id, fields)
        return self.outcome(review_id)

    def release(self, review_id: str) -> Release:
        """What the lead released to the partnership (its web console); the web may change it too."""
        return release_from_state(self._core.entity(review_id, "release", review_id))

    def update_release(self, review_id: str, **changes: Any) -> Release:
        current = self._core.entity(review_id, "release", review_id)
        fields = wire_fields("release", changes)
        if current is not None:
            fields = {k: v for k, v in fields.items() if current.value(k) != v}
        if fields:
            self._core.write(review_id, "release", review_id, fields)
        return self.release(review_id)
