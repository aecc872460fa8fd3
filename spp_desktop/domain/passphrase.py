"""Advice on choosing a passphrase for the review store."""

from __future__ import annotations

MIN_LENGTH = 12
_COMMON = {
    "password", "passphrase", "letmein", "welcome", "qwerty", "iloveyou", "admin", "school", "teacher",
    "headteacher", "review", "peerreview", "123456", "abc123", "changeme", "football", "monkey", "dragon",
}


def passphrase_problem(passphrase: str) -> str | None:
    """A plain sentence saying why this passphrase is too weak, or None if it will do."""
    text = passphrase.strip()
    if len(text) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters; a short sentence of three or four words works well."
    lowered = "".join(ch for ch in text.lower() if ch.isalnum())
    if len(set(lowered)) <= 3:
        return "That passphrase repeats the same few characters; choose a few unrelated words instead."
    if lowered in _COMMON or any(lowered == word * (len(lowered) // len(word)) for word in _COMMON if word):
        return "That passphrase is too easy to guess; choose a few unrelated words instead."
    if lowered.isdigit():
        return "Numbers alone are easy to guess; use a few unrelated words instead."
    for run in ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop"):
        if lowered in run * 2:
            return "That passphrase is a run of keys; choose a few unrelated words instead."
    return None


def strength_hint(passphrase: str) -> str:
    problem = passphrase_problem(passphrase)
    if problem:
        return problem
    if len(passphrase) >= 20:
        return "Strong passphrase."
    return "This will do. Longer is stronger: four or five unrelated words are best."
