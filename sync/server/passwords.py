"""Password hashing: Argon2id in a PHC string, via cryptography's Argon2id helpers."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# OWASP's server-side profile: 19 MiB, 2 passes, 1 lane. Verification reads the parameters from the hash.
MEMORY_KIB = 19 * 1024
ITERATIONS = 2
LANES = 1
MIN_LENGTH = 8


def hash_password(password: str, *, memory_kib: int = MEMORY_KIB, iterations: int = ITERATIONS) -> str:
    """'$argon2id$v=19$m=...,t=...,p=...$salt$hash'"""
    kdf = Argon2id(salt=os.urandom(16), length=32, iterations=iterations, lanes=LANES, memory_cost=memory_kib)
    return kdf.derive_phc_encoded(password.encode("utf-8"))


def verify_password(password: str, phc: str) -> bool:
    """Constant-time check of a password against its PHC string (cryptography compares in constant time)."""
    try:
        Argon2id.verify_phc_encoded(password.encode("utf-8"), phc)
    except (InvalidKey, ValueError):
        return False
    return True


# Verified against when the username is unknown, so a miss costs as long as a wrong password.
_DUMMY = hash_password("not a real password")


def burn_time(password: str) -> None:
    verify_password(password, _DUMMY)


def password_problem(password: str) -> str | None:
    if len(password) < MIN_LENGTH:
        return f"A password needs at least {MIN_LENGTH} characters."
    return None
