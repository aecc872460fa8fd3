"""Keys for tests that make operations by hand: a deterministic Ed25519 key per device id, a test server
key, and certificates it signs (sync.protocol.signing)."""

from __future__ import annotations

import hashlib

from sync.protocol import Operation
from sync.protocol.signing import Certificate, b64, issue_certificate, public_key_of, sign_op

SERVER_PRIVATE = hashlib.sha256(b"spp test server key").digest()
SERVER_PUBLIC = public_key_of(SERVER_PRIVATE)
SERVER_KEY = b64(SERVER_PUBLIC)


def device_private(device_id: str) -> bytes:
    return hashlib.sha256(b"spp test device " + device_id.encode("utf-8")).digest()


def device_public(device_id: str) -> bytes:
    return public_key_of(device_private(device_id))


def signed(op: Operation) -> Operation:
    """The op signed by its device's test key (the server's test key for package ops)."""
    key = SERVER_PRIVATE if op.device_id == "package" else device_private(op.device_id)
    return sign_op(op, key)


def certificate(device_id: str, user_id: str) -> Certificate:
    return issue_certificate(SERVER_PRIVATE, device_id, user_id, device_public(device_id))
