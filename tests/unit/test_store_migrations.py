"""The store's own migrations (they replaced sqlite-utils'): same bookkeeping table, all-or-nothing steps."""

from __future__ import annotations

import os

import pytest

from spp_desktop.store.db import close_database, open_database
from spp_desktop.store.migrations import TABLE, Migrations, migrations
from spp_desktop.store.repository import ReviewStore
from tests.helpers import PASSPHRASE, new_store

# Exactly what sqlite-utils 4 wrote (stores made before the switch carry this table).
SQLITE_UTILS_DDL = (
    'CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n   "migration_set" TEXT,\n'
    '   "name" TEXT,\n   "applied_at" TEXT\n)',
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n    ON "_sqlite_migrations" '
    '("migration_set", "name")',
)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "m.db", bytearray(os.urandom(32)), create=True)
    yield database
    close_database(database)


def test_a_store_has_every_migration_once(tmp_path):
    store, _ = new_store(tmp_path)
    store.close()
    again = ReviewStore.unlock(tmp_path, PASSPHRASE)  # opening again applies nothing twice
    rows = again._core.sql.execute(f'SELECT migration_set, name FROM "{TABLE}" ORDER BY id').fetchall()
    again.close()
    assert rows == [("spp_desktop", name) for name in migrations.names]
    assert migrations.names[:2] == ["m001_initial", "m002_refused_ops"]


def test_a_table_written_by_sqlite_utils_is_read_as_it_is(db):
    for sql in SQLITE_UTILS_DDL:
        db.execute(sql)
    db.execute(f'INSERT INTO "{TABLE}" (migration_set, name, applied_at) VALUES '
               "('spp_desktop', 'm001_initial', '2026-01-01 00:00:00+00:00'), ('other', 'x', '')")
    db.conn.commit()
    steps = Migrations("spp_desktop")
    ran = []

    @steps()
    def m001_initial(d):
        ran.append("m001")

    @steps()
    def m002_refused_ops(d):
        ran.append("m002")
        d.execute("CREATE TABLE t (x)")

    assert steps.applied(db) == ["m001_initial"]
    steps.apply(db)
    assert ran == ["m002"] and steps.applied(db) == ["m001_initial", "m002_refused_ops"]
    steps.apply(db)
    assert ran == ["m002"]


def test_a_failing_migration_leaves_no_trace(db):
    steps = Migrations("s")

    @steps()
    def m001_ok(d):
        d.execute("CREATE TABLE a (x)")

    @steps()
    def m002_breaks(d):
        d.execute("CREATE TABLE b (x)")
        raise RuntimeError("half way")

    with pytest.raises(RuntimeError):
        steps.apply(db)
    assert steps.applied(db) == ["m001_ok"]
    assert db.table_exists("a") and not db.table_exists("b")


def test_a_name_is_registered_once():
    steps = Migrations("s")

    @steps()
    def m001(d):
        pass

    with pytest.raises(ValueError):
        steps()(m001)
