"""The offline team bundle: a file of ops and attachments passed between laptops without a network.

Layout (all integers big-endian):

    b"SPPBNDL"        7 bytes   magic: "this is an SPP Desktop bundle"
    version           1 byte    format version (FORMAT_VERSION); a newer one is refused before decrypting
    review id length  2 bytes
    review id         UTF-8     in the clear as well, so "a bundle for another review" is told apart from
                                "damaged"; review ids are UUIDs or package ids, never names
    nonce            12 bytes   fresh for every bundle
    ciphertext        ...       AES-256-GCM (team key) of a zlib-compressed UTF-8 JSON body; the last 16
                                bytes are the GCM tag. Associated data: everything before the nonce (magic,
                                version, review id), so none of the clear header can be changed unnoticed.

The JSON body: {"format": "spp-bundle", "format_version", "review_id", "sender_device", "created_at",
"version_vector": {device_id: highest seq seen}, "ops": [wire ops], "attachments": {sha256 hex: base64},
"certificates": [device certificates the sender holds]} (older bundles have no certificates).

GCM cannot tell a wrong team key from a damaged file, so both are one error (BundleTampered). Every op
is checked with Operation.from_wire and schema.op_problem, every attachment against its SHA-256, and the
body is refused if it would unpack to more than MAX_BODY_BYTES (a zip bomb). A bundle whose frame is
unsound is refused whole; one bad op inside a sound bundle is handed back in `bad_ops` (the laptop parks
it with the reason and applies the rest: one bad op never stops the others).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .ops import Operation, ProtocolError
from .schema import op_problem

MAGIC = b"SPPBNDL"
FORMAT_VERSION = 1
BODY_FORMAT = "spp-bundle"
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
MAX_BODY_BYTES = 2 * 1024**3  # 2 GiB unpacked: far above a real review, far below a zip bomb
_FIXED = len(MAGIC) + 1 + 2  # magic, version, review id length
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BundleError(Exception):
    """A bundle that cannot be imported. str(error) is a message a person can read."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotABundle(BundleError):
    def __init__(self) -> None:
        super().__init__("This file is not an SPP Desktop bundle, so nothing was imported.")


class BundleNewerFormat(BundleError):
    def __init__(self, version: int):
        super().__init__("This bundle was made by a newer version of SPP Desktop. "
                         "Update this app, then import it again.")
        self.version = version


class BundleWrongReview(BundleError):
    def __init__(self, found_review_id: str):
        super().__init__("This bundle belongs to another review, so nothing was imported. "
                         "Open that review and import the bundle there.")
        self.found_review_id = found_review_id


class BundleTampered(BundleError):
    """Damaged, altered, or sealed with another team key: AES-GCM cannot tell these apart."""

    def __init__(self) -> None:
        super().__init__("This bundle file is damaged, has been altered, or was made for another team, "
                         "so nothing was imported.")


class BundleInvalid(BundleError):
    """Authentic (it decrypted under the team key) but its contents break the protocol."""

    def __init__(self, detail: str):
        super().__init__(f"This bundle holds something SPP Desktop cannot accept ({detail}), "
                         "so nothing was imported.")
        self.detail = detail


class BundleTooLarge(BundleInvalid):
    def __init__(self) -> None:
        BundleError.__init__(self, "This bundle is too large to import safely, so nothing was imported.")
        self.detail = "too large"


@dataclass(frozen=True)
class Bundle:
    review_id: str
    sender_device: str
    version_vector: Mapping[str, int]
    created_at: datetime
    ops: tuple[Operation, ...]
    attachments: Mapping[str, bytes]  # sha256 hex -> plaintext bytes
    bad_ops: tuple[tuple[str, str, str], ...] = ()  # (op_id, raw JSON, reason) of ops that are not sound
    # Device certificates the sender holds (wire form): the receiver keeps those its pinned server key
    # signed, so it can verify a teammate it has never synced with (sync.protocol.signing).
    certificates: tuple[dict[str, Any], ...] = ()


