"""The server's data key: AES-256-GCM for everything readable that the database holds.

Op bodies, review packages, team keys, display names and attachment chunks are sealed before they are
written and opened when read, so a copied database file, a WAL or a `pg_dump` gives away no evidence,
name or team key. Ids, sequence numbers, authors and sizes stay plain: the database indexes them.

The key file lives outside the database (named by --key-file or SPP_SERVER_KEY_FILE), one key a line,
`<key id> <base64 of 32 bytes>`; the first line is the key new data is sealed under, later lines only
open older data (during and after an interrupted rotation). Each sealed value names its key and is bound
(associated data) to the row it belongs to, so a value copied into another row does not open.

Values written before encryption at rest (no `spp1:` prefix / no SEALED_MAGIC) are read as they are;
`spp-server key rotate` seals them.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

TEXT_PREFIX = "spp1:"
SEALED_MAGIC = b"SPP\x01"
NONCE = 12
KEY_BYTES = 32


class DataKeyError(Exception):
    """A problem with the key file or a sealed value, in one sentence for the operator."""


@dataclass(frozen=True)
class _Key:
    key_id: str
    aead: AESGCM


def _parse(text: str, path: Path) -> list[tuple[str, bytes]]:
    keys: list[tuple[str, bytes]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key_id, _, encoded = line.partition(" ")
        try:
            raw = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if not key_id.isalnum() or len(raw) != KEY_BYTES:
            raise DataKeyError(f"The key file {path} is damaged (a line is not '<id> <32 bytes in base64>').")
        keys.append((key_id, raw))
    if not keys:
        raise DataKeyError(f"The key file {path} holds no key.")
    return keys


def _render(keys: list[tuple[str, bytes]]) -> str:
    lines = ["# SPP sync server data key: keep it secret, keep a backup apart from the database backups."]
    lines += [f"{key_id} {base64.b64encode(raw).decode('ascii')}" for key_id, raw in keys]
    return "\n".join(lines) + "\n"


def write_key_file(path: Path, keys: list[tuple[str, bytes]]) -> None:
    """Write the key file atomically, readable by its owner only."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(_render(keys))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def new_key() -> tuple[str, bytes]:
    return secrets.token_hex(4), os.urandom(KEY_BYTES)


def create_key_file(path: Path) -> None:
    if path.exists():
        raise DataKeyError(f"{path} exists already; it may hold the key to a database: it was left as it is.")
    write_key_file(path, [new_key()])


class DataKeys:
    """The keys of one key file: seal with the first, open with any."""

    def __init__(self, keys: list[tuple[str, bytes]]):
        if not keys:
            raise DataKeyError("No data key.")
        self._keys = [_Key(key_id, AESGCM(raw)) for key_id, raw in keys]
        self._by_id = {k.key_id: k for k in self._keys}
        self.raw = list(keys)

    @classmethod
    def load(cls, path: str | Path) -> DataKeys:
        path = Path(path)
        try:
            text = path.read_text(encoding="ascii")
        except FileNotFoundError:
            raise DataKeyError(
                f"There is no key file at {path}; create one with `spp-server key create --key-file {path}`."
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise DataKeyError(f"The key file {path} cannot be read ({exc.__class__.__name__}).") from None
        return cls(_parse(text, path))

    @property
    def current_id(self) -> str:
        return self._keys[0].key_id

    # --- text (JSON documents, team keys, names) -------------------------------------------------------
    def seal_text(self, plain: str, aad: str) -> str:
        key = self._keys[0]
        nonce = os.urandom(NONCE)
        sealed = key.aead.encrypt(nonce, plain.encode("utf-8"), aad.encode("utf-8"))
        return f"{TEXT_PREFIX}{key.key_id}:{base64.b64encode(nonce + sealed).decode('ascii')}"

    def open_text(self, stored: str, aad: str) -> str:
        if not stored.startswith(TEXT_PREFIX):
            return stored  # written before encryption at rest
        key_id, _, encoded = stored[len(TEXT_PREFIX) :].partition(":")
        try:
            blob = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise DataKeyError("A stored value is damaged.") from None
        return self._open(key_id, blob, aad).decode("utf-8")

    def text_is_current(self, stored: str) -> bool:
        return stored.startswith(f"{TEXT_PREFIX}{self.current_id}:")

    # --- bytes (attachment chunks) ---------------------------------------------------------------------
    def seal_bytes(self, data: bytes, aad: str) -> bytes:
        key = self._keys[0]
        nonce = os.urandom(NONCE)
        header = SEALED_MAGIC + bytes([len(key.key_id)]) + key.key_id.encode("ascii")
        return header + nonce + key.aead.encrypt(nonce, data, aad.encode("utf-8"))

    def open_bytes(self, stored: bytes, aad: str) -> bytes:
        if not stored.startswith(SEALED_MAGIC):
            return stored  # written before encryption at rest
        size = stored[len(SEALED_MAGIC)]
        start = len(SEALED_MAGIC) + 1
        key_id = stored[start : start + size].decode("ascii", errors="replace")
        return self._open(key_id, stored[start + size :], aad)

    def bytes_is_current(self, stored: bytes) -> bool:
        key_id = self.current_id.encode("ascii")
        return stored.startswith(SEALED_MAGIC + bytes([len(key_id)]) + key_id)

    def _open(self, key_id: str, blob: bytes, aad: str) -> bytes:
        key = self._by_id.get(key_id)
        if key is None:
            raise DataKeyError(
                f"A stored value is sealed under key {key_id}, which the key file does not hold: "
                "start the server with the key file that belongs to this database."
            )
        try:
            return key.aead.decrypt(blob[:NONCE], blob[NONCE:], aad.encode("utf-8"))
        except InvalidTag:
            raise DataKeyError("A stored value is damaged or was moved from another row.") from None


def op_aad(review_id: str, op_id: str) -> str:
    return f"ops.body|{review_id}|{op_id}"


def package_aad(review_id: str) -> str:
    return f"reviews.package|{review_id}"


def team_key_aad(review_id: str) -> str:
    return f"reviews.team_key|{review_id}"


def display_name_aad(user_id: str) -> str:
    return f"users.display_name|{user_id}"


def chunk_aad(review_id: str, sha256: str, offset: int) -> str:
    return f"attachment_chunks.data|{review_id}|{sha256}|{offset}"
