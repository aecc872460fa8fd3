"""Encrypted blob files for photos and other attachments.

Each blob is `<directory>/<blob_id>.bin`, where blob_id is a random UUID (never the photo's name):

    b"SPPA" | version (1 byte) | nonce (12 bytes) | AES-256-GCM ciphertext + 16-byte tag

The associated data binds the blob to its review, record and blob id, so a file swapped in from
another record (or renamed) fails to decrypt. The file key is derived from the data key with HKDF,
so the database key is never used directly for a second purpose.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import AttachmentTampered, NewerFormat
from .keys import wipe, write_file_atomically

MAGIC = b"SPPA"
FORMAT_VERSION = 1
NONCE_BYTES = 12
_HEADER = len(MAGIC) + 1 + NONCE_BYTES
_BLOB_ID = re.compile(r"[0-9a-f]{32}")


def _check_blob_id(blob_id: str) -> str:
    # A strict shape keeps a doctored id from reaching outside the directory ("../..").
    if not isinstance(blob_id, str) or not _BLOB_ID.fullmatch(blob_id):
        raise ValueError("not a valid attachment id")
    return blob_id


def _associated_data(review_id: str, record_id: str, blob_id: str) -> bytes:
    # JSON keeps the three ids unambiguous (no "ab"+"c" == "a"+"bc").
    return b"spp-attachment\x00" + json.dumps([FORMAT_VERSION, review_id, record_id, blob_id]).encode()


class AttachmentVault:
    def __init__(self, directory: Path, data_key: bytes | bytearray) -> None:
        self.directory = Path(directory)
        file_key = bytearray(32)
        HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"spp attachments").derive_into(
            bytes(data_key), file_key
        )
        self._aead = AESGCM(file_key)  # keeps its own copy; ours is wiped at once
        wipe(file_key)

    def _path(self, blob_id: str) -> Path:
        return self.directory / f"{_check_blob_id(blob_id)}.bin"

    def put(self, review_id: str, record_id: str, data: bytes) -> tuple[str, str]:
        """Encrypt and store `data`; return (blob_id, SHA-256 hex of the plaintext)."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        blob_id = uuid.uuid4().hex
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, data, _associated_data(review_id, record_id, blob_id))
        write_file_atomically(self._path(blob_id), MAGIC + bytes([FORMAT_VERSION]) + nonce + sealed)
        return blob_id, hashlib.sha256(data).hexdigest()

    def get(self, review_id: str, record_id: str, blob_id: str) -> bytes:
        """Decrypt a blob. AttachmentTampered if it was altered or belongs to another record;
        FileNotFoundError if it is not there."""
        path = self._path(blob_id)
        raw = path.read_bytes()
        if len(raw) < _HEADER + 16 or raw[: len(MAGIC)] != MAGIC:
            raise AttachmentTampered(blob_id, "bad header")
        version = raw[len(MAGIC)]
        if version > FORMAT_VERSION:
            raise NewerFormat(path, version, FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise AttachmentTampered(blob_id, "bad version")
        nonce = raw[len(MAGIC) + 1 : _HEADER]
        try:
            return self._aead.decrypt(nonce, raw[_HEADER:], _associated_data(review_id, record_id, blob_id))
        except InvalidTag:
            raise AttachmentTampered(blob_id, "authentication failed") from None

    def delete(self, blob_id: str) -> None:
        self._path(blob_id).unlink(missing_ok=True)

    def exists(self, blob_id: str) -> bool:
        return self._path(blob_id).is_file()