# --- writing -------------------------------------------------------------------------------------------
def _header(review_id: str, version: int = FORMAT_VERSION) -> bytes:
    rid = review_id.encode("utf-8")
    if not rid or len(rid) > 0xFFFF:
        raise ValueError("review_id must be 1 to 65535 bytes of UTF-8")
    return MAGIC + bytes([version]) + len(rid).to_bytes(2, "big") + rid


def _check_key(team_key: bytes) -> None:
    if not isinstance(team_key, bytes | bytearray) or len(team_key) != KEY_BYTES:
        raise ValueError("the team key must be 32 bytes (AES-256)")


def encode_bundle(
    *,
    review_id: str,
    sender_device: str,
    version_vector: dict[str, int],
    ops: list[Operation],
    attachments: dict[str, bytes],
    team_key: bytes,
    created_at: datetime | None = None,
    certificates: list[dict[str, Any]] | None = None,
) -> bytes:
    """Seal ops and attachments (sha256 hex -> bytes) into a bundle file for the review's team.

    Raises ValueError for arguments that decode_bundle would refuse (so a bad bundle is never written).
    """
    _check_key(team_key)
    header = _header(review_id)
    if not isinstance(sender_device, str) or not sender_device:
        raise ValueError("sender_device must be a non-empty string")
    vector = _vector(version_vector, ValueError)
    wire = []
    for i, op in enumerate(ops):
        if op.review_id != review_id:
            raise ValueError(f"operation {i + 1} ({op.op_id}) belongs to review {op.review_id}")
        problem = op_problem(op)
        if problem:
            raise ValueError(f"operation {i + 1} ({op.op_id}): {problem}")
        wire.append(op.to_wire())
    encoded: dict[str, str] = {}
    for sha, blob in attachments.items():
        if hashlib.sha256(blob).hexdigest() != sha:
            raise ValueError(f"attachment {sha} does not match the SHA-256 of its bytes")
        encoded[sha] = base64.b64encode(blob).decode("ascii")
    moment = (created_at or datetime.now(UTC)).astimezone(UTC)
    body = {
        "format": BODY_FORMAT,
        "format_version": FORMAT_VERSION,
        "review_id": review_id,
        "sender_device": sender_device,
        "created_at": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "version_vector": vector,
        "ops": wire,
        "attachments": encoded,
        "certificates": list(certificates or []),
    }
    plain = zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    nonce = os.urandom(NONCE_BYTES)
    return header + nonce + AESGCM(bytes(team_key)).encrypt(nonce, plain, header)


# --- reading -------------------------------------------------------------------------------------------
def read_header(data: bytes) -> tuple[int, str]:
    """(format version, review id) from the clear header, without the key: which review is this for?

    Raises NotABundle, BundleNewerFormat or BundleTampered.
    """
    if not data.startswith(MAGIC):
        raise NotABundle()
    if len(data) < _FIXED:
        raise BundleTampered()  # cut short
    version = data[len(MAGIC)]
    if version > FORMAT_VERSION:
        raise BundleNewerFormat(version)
    if version < 1:
        raise BundleTampered()
    size = int.from_bytes(data[len(MAGIC) + 1:_FIXED], "big")
    if size == 0 or len(data) < _FIXED + size + NONCE_BYTES + TAG_BYTES:
        raise BundleTampered()
    try:
        review_id = data[_FIXED:_FIXED + size].decode("utf-8")
    except UnicodeDecodeError:
        raise BundleTampered() from None
    return version, review_id


def decode_bundle(data: bytes, *, review_id: str, team_key: bytes) -> Bundle:
    """Open a bundle for this review with the team key, check all of it, and return it.

    Raises a BundleError (with a message for the user) for anything but a sound bundle of this review.
    """
    _check_key(team_key)
    data = bytes(data)
    version, found = read_header(data)
    if found != review_id:
        raise BundleWrongReview(found)
    start = _FIXED + len(found.encode("utf-8"))
    header, nonce, sealed = data[:start], data[start:start + NONCE_BYTES], data[start + NONCE_BYTES:]
    try:
        packed = AESGCM(bytes(team_key)).decrypt(nonce, sealed, header)
    except InvalidTag:
        raise BundleTampered() from None
    return _parse_body(_unpack(packed), version, review_id)


