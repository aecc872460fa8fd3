"""Encryption at rest: a copy of the server's database (the SQLite file and its WAL, or a `pg_dump`) holds
no evidence, focus, question, name, photo byte or team key; everything still reads back; rotation works."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from sync.server import admin
from sync.server.data_key import DataKeyError, DataKeys, create_key_file
from sync.server.db import make_engine, upgrade
from sync.server.storage import Storage
from sync.server.storage_rekey import rotate
from sync.server.tables import ops, reviews

from .helpers import PASSWORD, make_ops
from .test_storage_contract import pending

MARKERS = ["Zephyrine-focus-7Q", "Zephyrine-question-7Q", "Zephyrine-evidence-7Q", "Gwenllïan Zephyrine-name",
           "Zephyrine-photo-7Q"]


def _populate(storage: Storage) -> tuple[str, str, bytes]:
    """A review whose focus, question, team member's name, evidence and photo carry marker text."""
    admin.create_partnership(storage, "Scan Partnership")
    admin.add_school(storage, "Scan Partnership", "Scan Primary")
    user_id = admin.add_user(storage, "scanner", MARKERS[3], PASSWORD, partnership="Scan Partnership")
    review_id = admin.create_review(storage, "Scan Partnership", "Scan Primary", "2026-03-10", "2026-03-11",
                                    MARKERS[0], [MARKERS[1]])
    admin.assign(storage, review_id, "scanner", "lead_reviewer")
    batch = make_ops(review_id, user_id, 5)
    for op in batch:
        op["fields"]["notes"] = f"{MARKERS[2]} seen in Year 5"
    results, _ = storage.append_ops(review_id, pending(batch))
    assert {r.status for r in results} == {"accepted"}
    photo = (MARKERS[4].encode() + b"\x00") * 5000
    sha = hashlib.sha256(photo).hexdigest()
    half = len(photo) // 2
    assert storage.append_upload(review_id, sha, 0, len(photo), photo[:half]).outcome == "ok"
    assert storage.append_upload(review_id, sha, half, len(photo), photo[half:]).outcome == "ok"
    team_key = storage.review(review_id)["team_key"]
    return review_id, team_key, photo


def _needles(team_key: str) -> list[bytes]:
    raw_key = base64.b64decode(team_key)
    return [m.encode("utf-8") for m in MARKERS] + [team_key.encode(), raw_key]


def _hits(blob: bytes, needles: list[bytes]) -> int:
    return sum(blob.count(n) for n in needles)


def _check_reads_back(storage: Storage, review_id: str, team_key: str, photo: bytes) -> None:
    review = storage.review(review_id)
    assert review["package"]["review"]["focus"]["title"] == MARKERS[0]
    assert review["team_key"] == team_key
    bodies = [json.loads(body) for _, body in storage.ops_after(review_id, 0, 1000)]
    assert sum(MARKERS[2] in json.dumps(b) for b in bodies) == 5
    assert storage.read_attachment(review_id, hashlib.sha256(photo).hexdigest()) == photo
    assert storage.user_by_username("scanner")["display_name"] == MARKERS[3]
    assert storage.reviews_for_user(storage.user_by_username("scanner")["id"])[0]["focus"] == MARKERS[0]


def _pg_dump(url: str) -> bytes:
    pg_dump = shutil.which("pg_dump") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))), None)
    if pg_dump is None:
        pytest.skip("pg_dump is not installed")
    parsed = make_url(url)
    schema = unquote(parsed.query["options"]).split("search_path=")[1]
    plain = parsed.set(drivername="postgresql").difference_update_query(["options"])
    done = subprocess.run([str(pg_dump), "--dbname", plain.render_as_string(hide_password=False),
                           "--schema", schema, "--no-owner"], capture_output=True, timeout=120, check=True)
    return done.stdout


def test_a_copied_database_gives_away_no_evidence_name_or_team_key(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    key_dir = Path(__import__("tempfile").mkdtemp())
    create_key_file(key_dir / "server.key")
    storage = Storage(engine, DataKeys.load(key_dir / "server.key"))
    review_id, team_key, photo = _populate(storage)
    _check_reads_back(storage, review_id, team_key, photo)
    needles = _needles(team_key)
    if engine.dialect.name == "sqlite":
        path = Path(engine.url.database)
        wal = path.with_name(path.name + "-wal")
        assert wal.exists()  # scanned before the checkpoint too: the WAL is part of a copy
        blob = path.read_bytes() + wal.read_bytes()
        storage.close()
        blob += path.read_bytes()
    else:
        blob = _pg_dump(database_url)
        assert b"CREATE TABLE" in blob and b"ops" in blob  # the dump really holds the tables
        storage.close()
    assert _hits(blob, needles) == 0
    # the same scan finds the markers when they are written in the clear (the scan can fail)
    assert _hits(blob + json.dumps(MARKERS, ensure_ascii=False).encode(), needles) == len(MARKERS)


def test_rotation_reseals_everything_and_drops_the_old_key(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/rotate.sqlite3"
    key_file = tmp_path / "server.key"
    create_key_file(key_file)
    old = DataKeys.load(key_file)
    engine = make_engine(url)
    upgrade(engine)
    storage = Storage(engine, old)
    review_id, team_key, photo = _populate(storage)
    signing_public = storage.server_public_key()  # made on first use, sealed under the data key
    # a row from before encryption at rest, in the clear: rotation seals it too
    with engine.begin() as c:
        c.execute(reviews.update().where(reviews.c.id == review_id).values(team_key=team_key))
    storage.close()

    report = rotate(make_engine(url), key_file)
    assert report.ops > 5 and report.reviews == 1 and report.chunks == 2
    new = DataKeys.load(key_file)
    assert new.current_id != old.current_id and len(new.raw) == 1
    assert report.signing_key == 1
    storage = Storage(make_engine(url), new)
    _check_reads_back(storage, review_id, team_key, photo)
    assert storage.server_public_key() == signing_public  # the same identity, readable under the new key
    with storage.engine.connect() as c:
        bodies = c.execute(select(ops.c.body)).scalars().all()
        stored_key = c.execute(select(reviews.c.team_key)).scalar_one()
    assert all(new.text_is_current(b) for b in bodies) and new.text_is_current(stored_key)
    storage.close()
    # the old key opens nothing any more
    with pytest.raises(DataKeyError, match="does not hold"):
        Storage(make_engine(url), old).review(review_id)


def test_a_value_moved_to_another_row_does_not_open(tmp_path: Path) -> None:
    create_key_file(tmp_path / "k")
    keys = DataKeys.load(tmp_path / "k")
    sealed = keys.seal_text("secret", "reviews.team_key|A")
    assert keys.open_text(sealed, "reviews.team_key|A") == "secret"
    with pytest.raises(DataKeyError, match="moved"):
        keys.open_text(sealed, "reviews.team_key|B")


def test_the_key_file_is_made_once_and_problems_are_told_plainly(tmp_path: Path) -> None:
    path = tmp_path / "server.key"
    create_key_file(path)
    assert path.stat().st_mode & 0o077 == 0  # owner only
    with pytest.raises(DataKeyError, match="exists already"):
        create_key_file(path)
    with pytest.raises(DataKeyError, match="no key file"):
        DataKeys.load(tmp_path / "missing.key")
    (tmp_path / "bad.key").write_text("abc not-base64\n")
    with pytest.raises(DataKeyError, match="damaged"):
        DataKeys.load(tmp_path / "bad.key")
