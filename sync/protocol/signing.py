"""Signed operations and device certificates (Ed25519, docs/sync.md "Signing").

- Every op is signed by the device that made it, over `op_signing_bytes` (its canonical wire JSON without
  the signature). Ops the server makes (the review package, admin commands) are signed by the server key.
- The server binds a device key to a user with a `Certificate` it signs; laptops pin the server key of a
  review when they first get it and check every certificate against it, so a laptop with no network can
  still verify a teammate whose certificate came in a bundle.

Ed25519 signatures are deterministic: the same op signed twice gives the same bytes, so a re-derived
package op or a re-sent batch is still a byte-identical duplicate.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .ops import Operation
from .rules import PACKAGE_AUTHOR, SERVER_AUTHOR, Refusal

OP_CONTEXT = b"spp-op-v1\n"
CERT_CONTEXT = b"spp-device-cert-v1\n"
KEY_BYTES = 32


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, size: int | None = None) -> bytes | None:
    """Bytes from base64 text, or None when it is not base64 (of `size` bytes)."""
    if not isinstance(text, str):
        return None
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return data if size is None or len(data) == size else None


# --- keys ------------------------------------------------------------------------------------------------
def new_private_key() -> bytes:
    """A fresh Ed25519 private key (its 32-byte seed)."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    return Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_key_of(private: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(private: bytes | Ed25519PrivateKey, message: bytes) -> bytes:
    """`private` as raw bytes, or a key object a hot path keeps (the laptop's op log signs every save)."""
    key = private if isinstance(private, Ed25519PrivateKey) else Ed25519PrivateKey.from_private_bytes(private)
    return key.sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- operations ------------------------------------------------------------------------------------------
def op_signing_bytes(op: Operation) -> bytes:
    wire = op.to_wire()
    wire.pop("sig", None)
    return OP_CONTEXT + _canonical(wire)


def sign_op(op: Operation, private: bytes | Ed25519PrivateKey) -> Operation:
    return dataclasses.replace(op, sig=b64(sign(private, op_signing_bytes(op))))


def op_signed_by(op: Operation, public: bytes) -> bool:
    signature = unb64(op.sig, 64)
    return signature is not None and verify(public, signature, op_signing_bytes(op))


# --- certificates ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Certificate:
    """The server's word that `public_key` (base64) is a device key of `user_id`."""

    device_id: str
    user_id: str
    public_key: str
    sig: str

    def signed_bytes(self) -> bytes:
        return CERT_CONTEXT + _canonical({"device_id": self.device_id, "user_id": self.user_id,
                                          "public_key": self.public_key})

    def to_wire(self) -> dict[str, str]:
        return {"device_id": self.device_id, "user_id": self.user_id, "public_key": self.public_key, "sig": self.sig}

    @classmethod
    def from_wire(cls, data: object) -> Certificate | None:
        """A certificate of the right shape (not yet checked against a server key), or None."""
        if not isinstance(data, dict):
            return None
        values = [data.get(k) for k in ("device_id", "user_id", "public_key", "sig")]
        if not all(isinstance(v, str) and 0 < len(v) <= 200 for v in values):
            return None
        return cls(*values)  # type: ignore[arg-type]

    def key(self) -> bytes | None:
        return unb64(self.public_key, KEY_BYTES)

    def valid_under(self, server_key: bytes) -> bool:
        signature = unb64(self.sig, 64)
        return self.key() is not None and signature is not None and verify(server_key, signature,
                                                                           self.signed_bytes())


def issue_certificate(server_private: bytes, device_id: str, user_id: str, public_key: bytes) -> Certificate:
    unsigned = Certificate(device_id, user_id, b64(public_key), "")
    return dataclasses.replace(unsigned, sig=b64(sign(server_private, unsigned.signed_bytes())))


# --- the check every copy makes --------------------------------------------------------------------------
def signature_problem(op: Operation, keys: Mapping[tuple[str, str], bytes], server_key: bytes | None) -> Refusal | None:
    """Why `op` is not proven to be its author's, or None. `keys`: (device id, user id) -> public key, from
    certificates already checked; `server_key`: the key the server's own ops are signed with."""
    if op.device_id in (PACKAGE_AUTHOR, SERVER_AUTHOR):  # the package's ops and the server's admin ops
        if op.author != op.device_id:
            return Refusal("wrong_author", "An operation of the server names a person as its author.")
        if server_key is None or not op_signed_by(op, server_key):
            return Refusal("bad_signature", "The operation claims to come from the server but is not signed by it.")
        return None
    if not op.sig:
        return Refusal("unsigned", "The operation is not signed by the device that made it.")
    key = keys.get((op.device_id, op.author))
    if key is None:
        if any(device == op.device_id for device, _ in keys):
            return Refusal("wrong_author", "The operation's device belongs to someone other than its author.")
        return Refusal("unknown_device", "The operation comes from a device the server has not vouched for.")
    if not op_signed_by(op, key):
        return Refusal("bad_signature", "The operation's signature does not match it: it was altered or forged.")
    return None