def _unpack(packed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(packed, MAX_BODY_BYTES + 1)
    except zlib.error:
        raise BundleInvalid("the contents are not compressed data") from None
    if len(body) > MAX_BODY_BYTES or inflater.unconsumed_tail:
        raise BundleTooLarge()
    if not inflater.eof or inflater.unused_data:
        raise BundleInvalid("the compressed contents are cut short or followed by other data")
    return body


def _vector(value: Any, error: type[Exception]) -> dict[str, int]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, int) and not isinstance(v, bool) and v >= 0
        for k, v in value.items()
    ):
        raise error("the version vector must map device ids to whole numbers")
    return dict(value)


def _parse_body(raw: bytes, version: int, review_id: str) -> Bundle:
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleInvalid("the contents are not valid JSON") from None
    if not isinstance(body, dict) or body.get("format") != BODY_FORMAT:
        raise BundleInvalid("the contents are not a bundle body")
    if body.get("format_version") != version:
        raise BundleInvalid("the format versions inside and outside do not agree")
    if body.get("review_id") != review_id:
        raise BundleInvalid("the review inside is not the review on the label")
    sender = body.get("sender_device")
    if not isinstance(sender, str) or not sender:
        raise BundleInvalid("the sending device is missing")
    created_text = body.get("created_at")
    try:
        created_at = datetime.fromisoformat(str(created_text).replace("Z", "+00:00"))
    except ValueError:
        raise BundleInvalid("the creation time is not a date and time") from None
    if created_at.tzinfo is None:
        created_at = created_at.replace(tzinfo=UTC)
    vector = _vector(body.get("version_vector"), BundleInvalid)

    wire_ops = body.get("ops")
    if not isinstance(wire_ops, list):
        raise BundleInvalid("the operations are missing")
    ops = []
    bad: list[tuple[str, str, str]] = []
    for i, wire in enumerate(wire_ops):
        op: Operation | None = None
        try:
            op = Operation.from_wire(wire)
            problem = op_problem(op)
            if not problem and op.review_id != review_id:
                problem = "it belongs to another review"
        except ProtocolError as exc:
            problem = str(exc)
        if problem or op is None:
            op_id = wire.get("op_id") if isinstance(wire, dict) else None
            if not isinstance(op_id, str) or not op_id or len(op_id) > 100:
                op_id = f"unreadable-bundle-{i + 1}"
            bad.append((op_id, json.dumps(wire)[:100_000], f"Operation {i + 1} of the bundle is not valid: {problem}."))
        else:
            ops.append(op)

    encoded = body.get("attachments")
    if not isinstance(encoded, dict):
        raise BundleInvalid("the attachments are missing")
    attachments: dict[str, bytes] = {}
    for sha, text in encoded.items():
        if not _SHA256.match(sha) or not isinstance(text, str):
            raise BundleInvalid("an attachment is not named by its SHA-256")
        try:
            blob = base64.b64decode(text.encode("ascii"), validate=True)
        except (UnicodeEncodeError, binascii.Error):
            raise BundleInvalid(f"attachment {sha[:12]} is not valid base64") from None
        if hashlib.sha256(blob).hexdigest() != sha:
            raise BundleInvalid(f"attachment {sha[:12]} does not match its SHA-256")
        attachments[sha] = blob
    certs = body.get("certificates", [])
    if not isinstance(certs, list):
        raise BundleInvalid("the certificates are not a list")
    return Bundle(review_id=review_id, sender_device=sender, version_vector=vector,
                  created_at=created_at, ops=tuple(ops), attachments=attachments, bad_ops=tuple(bad),
                  certificates=tuple(c for c in certs if isinstance(c, dict)))
