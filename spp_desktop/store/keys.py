"""Key file: the passphrase unlocks a random data key; the data key opens everything else.

passphrase --Argon2id--> key-encryption key (KEK) --AES-256-GCM unwrap--> data key (256 bits, random)

The key file (`keyfile.json` in the data dir) is a small canonical JSON document holding the KDF name
and parameters, the salt, the GCM nonce and the wrapped data key, plus a SHA-256 checksum of the rest.
The checksum lets us tell damage (KeyFileCorrupt) from a wrong passphrase (WrongPassphrase); the
format, version, KDF parameters and cipher are also GCM associated data, so an edit that fixes up the
checksum still fails to unwrap. No hash of the passphrase is stored: the only test of a passphrase
is whether the GCM tag verifies.

Memory: keys are held in bytearrays and `wipe()` zeroes them when the caller is done, but Python
cannot truly wipe memory (the passphrase str, intermediate copies inside `cryptography`, and any
bytes() the caller makes are beyond our reach). This lowers exposure; it is not a guarantee.
"""

from __future__ import annotations

import base64
import binascii
import errno
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from .errors import DiskFull, KeyFileCorrupt, NewerFormat, WrongPassphrase

FORMAT_NAME = "spp-keyfile"
FORMAT_VERSION = 1
KDF_NAME = "argon2id"
CIPHER_NAME = "aes-256-gcm"
KEY_FILE_NAME = "keyfile.json"
SALT_BYTES = 16
NONCE_BYTES = 12
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4

    def is_sane(self) -> bool:
        # Bounds stop a doctored key file from asking for 1 TB of RAM or a day of CPU.
        return (
            1 <= self.lanes <= 16
            and 1 <= self.iterations <= 64
            and 8 * self.lanes <= self.memory_kib <= 4 * 1024 * 1024
        )


