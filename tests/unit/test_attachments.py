import hashlib
import os

import pytest

from spp_desktop.store.attachments import AttachmentVault
from spp_desktop.store.errors import AttachmentTampered, NewerFormat

REVIEW, RECORD = "0190a1b2-review", "0190a1b2-record"
PHOTO = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"pupil book page, Year 5 fractions " * 200 + b"\xff\xd9"


@pytest.fixture
def vault(tmp_path):
    return AttachmentVault(tmp_path / "attachments", os.urandom(32))


def test_round_trip(vault):
    blob_id, digest = vault.put(REVIEW, RECORD, PHOTO)
    assert digest == hashlib.sha256(PHOTO).hexdigest()
    assert len(blob_id) == 32 and vault.exists(blob_id)
    assert vault.get(REVIEW, RECORD, blob_id) == PHOTO
    assert [p.name for p in vault.directory.iterdir()] == [f"{blob_id}.bin"]
    vault.delete(blob_id)
    assert not vault.exists(blob_id)
    vault.delete(blob_id)  # deleting twice is fine


def test_same_photo_twice_gives_different_files(vault):
    a, digest_a = vault.put(REVIEW, RECORD, PHOTO)
    b, digest_b = vault.put(REVIEW, RECORD, PHOTO)
    assert a != b and digest_a == digest_b
    assert (vault.directory / f"{a}.bin").read_bytes() != (vault.directory / f"{b}.bin").read_bytes()


def test_no_plaintext_in_blob_file(vault):
    blob_id, _ = vault.put(REVIEW, RECORD, PHOTO)
    raw = (vault.directory / f"{blob_id}.bin").read_bytes()
    # the whole JPEG header (11 bytes): 3 bytes alone turn up in random ciphertext about once in 2,000 runs
    assert PHOTO[:11] not in raw
    assert b"JFIF" not in raw and b"fractions" not in raw
    assert REVIEW.encode() not in raw and RECORD.encode() not in raw


def test_every_flipped_byte_is_detected(vault):
    data = b"small photo bytes"
    blob_id, _ = vault.put(REVIEW, RECORD, data)
    path = vault.directory / f"{blob_id}.bin"
    original = path.read_bytes()
    for pos in range(len(original)):
        damaged = bytearray(original)
        damaged[pos] ^= 0x01
        path.write_bytes(bytes(damaged))
        with pytest.raises(AttachmentTampered):
            vault.get(REVIEW, RECORD, blob_id)
    path.write_bytes(original[:-1])  # truncated
    with pytest.raises(AttachmentTampered):
        vault.get(REVIEW, RECORD, blob_id)


def test_bound_to_its_record_and_id(vault):
    blob_id, _ = vault.put(REVIEW, RECORD, PHOTO)
    with pytest.raises(AttachmentTampered):
        vault.get(REVIEW, "another-record", blob_id)
    with pytest.raises(AttachmentTampered):
        vault.get("another-review", RECORD, blob_id)
    # A file copied over another blob's name does not decrypt either.
    other, _ = vault.put(REVIEW, RECORD, b"other")
    (vault.directory / f"{other}.bin").write_bytes((vault.directory / f"{blob_id}.bin").read_bytes())
    with pytest.raises(AttachmentTampered) as info:
        vault.get(REVIEW, RECORD, other)
    assert "photo" in info.value.user_message


def test_other_key_cannot_read(vault):
    blob_id, _ = vault.put(REVIEW, RECORD, PHOTO)
    stranger = AttachmentVault(vault.directory, os.urandom(32))
    with pytest.raises(AttachmentTampered):
        stranger.get(REVIEW, RECORD, blob_id)


def test_newer_format(vault):
    blob_id, _ = vault.put(REVIEW, RECORD, PHOTO)
    path = vault.directory / f"{blob_id}.bin"
    raw = bytearray(path.read_bytes())
    raw[4] = 2
    path.write_bytes(bytes(raw))
    with pytest.raises(NewerFormat):
        vault.get(REVIEW, RECORD, blob_id)


def test_blob_id_cannot_escape_the_directory(vault):
    for bad in ("../keyfile", "a" * 31, "A" * 32, "0" * 32 + "/x"):
        with pytest.raises(ValueError):
            vault.get(REVIEW, RECORD, bad)
        with pytest.raises(ValueError):
            vault.delete(bad)


def test_missing_blob(vault):
    with pytest.raises(FileNotFoundError):
        vault.get(REVIEW, RECORD, "0" * 32)
