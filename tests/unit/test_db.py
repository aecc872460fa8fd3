import os
import sqlite3

import pytest
import sqlcipher3

from spp_desktop.store.db import (
    PLAINTEXT_HEADER,
    close_database,
    open_database,
    translate_error,
    translated_errors,
)
from spp_desktop.store.errors import DiskFull, PlaintextDatabase, StoreCorrupt, WrongKey

MARKER = "Mrs Pemberton-Marker read with Year 4 pupils"


@pytest.fixture
def key():
    return bytearray(os.urandom(32))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "reviews.db"


def _files(path):
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _assert_no_marker(raw):
    assert MARKER.encode("utf-8") not in raw
    assert MARKER.encode("utf-16-le") not in raw
    assert b"Pemberton" not in raw
    assert not raw.startswith(PLAINTEXT_HEADER)


def _insert_notes(db, rows):
    db.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.conn.executemany("INSERT INTO notes VALUES (?, ?)", rows)
    db.conn.commit()


def _count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_database_is_sqlcipher(db_path, key):
    db = open_database(db_path, key, create=True)
    try:
        assert isinstance(db.conn, sqlcipher3.dbapi2.Connection)
        assert db.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
        assert not db.table_exists("missing")
    finally:
        close_database(db)


def test_encrypted_on_disk_including_wal_and_shm(db_path, key):
    db = open_database(db_path, key, create=True)
    _insert_notes(db, [(i, f"{MARKER} {i}") for i in range(50)])
    # While open, the change sits in the WAL: look at all three files now.
    wal, shm = _files(db_path)[1:]
    assert wal.stat().st_size > 0 and shm.exists()
    for f in _files(db_path):
        _assert_no_marker(f.read_bytes())
    close_database(db)
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed back into the main file
    _assert_no_marker(db_path.read_bytes())

    db = open_database(db_path, key)
    assert db.execute("SELECT text FROM notes WHERE id = 7").fetchone()[0] == f"{MARKER} 7"
    close_database(db)


def test_pragmas_in_force(db_path, key):
    db = open_database(db_path, key, create=True)
    try:
        q = lambda p: db.execute(f"PRAGMA {p}").fetchone()[0]  # noqa: E731
        assert q("journal_mode") == "wal"
        assert q("synchronous") == 2
        assert q("temp_store") == 2
        assert q("foreign_keys") == 1
        assert q("secure_delete") == 1
        assert q("cipher_memory_security") in ("1", 1)
    finally:
        close_database(db)


def test_wrong_key(db_path, key):
    close_database(open_database(db_path, key, create=True))
    with pytest.raises(WrongKey) as info:
        open_database(db_path, os.urandom(32))
    assert isinstance(info.value, StoreCorrupt)
    assert str(db_path) in info.value.user_message


def test_missing_file_without_create(db_path, key):
    with pytest.raises(FileNotFoundError):
        open_database(db_path, key)
    assert not db_path.exists()


def test_plaintext_database_refused(db_path, key):
    plain = sqlite3.connect(db_path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    before = db_path.read_bytes()
    for create in (False, True):
        with pytest.raises(PlaintextDatabase) as info:
            open_database(db_path, key, create=create)
        assert "not encrypted" in info.value.user_message
    assert db_path.read_bytes() == before


def test_flipped_byte_in_a_page_is_refused(db_path, key):
    db = open_database(db_path, key, create=True)
    _insert_notes(db, [(i, "x" * 500) for i in range(100)])
    close_database(db)
    raw = bytearray(db_path.read_bytes())
    page = 4096
    assert len(raw) >= 5 * page
    for page_no in (0, 2, len(raw) // page - 1):
        damaged = bytearray(raw)
        damaged[page_no * page + page // 2] ^= 0x01
        db_path.write_bytes(bytes(damaged))
        with pytest.raises(StoreCorrupt):
            open_database(db_path, key)
        assert db_path.read_bytes() == bytes(damaged)  # nothing was "repaired" or changed
    db_path.write_bytes(bytes(raw))
    db = open_database(db_path, key)
    assert _count(db, "notes") == 100
    close_database(db)


def test_disk_full_is_translated(db_path, key):
    # A real SQLITE_FULL from the engine: cap the database at its current size.
    db = open_database(db_path, key, create=True)
    try:
        _insert_notes(db, [(1, "a")])
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFull) as info:
            with translated_errors(db_path):
                with db.conn:  # one transaction, rolled back on the error
                    db.conn.executemany("INSERT INTO notes VALUES (?, ?)", ((i, "y" * 3000) for i in range(2, 50)))
        assert "disk is full" in info.value.user_message
        assert _count(db, "notes") == 1
    finally:
        close_database(db)


def test_translate_error_leaves_other_errors_alone(db_path):
    assert translate_error(ValueError("x"), db_path) is None
    assert isinstance(translate_error(OSError(28, "No space left on device"), db_path), DiskFull)


def test_a_bare_sql_logic_error_reads_as_damage_and_a_mistake_in_sql_does_not(db_path, key):
    """Older SQLCipher (the lowest allowed sqlcipher3) reports a page that fails its HMAC mid-query as the
    bare "SQL logic error"; a mistake in our SQL carries its own words and is left alone."""
    db = open_database(db_path, key, create=True)
    try:
        with pytest.raises(sqlcipher3.dbapi2.OperationalError) as mistake:
            db.conn.execute("SELECT no_such_column FROM sqlite_master")
        assert translate_error(mistake.value, db_path) is None
    finally:
        close_database(db)
    damage = translate_error(sqlcipher3.dbapi2.OperationalError("SQL logic error"), db_path)
    assert isinstance(damage, StoreCorrupt) and str(db_path) in damage.user_message


def test_worker_thread_opens_its_own_connection(db_path, key):
    import threading

    close_database(open_database(db_path, key, create=True))
    main = open_database(db_path, key)
    main.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    main.execute("INSERT INTO t VALUES (1)")
    main.conn.commit()
    seen = []

    def worker():
        db = open_database(db_path, key)
        seen.append(_count(db, "t"))
        close_database(db)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen == [1]
    close_database(main)