DEFAULT_KDF = KdfParams()
# Only for tests that are not about the KDF; the key file records the params, so unlock still works.
FAST_TEST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def wipe(buf: bytearray) -> None:
    """Overwrite a key buffer with zeros (best effort, see module docstring)."""
    for i in range(len(buf)):
        buf[i] = 0


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    """Argon2id(passphrase, salt) -> 32-byte key-encryption key, in a bytearray the caller can wipe."""
    out = bytearray(KEY_BYTES)
    kdf = Argon2id(
        salt=bytes(salt),
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    kdf.derive_into(passphrase.encode("utf-8"), out)
    return out


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _checksum(doc: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical({k: v for k, v in doc.items() if k != "checksum"})).hexdigest()


def _serialize(doc: dict[str, Any]) -> bytes:
    # The exact on-disk layout: unlock insists on it, so even a flipped whitespace byte is noticed.
    return (json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def _associated_data(doc: dict[str, Any]) -> bytes:
    header = {k: doc[k] for k in ("format", "version", "kdf", "cipher")}
    return _canonical(header)


def _build(data_key: bytes | bytearray, passphrase: str, params: KdfParams) -> bytes:
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kdf": {"name": KDF_NAME, **asdict(params)},
        "cipher": CIPHER_NAME,
        "salt": base64.b64encode(salt).decode("ascii"),
        "nonce": base64.b64encode(nonce).decode("ascii"),
    }
    kek = derive_key(passphrase, salt, params)
    try:
        wrapped = AESGCM(kek).encrypt(nonce, bytes(data_key), _associated_data(doc))
    finally:
        wipe(kek)
    doc["wrapped_key"] = base64.b64encode(wrapped).decode("ascii")
    doc["checksum"] = _checksum(doc)
    return _serialize(doc)


def _b64(value: Any, size: int) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not a string")
    raw = base64.b64decode(value.encode("ascii"), validate=True)
    if len(raw) != size:
        raise ValueError("wrong length")
    return raw


def _parse(path: Path, raw: bytes) -> tuple[dict[str, Any], KdfParams, bytes, bytes, bytes]:
    """Check the file is undamaged and ours; return (doc, params, salt, nonce, wrapped)."""
    try:
        doc = json.loads(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise KeyFileCorrupt(path, f"not JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise KeyFileCorrupt(path, "not an spp-keyfile")
    # Checksum before version: every version keeps this envelope, so a damaged version number
    # reads as damage, and only an intact file from a newer app reads as NewerFormat.
    if doc.get("checksum") != _checksum(doc):
        raise KeyFileCorrupt(path, "checksum mismatch")
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise NewerFormat(path, version, FORMAT_VERSION)
    if version != FORMAT_VERSION or raw != _serialize(doc):
        raise KeyFileCorrupt(path, "unexpected version or layout")
    try:
        kdf = doc["kdf"]
        if (
            kdf["name"] != KDF_NAME
            or doc["cipher"] != CIPHER_NAME
            or set(kdf) != {"name", *asdict(DEFAULT_KDF)}
        ):
            raise ValueError("unknown kdf or cipher")
        values = [kdf[k] for k in asdict(DEFAULT_KDF)]
        if not all(type(v) is int for v in values):
            raise ValueError("kdf parameters are not integers")
        params = KdfParams(*values)
        if not params.is_sane():
            raise ValueError("kdf parameters out of range")
        salt = _b64(doc["salt"], SALT_BYTES)
        nonce = _b64(doc["nonce"], NONCE_BYTES)
        wrapped = _b64(doc["wrapped_key"], KEY_BYTES + 16)
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise KeyFileCorrupt(path, f"bad field: {exc}") from None
    return doc, params, salt, nonce, wrapped


def _read(path: Path) -> bytes:
    with open(path, "rb") as fh:
        # A key file is well under 1 KB; refuse to slurp something huge put in its place.
        raw = fh.read(64 * 1024 + 1)
    if len(raw) > 64 * 1024:
        raise KeyFileCorrupt(path, "too large")
    return raw


def _unwrap(path: Path, raw: bytes, passphrase: str) -> bytearray:
    doc, params, salt, nonce, wrapped = _parse(path, raw)
    kek = derive_key(passphrase, salt, params)
    data_key = bytearray(KEY_BYTES)
    try:
        AESGCM(kek).decrypt_into(nonce, wrapped, _associated_data(doc), data_key)
    except InvalidTag:
        raise WrongPassphrase() from None
    finally:
        wipe(kek)
    return data_key


def write_file_atomically(path: Path, data: bytes | bytearray) -> None:
    """Temp file in the same dir, fsync, os.replace, fsync dir: a crash leaves old or new, never half.

    A full disk raises DiskFull (and the old file is untouched).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise DiskFull(path, str(exc)) from exc
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename.
        return
    dfd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def create_key_file(path: Path, passphrase: str, *, kdf_params: KdfParams | None = None) -> bytearray:
    """Make a new random data key, wrap it under the passphrase and write the key file.

    Returns the data key (a bytearray; `wipe()` it when locking). Refuses to overwrite a key file:
    that would orphan the database it unlocks.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; it would be unsafe to replace it")
    data_key = bytearray(os.urandom(KEY_BYTES))
    write_file_atomically(path, _build(data_key, passphrase, kdf_params or DEFAULT_KDF))
    return data_key


def write_key_file(path: Path, data_key: bytes | bytearray, passphrase: str, *,
                   kdf_params: KdfParams | None = None) -> None:
    """Wrap a given data key under the passphrase into a new key file (refuses to replace one)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; it would be unsafe to replace it")
    write_file_atomically(path, _build(data_key, passphrase, kdf_params or DEFAULT_KDF))


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (no-op where directories cannot be opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unlock_key_file(path: Path, passphrase: str) -> bytearray:
    """Return the data key. Raises WrongPassphrase, KeyFileCorrupt, NewerFormat (FileNotFoundError
    if there is no key file yet)."""
    path = Path(path)
    return _unwrap(path, _read(path), passphrase)


def read_kdf_params(path: Path) -> KdfParams:
    """The parameters a key file was made with (checks the file is intact)."""
    path = Path(path)
    return _parse(path, _read(path))[1]


def change_passphrase(path: Path, old: str, new: str, *, kdf_params: KdfParams | None = None) -> None:
    """Re-wrap the same data key under `new`, with a fresh salt and nonce. The database is untouched.

    Keeps the file's KDF parameters unless `kdf_params` is given. Raises WrongPassphrase if `old`
    is wrong; the key file is replaced atomically, so a crash leaves the old or the new, both valid.
    """
    path = Path(path)
    raw = _read(path)
    params = kdf_params or _parse(path, raw)[1]
    data_key = _unwrap(path, raw, old)
    try:
        write_file_atomically(path, _build(data_key, new, params))
    finally:
        wipe(data_key)
