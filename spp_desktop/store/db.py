"""Open the SQLCipher 4 database, keyed with the raw data key, as a `Database` (the connection, plus
the two conveniences the migrations use).

The store talks plain SQL through sqlcipher3 (a DB-API driver): no wrapper library, so no driver
aliasing and no third-party plugins that could be handed the decrypted connection.

One connection per thread (no check_same_thread=False): the UI thread and each worker open their own;
WAL lets readers and one writer work side by side.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlcipher3.dbapi2

from .errors import DiskFull, DiskFullOnOpen, PlaintextDatabase, StoreCorrupt, StoreError, WrongKey

__all__ = [
    "Database",
    "DatabaseError",
    "Statements",
    "close_database",
    "open_database",
    "translate_error",
    "translated_errors",
]

PLAINTEXT_HEADER = b"SQLite format 3\x00"
DatabaseError = sqlcipher3.dbapi2.DatabaseError
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26

# Applied after the key, in this order. WAL + synchronous=FULL: a committed change survives power
# loss. temp_store=MEMORY: sorts and temp tables never reach disk. secure_delete: freed pages are
# zeroed (they are encrypted anyway, but this keeps old text out of free pages after rekeying).
_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
)


def translate_error(exc: BaseException, path: Path | str | None = None) -> StoreError | None:
    """Map a driver or OS error to a StoreError a person can read, or None to re-raise as it is.

    Use as: `except Exception as exc: raise (translate_error(exc, path) or exc) from exc`,
    or wrap the block in `with translated_errors(path):`.
    """
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(path, str(exc))
    if isinstance(exc, DatabaseError):
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # primary code of an extended one
        message = str(exc).lower()
        if code == _SQLITE_FULL or "database or disk is full" in message:
            return DiskFull(path, str(exc))
        if path is not None and (code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in message):
            return StoreCorrupt(path, str(exc))
        if path is not None and message == "sql logic error":
            # SQLite's bare message for SQLITE_ERROR: what older SQLCipher (sqlcipher3 0.6.x) reports when a
            # page fails its HMAC mid-query. A mistake in our SQL would carry its own words ("no such
            # column: …", "near …: syntax error"), never this bare one.
            return StoreCorrupt(path, str(exc))
    return None


@contextlib.contextmanager
def translated_errors(path: Path | str | None = None) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        mapped = translate_error(exc, path)
        if mapped is None or mapped is exc:
            raise
        raise mapped from exc


class _Rows:
    """A cursor whose reads are translated too (a page read mid-iteration may be the one that fails)."""

    __slots__ = ("_cursor", "_path")

    def __init__(self, cursor: Any, path: Path):
        self._cursor = cursor
        self._path = path

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def fetchone(self) -> Any:
        with translated_errors(self._path):
            return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        with translated_errors(self._path):
            return list(self._cursor.fetchall())

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class Statements:
    """The one way the store runs a statement: every `execute` (and every read of its rows) goes through
    `translated_errors`, so a full disk or a damaged page is a StoreError wherever it happens, and no
    caller decides it statement by statement. The op log, the record methods and `store.replica` all
    hold this, never the driver's connection."""

    __slots__ = ("_conn", "path")

    def __init__(self, conn: sqlcipher3.dbapi2.Connection, path: Path):
        self._conn = conn
        self.path = path

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Rows:
        with translated_errors(self.path):
            return _Rows(self._conn.execute(sql, params), self.path)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> _Rows:
        with translated_errors(self.path):
            return _Rows(self._conn.executemany(sql, rows), self.path)

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    @property
    def total_changes(self) -> int:
        return int(self._conn.total_changes)


class Database:
    """An open store database: `conn` is the sqlcipher3 connection; `execute` and `table_exists` are
    what the migrations need."""

    def __init__(self, conn: sqlcipher3.dbapi2.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlcipher3.dbapi2.Cursor:
        return self.conn.execute(sql, params)

    def table_exists(self, name: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    def close(self) -> None:
        self.conn.close()


def _check_not_plaintext(path: Path) -> int:
    """Return the file size (0 if missing); refuse an unencrypted SQLite file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(PLAINTEXT_HEADER))
    except FileNotFoundError:
        return 0
    if head == PLAINTEXT_HEADER:
        raise PlaintextDatabase(path)
    return path.stat().st_size


def _raw_key_pragma(data_key: bytes | bytearray) -> str:
    if len(data_key) != 32:
        raise ValueError("the data key must be 32 bytes")
    # The hex string is an immutable str we cannot wipe; SQLCipher copies the key into its own
    # locked memory, and cipher_memory_security makes it zero that memory when freed.
    return f"PRAGMA key = \"x'{bytes(data_key).hex()}'\""


def open_database(path: Path, data_key: bytes | bytearray, *, create: bool = False, verify: bool = True) -> Database:
    """Open (or with create=True, create if missing) the encrypted database and check it.

    verify=False leaves out the check of every page (`verify_database`), which grows with the file: the
    app runs it on a worker right after unlock, and a second connection needs it not at all. Every page
    read is still checked against its HMAC by SQLCipher, so an altered page is never read as data.

    Raises PlaintextDatabase, WrongKey (a kind of StoreCorrupt: the key does not open page 1),
    StoreCorrupt (an HMAC or structure check failed), FileNotFoundError (no file and not create),
    DiskFull.
    """
    path = Path(path)
    size = _check_not_plaintext(path)
    if not create and size == 0:
        if not path.exists():
            raise FileNotFoundError(str(path))
        raise StoreCorrupt(path, "empty file")
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(_raw_key_pragma(data_key))
        # Must come before the first page is read. Defaults pinned so a future SQLCipher with
        # new defaults still reads our files.
        conn.execute("PRAGMA cipher_compatibility = 4")
        with contextlib.suppress(DatabaseError):  # unknown pragmas are no-ops; be safe anyway
            conn.execute("PRAGMA cipher_memory_security = ON")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            if _disk_is_full(path):  # the WAL's shared-memory file could not be made: not a wrong key
                raise DiskFullOnOpen(path, str(exc)) from None
            raise WrongKey(path, str(exc)) from None
        with translated_errors(path):
            for pragma in _PRAGMAS:
                conn.execute(pragma)
            if verify:
                _verify(conn, path)
    except BaseException:
        conn.close()
        raise
    return Database(conn)


def verify_database(db: Database, path: Path) -> None:
    """The HMAC of every page, then the b-tree structure: StoreCorrupt if either fails."""
    _verify(db.conn, path)


def _verify(conn: sqlcipher3.dbapi2.Connection, path: Path) -> None:
    # cipher_integrity_check checks the HMAC of every page in the file: any row returned means a
    # page was altered. quick_check then checks the b-tree structure of what decrypted fine.
    try:
        problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if problems:
            raise StoreCorrupt(path, "; ".join(str(row[0]) for row in problems[:5]))
        result = conn.execute("PRAGMA quick_check").fetchall()
    except DatabaseError as exc:
        raise translate_error(exc, path) or StoreCorrupt(path, str(exc)) from None
    if result != [("ok",)]:
        raise StoreCorrupt(path, "; ".join(str(row[0]) for row in result[:5]))


def close_database(db: Database) -> None:
    """Fold the WAL back into the main file (so it is left empty) and close the connection.

    An uncommitted transaction is rolled back, not committed: half of a change must never land.
    """
    try:
        db.conn.rollback()
        with contextlib.suppress(DatabaseError):  # busy because another connection reads: fine
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        db.close()


def _disk_is_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 256 * 1024
    except OSError:
        return False
