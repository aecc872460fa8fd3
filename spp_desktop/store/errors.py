"""Errors raised by the store, each with a message a headteacher can read.

`str(exc)` and `exc.user_message` are the same plain sentence, safe to show in a dialog. Technical
details (SQLite messages and the like) go in `exc.detail`, for the log only; they never contain
anything the user typed.
"""

from __future__ import annotations

from pathlib import Path

from sync.protocol.schema import MAX_ATTACHMENT_BYTES


class StoreError(Exception):
    """Base class: something stopped the review store from doing what was asked."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self._user_message = message
        self.detail = detail

    @property
    def user_message(self) -> str:
        return self._user_message


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__("That passphrase is not right. Check Caps Lock and try again.")


class StoreCorrupt(StoreError):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        super().__init__(
            f"The review store file {self.path} is damaged or has been altered, so it was not opened. "
            "Nothing was changed.",
            detail,
        )


class WrongKey(StoreCorrupt):
    """The database does not open with this data key: damaged, or it belongs to another install.

    SQLCipher cannot tell the two apart, so this is a kind of StoreCorrupt.
    """

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(path, detail)
        self._user_message = (
            f"The review store file {self.path} could not be opened with this key file. It is damaged, "
            "or it belongs to another copy of SPP Desktop. Nothing was changed."
        )
        self.args = (self._user_message,)


class KeyFileCorrupt(StoreError):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        super().__init__(
            f"The key file {self.path} is damaged or has been altered, so the review store could not "
            "be unlocked. Nothing was changed. A backup copy of this file will unlock it again.",
            detail,
        )


class PlaintextDatabase(StoreError):
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(
            f"The file {self.path} is not encrypted, so SPP Desktop will not use it to hold reviews. "
            "Nothing was changed."
        )


class NewerFormat(StoreError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"The file {self.path} was made by a newer version of SPP Desktop (format {found}; this "
            f"version reads up to format {supported}). Please update SPP Desktop to open it. "
            "Nothing was changed.",
        )


class DiskFull(StoreError):
    def __init__(self, path: Path | str | None = None, detail: str = "") -> None:
        self.path = Path(path) if path is not None else None
        super().__init__(
            "The disk is full, so the last change could not be saved yet. It is kept on screen; free "
            "some space and it will be saved.",
            detail,
        )


class DiskFullOnOpen(DiskFull):
    """Opening needs a little space (the journal's shared-memory file): none is left."""

    def __init__(self, path: Path | str | None = None, detail: str = "") -> None:
        super().__init__(path, detail)
        self._user_message = ("The disk is full, so the review store could not be opened. Free some space and "
                              "try again; nothing was changed.")
        self.args = (self._user_message,)


class StoreLocked(StoreError):
    def __init__(self) -> None:
        super().__init__("The review store is locked. Unlock it with your passphrase to carry on.")


class AttachmentTampered(StoreError):
    def __init__(self, blob_id: str = "", detail: str = "") -> None:
        self.blob_id = blob_id
        super().__init__(
            "A photo or file attached to this review is damaged or has been altered, so it was not "
            "opened. The rest of the review is not affected.",
            detail,
        )


class NotAllowed(StoreError):
    """The change needs the lead reviewer (the server would refuse it from anyone else)."""

    def __init__(self, what: str = "mark findings agreed or settle conflicts", *, code: str = "lead_only",
                 reason: str = "") -> None:
        super().__init__(reason or f"Only the lead reviewer can {what}.")
        self.code = code  # the rule table's code (sync.protocol.rules.Refusal): lead_only, not_owner ...


class PlanIsLeads(NotAllowed):
    """Plan, focus, questions and the pre-review meeting: the lead reviewer's (the server refuses others)."""

    def __init__(self) -> None:
        super().__init__(code="lead_only",
                         reason="Only the lead reviewer can change the plan, the focus or the enquiry questions.")


class NotForYourRole(NotAllowed):
    """Workshop and check-in: lead or Improvement Champion; evidence and findings: not the Champion."""

    def __init__(self, code: str = "lead_or_champion") -> None:
        super().__init__(code=code, reason="Your role on this review's team cannot change this record.")


class NotYourRecord(NotAllowed):
    """Evidence and its photos: only their author changes or deletes them (the server refuses others)."""

    def __init__(self) -> None:
        super().__init__(code="not_owner", reason="Only the author of this evidence can change or delete it.")


PLAN_ENTITIES = ("review", "question", "schedule_slot", "meeting")


def refusal_error(entity: str, code: str, reason: str) -> NotAllowed:
    """The store error for a refusal of the rule table (sync.protocol.rules), worded for the UI."""
    if code == "lead_only" and entity in PLAN_ENTITIES:
        return PlanIsLeads()
    if code in ("lead_or_champion", "not_for_champion"):
        return NotForYourRole(code)
    if code == "not_owner":
        return NotYourRecord()
    return NotAllowed(code=code, reason=reason)


class ServerKeyChanged(StoreError):
    """The server vouching for this review's team is not the one the review was pinned to."""

    def __init__(self) -> None:
        super().__init__("The server answered with a signing key other than the one this review was checked "
                         "out with, so nothing it vouches for was accepted. Ask your administrator.")


class PhotoNotAccepted(StoreError, ValueError):
    """A file offered as a photo that cannot be attached (a ValueError too, for older callers)."""


class NotAPhoto(PhotoNotAccepted):
    def __init__(self) -> None:
        super().__init__("Only JPEG, PNG, HEIC and WebP photos can be attached.")


class PhotoDamaged(PhotoNotAccepted):
    def __init__(self) -> None:
        super().__init__("This photo file is damaged, so it cannot be attached.")


# A photo's bytes as stored and synced: the server's attachment limit. Its file may carry this much more
# metadata (EXIF, thumbnails, stripped before it is stored); a larger file is refused before it is read.
MAX_PHOTO_BYTES = MAX_ATTACHMENT_BYTES
MAX_PHOTO_FILE_BYTES = MAX_PHOTO_BYTES + 4 * 1024 * 1024


def megabytes(size: int) -> str:
    """'30 MB', '25 MB', '0.5 MB' (MB = 1024 * 1024 bytes)."""
    mb = size / (1024 * 1024)
    return f"{mb:.0f} MB" if mb >= 10 or mb == int(mb) else f"{mb:.1f} MB"


class PhotoTooLarge(PhotoNotAccepted):
    """Larger than the sync server takes: attached, it could never reach the team."""

    def __init__(self, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(f"This photo is {megabytes(size)}; photos of up to {megabytes(limit)} can be attached "
                         "(the sync server takes no more). Take it at a lower resolution, or make it smaller, "
                         "and attach it again.")
