import base64
import json

import pytest

from spp_desktop.store.errors import KeyFileCorrupt, NewerFormat, WrongPassphrase
from spp_desktop.store.keys import (
    DEFAULT_KDF,
    FAST_TEST_KDF,
    KdfParams,
    _checksum,
    _serialize,
    change_passphrase,
    create_key_file,
    derive_key,
    read_kdf_params,
    unlock_key_file,
    wipe,
)

PASS = "Correct Horse Battery Staple"


@pytest.fixture
def key_file(tmp_path):
    path = tmp_path / "keyfile.json"
    data_key = create_key_file(path, PASS, kdf_params=FAST_TEST_KDF)
    return path, bytes(data_key)


def test_round_trip_with_real_default_params(tmp_path):
    path = tmp_path / "keyfile.json"
    data_key = create_key_file(path, PASS)
    assert len(data_key) == 32
    assert unlock_key_file(path, PASS) == data_key  # how long it takes: benchmarks/bench_store.py
    assert read_kdf_params(path) == DEFAULT_KDF == KdfParams(65536, 3, 4)
    doc = json.loads(path.read_text())
    assert doc["kdf"] == {"name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 4}
    assert doc["format"] == "spp-keyfile" and doc["version"] == 1
    assert len(base64.b64decode(doc["salt"])) == 16 and len(base64.b64decode(doc["nonce"])) == 12


def test_derive_key_is_deterministic_and_salted():
    a = derive_key("pw", b"s" * 16, FAST_TEST_KDF)
    assert a == derive_key("pw", b"s" * 16, FAST_TEST_KDF)
    assert a != derive_key("pw", b"t" * 16, FAST_TEST_KDF)
    assert a != derive_key("pw", b"s" * 16, KdfParams(2048, 1, 1))
    wipe(a)
    assert a == bytearray(32)


def test_wrong_passphrase(key_file):
    path, _ = key_file
    with pytest.raises(WrongPassphrase) as info:
        unlock_key_file(path, PASS.lower())
    assert "Caps Lock" in info.value.user_message


def test_create_refuses_to_overwrite(key_file):
    path, _ = key_file
    before = path.read_bytes()
    with pytest.raises(FileExistsError):
        create_key_file(path, "other", kdf_params=FAST_TEST_KDF)
    assert path.read_bytes() == before


def test_change_passphrase_keeps_data_key(key_file):
    path, data_key = key_file
    old_doc = json.loads(path.read_text())
    change_passphrase(path, PASS, "new passphrase")
    assert unlock_key_file(path, "new passphrase") == data_key
    with pytest.raises(WrongPassphrase):
        unlock_key_file(path, PASS)
    new_doc = json.loads(path.read_text())
    assert new_doc["salt"] != old_doc["salt"] and new_doc["nonce"] != old_doc["nonce"]
    assert new_doc["kdf"] == old_doc["kdf"]
    assert [p.name for p in path.parent.iterdir()] == ["keyfile.json"]  # no temp file left


def test_change_passphrase_with_wrong_old_changes_nothing(key_file):
    path, _ = key_file
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        change_passphrase(path, "nope", "new")
    assert path.read_bytes() == before


def test_every_flipped_byte_is_damage_not_a_wrong_passphrase(key_file):
    path, _ = key_file
    original = path.read_bytes()
    doc = json.loads(original)
    # Make sure every class of field is covered by the sweep below.
    for field in ("salt", "nonce", "wrapped_key", "checksum", '"memory_kib"', '"version"'):
        assert field.strip('"') in doc or field.strip('"') in doc["kdf"]
    for pos in range(len(original)):
        for mask in (0x01, 0x20):
            damaged = bytearray(original)
            damaged[pos] ^= mask
            path.write_bytes(bytes(damaged))
            with pytest.raises(KeyFileCorrupt):
                unlock_key_file(path, PASS)
    path.write_bytes(original)
    assert unlock_key_file(path, PASS)


def _rewrite(path, edit):
    doc = json.loads(path.read_text())
    edit(doc)
    doc["checksum"] = _checksum(doc)
    path.write_bytes(_serialize(doc))


def test_edited_params_with_fixed_checksum_still_fail(key_file):
    # Someone who recomputes the checksum after lowering the KDF cost is caught by the GCM tag.
    path, _ = key_file
    _rewrite(path, lambda d: d["kdf"].update(memory_kib=2048))
    with pytest.raises(WrongPassphrase):
        unlock_key_file(path, PASS)


def test_absurd_params_are_refused_before_running_the_kdf(key_file):
    path, _ = key_file
    _rewrite(path, lambda d: d["kdf"].update(memory_kib=1 << 40))
    with pytest.raises(KeyFileCorrupt):
        unlock_key_file(path, PASS)


def test_newer_format(key_file):
    path, _ = key_file
    _rewrite(path, lambda d: d.update(version=2, something_new="x"))
    with pytest.raises(NewerFormat) as info:
        unlock_key_file(path, PASS)
    assert "newer version of SPP Desktop" in info.value.user_message
    assert (info.value.found, info.value.supported) == (2, 1)


def test_not_json_and_empty(tmp_path):
    path = tmp_path / "keyfile.json"
    for content in (b"", b"\x00" * 100, b"[]", b'{"format": "spp-keyfile"}'):
        path.write_bytes(content)
        with pytest.raises(KeyFileCorrupt):
            unlock_key_file(path, PASS)


def test_missing_key_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        unlock_key_file(tmp_path / "keyfile.json", PASS)


def test_no_passphrase_or_data_key_in_the_clear(key_file):
    path, data_key = key_file
    raw = path.read_bytes()
    text = raw.decode("ascii")
    for needle in (PASS, PASS.lower(), "Horse"):
        assert needle not in text
    assert PASS.encode("utf-16-le") not in raw
    for encoded in (data_key, data_key.hex().encode(), base64.b64encode(data_key)):
        assert encoded not in raw
    doc = json.loads(text)
    assert set(doc) == {"format", "version", "kdf", "cipher", "salt", "nonce", "wrapped_key", "checksum"}


def test_key_file_is_private(key_file):
    import os

    path, _ = key_file
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
