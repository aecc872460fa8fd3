"""Errors raised by the store, each with a stable `code`, its `params` and a sentence a headteacher can read.

Each class's `words` is its English sentence with {placeholders} for `params`; `str(exc)` and
`exc.user_message` are that sentence filled in (the CLI prints it). The UI shows the same sentence in
the interface language: `ui/i18n.error_text` looks `words` up in the catalogue (context "StoreError")
and fills in the same params, so the English is written once, here. pyside6-lupdate reads this file
for the QT_TRANSLATE_NOOP marks (a plain function below: the store never imports Qt). Technical
details (SQLite messages and the like) go in `exc.detail`, for the log only; they never contain
anything the user typed.
"""

from __future__ import annotations

from pathlib import Path

from sync.protocol.schema import MAX_ATTACHMENT_BYTES


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the translation catalogue without importing Qt; returns it unchanged."""
    return text


class StoreError(Exception):
    """Base class: something stopped the review store from doing what was asked."""

    code = "store_error"
    words = ""  # the English sentence; "" for an error whose message is given when raised

    def __init__(self, message: str = "", detail: str = "", **params: object) -> None:
        self.params = {name: str(value) for name, value in params.items()}
        message = message or self.words.format(**self.params)
        super().__init__(message)
        self._user_message = message
        self.detail = detail

    @property
    def user_message(self) -> str:
        return self._user_message


class WrongPassphrase(StoreError):
    code = "wrong_passphrase"
    words = QT_TRANSLATE_NOOP("StoreError", "That passphrase is not right. Check Caps Lock and try again.")

    def __init__(self) -> None:
        super().__init__()


class StoreCorrupt(StoreError):
    code = "store_corrupt"
    words = QT_TRANSLATE_NOOP("StoreError", "The review store file {path} is damaged or has been altered, so it "
                                            "was not opened. Nothing was changed.")

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        super().__init__(detail=detail, path=self.path)


class WrongKey(StoreCorrupt):
    """The database does not open with this data key: damaged, or it belongs to another install.

    SQLCipher cannot tell the two apart, so this is a kind of StoreCorrupt.
    """

    code = "wrong_key"
    words = QT_TRANSLATE_NOOP("StoreError", "The review store file {path} could not be opened with this key "
                                            "file. It is damaged, or it belongs to another copy of SPP Desktop. "
                                            "Nothing was changed.")


class KeyFileCorrupt(StoreError):
    code = "key_file_corrupt"
    words = QT_TRANSLATE_NOOP("StoreError", "The key file {path} is damaged or has been altered, so the review "
                                            "store could not be unlocked. Nothing was changed. A backup copy of "
                                            "this file will unlock it again.")

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        super().__init__(detail=detail, path=self.path)


class PlaintextDatabase(StoreError):
    code = "plaintext_database"
    words = QT_TRANSLATE_NOOP("StoreError", "The file {path} is not encrypted, so SPP Desktop will not use it to "
                                            "hold reviews. Nothing was changed.")

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(path=self.path)


class NewerFormat(StoreError):
    code = "newer_format"
    words = QT_TRANSLATE_NOOP("StoreError", "The file {path} was made by a newer version of SPP Desktop (format "
                                            "{found}; this version reads up to format {supported}). Please update "
                                            "SPP Desktop to open it. Nothing was changed.")

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(path=self.path, found=found, supported=supported)


class DiskFull(StoreError):
    code = "disk_full"
    words = QT_TRANSLATE_NOOP("StoreError", "The disk is full, so the last change could not be saved yet. It is "
                                            "kept on screen; free some space and it will be saved.")

    def __init__(self, path: Path | str | None = None, detail: str = "") -> None:
        self.path = Path(path) if path is not None else None
        super().__init__(detail=detail)


class DiskFullOnOpen(DiskFull):
    """Opening needs a little space (the journal's shared-memory file): none is left."""

    code = "disk_full_on_open"
    words = QT_TRANSLATE_NOOP("StoreError", "The disk is full, so the review store could not be opened. Free "
                                            "some space and try again; nothing was changed.")


class StoreLocked(StoreError):
    code = "locked"
    words = QT_TRANSLATE_NOOP("StoreError", "The review store is locked. Unlock it with your passphrase to carry "
                                            "on.")

    def __init__(self) -> None:
        super().__init__()


class AttachmentTampered(StoreError):
    code = "attachment_tampered"
    words = QT_TRANSLATE_NOOP("StoreError", "A photo or file attached to this review is damaged or has been "
                                            "altered, so it was not opened. The rest of the review is not "
                                            "affected.")

    def __init__(self, blob_id: str = "", detail: str = "") -> None:
        self.blob_id = blob_id
        super().__init__(detail=detail)


class NotAllowed(StoreError):
    """The change needs the lead reviewer (the server would refuse it from anyone else). `code` is the rule
    table's (sync.protocol.rules.Refusal): lead_only, not_owner …; `reason` is the rule's own English."""

    code = "lead_only"
    LEAD_ONLY = QT_TRANSLATE_NOOP("StoreError", "Only the lead reviewer can mark findings agreed or settle conflicts.")

    def __init__(self, *, code: str = "lead_only", reason: str = "") -> None:
        self.code = code
        self.reason = reason
        # A subclass says it its own way; else the rule's own sentence (marked for the catalogue in
        # sync/protocol/rules.py, so it is Welsh in Welsh too).
        self.words = type(self).words or reason or self.LEAD_ONLY
        super().__init__()


class PlanIsLeads(NotAllowed):
    """Plan, focus, questions and the pre-review meeting: the lead reviewer's (the server refuses others)."""

    words = QT_TRANSLATE_NOOP("StoreError", "Only the lead reviewer can change the plan, the focus or the enquiry "
                                            "questions.")

    def __init__(self) -> None:
        super().__init__(code="lead_only")


class NotForYourRole(NotAllowed):
    """Workshop and check-in: lead or Improvement Champion; evidence and findings: not the Champion."""

    words = QT_TRANSLATE_NOOP("StoreError", "Your role on this review's team cannot change this record.")

    def __init__(self, code: str = "lead_or_champion") -> None:
        super().__init__(code=code)


class NotYourRecord(NotAllowed):
    """Evidence and its photos: only their author changes or deletes them (the server refuses others)."""

    words = QT_TRANSLATE_NOOP("StoreError", "Only the author of this evidence can change or delete it.")

    def __init__(self) -> None:
        super().__init__(code="not_owner")


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

    code = "server_key_changed"
    words = QT_TRANSLATE_NOOP("StoreError", "The server answered with a signing key other than the one this "
                                            "review was checked out with, so nothing it vouches for was accepted. "
                                            "Ask your administrator.")

    def __init__(self) -> None:
        super().__init__()


class PhotoNotAccepted(StoreError, ValueError):
    """A file offered as a photo that cannot be attached (a ValueError too, for older callers)."""

    code = "photo_not_accepted"


class NotAPhoto(PhotoNotAccepted):
    code = "not_a_photo"
    words = QT_TRANSLATE_NOOP("StoreError", "Only JPEG, PNG, HEIC and WebP photos can be attached.")

    def __init__(self) -> None:
        super().__init__()


class PhotoDamaged(PhotoNotAccepted):
    code = "photo_damaged"
    words = QT_TRANSLATE_NOOP("StoreError", "This photo file is damaged, so it cannot be attached.")

    def __init__(self) -> None:
        super().__init__()


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

    code = "photo_too_large"
    words = QT_TRANSLATE_NOOP("StoreError", "This photo is {size}; photos of up to {limit} can be attached (the "
                                            "sync server takes no more). Take it at a lower resolution, or make it "
                                            "smaller, and attach it again.")

    def __init__(self, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(size=megabytes(size), limit=megabytes(limit))
