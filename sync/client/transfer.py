"""Photo bytes to and from the server: resumable chunked upload, verified download."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from .errors import MalformedReply, ServerRefused
from .http import ServerSession

CHUNK_BYTES = 1024 * 1024
MAX_OFFSET_SURPRISES = 8


def upload(session: ServerSession, review_id: str, sha256: str, data: bytes, *, chunk_bytes: int = CHUNK_BYTES,
           on_bytes: Callable[[int], None] | None = None, cancelled: Callable[[], bool] | None = None) -> bool:
    """Make sure the server holds the attachment: ask how much it has (HEAD), send the rest in chunks
    (PATCH from that offset). An interrupted upload resumes where the server stopped.

    Returns True when the server has it complete, False when cancelled part way.
    """
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError("The photo on this laptop does not match its checksum.")
    length = len(data)
    stored = session.attachment_head(review_id, sha256)
    offset, complete = stored if stored is not None else (0, False)
    surprises = 0
    if on_bytes:
        on_bytes(min(offset, length))
    while not complete:
        if offset > length:
            raise MalformedReply("the server holds more bytes than the attachment has")
        if cancelled and cancelled():
            return False
        chunk = data[offset:offset + chunk_bytes]
        new_offset, complete = session.attachment_patch(review_id, sha256, offset, length, chunk)
        if new_offset != offset + len(chunk):
            # The server had more (a retried chunk had arrived after all) or less: resume from its offset.
            surprises += 1
            if surprises > MAX_OFFSET_SURPRISES:
                raise MalformedReply("the upload offset keeps jumping")
        offset = new_offset
        if on_bytes:
            on_bytes(min(offset, length))
        if offset >= length and not complete:
            # Every byte is there but the server did not call it complete: ask once more.
            stored = session.attachment_head(review_id, sha256)
            if stored is None or stored[0] < length:
                offset = 0 if stored is None else stored[0]
                continue
            if not stored[1]:
                raise ServerRefused("upload_incomplete", "The server did not accept the photo as complete.")
            complete = True
    return True


def download(session: ServerSession, review_id: str, sha256: str) -> bytes | None:
    """The attachment's bytes, checked against its SHA-256, or None if the server does not have it yet
    (its author has not synced it) or keeps sending something else (tried again at the next sync)."""
    try:
        return session.attachment_get(review_id, sha256)
    except MalformedReply:
        return None
