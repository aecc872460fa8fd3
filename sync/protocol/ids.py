"""Identifiers: UUIDv7 (time-ordered, made on the laptop) and deterministic UUIDv5 for package ops."""

from __future__ import annotations

import os
import time
import uuid

# Namespace for ids derived from review packages, so every copy derives the same ids.
PACKAGE_NAMESPACE = uuid.UUID("6f1c2d0a-5b7e-4c1e-9a53-3d2f8e7b9c10")


def uuid7(now_ms: int | None = None) -> str:
    """A UUIDv7 (RFC 9562): 48-bit Unix ms timestamp, then random bits."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a (12 bits)
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b (62 bits)
    return str(uuid.UUID(int=value))


def new_id() -> str:
    return uuid7()


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(PACKAGE_NAMESPACE, "\x1f".join(parts)))


def is_uuid(text: object) -> bool:
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        # Only the canonical lowercase form: otherwise one op could travel under two spellings
        # of its id and escape de-duplication.
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False
