"""A photo whose record cannot be saved (the database is full) fails with the plain DiskFull every
other save gives, and leaves no encrypted file behind; once there is room, the same photo saves."""

import os

import pytest

from spp_desktop.demo import demo_package
from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.errors import DiskFull
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore

PASS = "correct horse battery staple"


def _png(size: int) -> bytes:
    from io import BytesIO

    from PIL import Image
    side = int((size / 3) ** 0.5) + 1
    out = BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, format="PNG", compress_level=0)
    return out.getvalue()


@pytest.fixture
def store(tmp_path):
    s = ReviewStore.create(tmp_path / "data", PASS, kdf_params=FAST_TEST_KDF)
    yield s
    s.close()


def _cap_database_at_its_current_size(store: ReviewStore) -> int:
    # SQLite's own limit: the next page the file needs fails with SQLITE_FULL, exactly as a full disk
    # does, while the photo's file (outside the database) still fits.
    pages = store._core.sql.execute("PRAGMA page_count").fetchone()[0]
    store._core.sql.execute(f"PRAGMA max_page_count = {pages}")
    return pages


def test_a_photo_on_a_full_database_is_a_plain_disk_full_and_leaves_no_file(store):
    review_id = store.import_package(demo_package())
    evidence = store.create_evidence(review_id, EvidenceKind.BOOK_SCRUTINY, notes="Year 5 books")
    # Fill the last free pages: rows in the attachments table until even one more does not fit.
    _cap_database_at_its_current_size(store)
    photo = _png(40_000)
    with pytest.raises(DiskFull) as raised:
        for _ in range(10_000):  # each try adds a bigger op; the cap is reached within a few
            store.add_photo(review_id, evidence.id, photo, caption="x" * 3000)
    assert "disk is full" in str(raised.value)
    saved = store.photos(review_id, evidence.id)
    rows = store._core.sql.execute("SELECT blob_id FROM attachments").fetchall()
    files = sorted(p.stem for p in store.files.attachments.iterdir())
    # every encrypted file on disk belongs to a row, and every row to a saved photo: none orphaned
    assert files == sorted(r[0] for r in rows)
    assert len(rows) == len(saved)

    store._core.sql.execute("PRAGMA max_page_count = 1073741823")  # space again
    again = store.add_photo(review_id, evidence.id, photo, caption="after")
    assert store.photo_bytes(review_id, again.id) is not None
    assert len(store.photos(review_id, evidence.id)) == len(saved) + 1
