"""The offline team bundle (sync/protocol/bundle.py): sealed, checked, and refused with a clear message."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zlib
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.protocol import HLC, Operation, OpKind, ReviewState
from sync.protocol import bundle as bundle_module
from sync.protocol.bundle import (
    FORMAT_VERSION,
    MAGIC,
    Bundle,
    BundleError,
    BundleInvalid,
    BundleNewerFormat,
    BundleTampered,
    BundleTooLarge,
    BundleWrongReview,
    NotABundle,
    decode_bundle,
    encode_bundle,
    read_header,
)

_EXAMPLES = int(os.environ.get("SPP_HYPOTHESIS_EXAMPLES", "0"))
REVIEW = "30ef1afb-b9b7-4557-b926-b64bcfe1ec4f"
OTHER_REVIEW = "30ef1afb-b9b7-4557-b926-b64bcfe1ec50"
KEY = bytes(range(32))
SECRET_NOTE = "Pupils in Year 4 read aloud with expression"
PHOTO = b"\xff\xd8\xff\xe0" + os.urandom(3000)
CREATED = datetime(2026, 11, 24, 15, 30, 12, 345000, tzinfo=UTC)


def _op(seq: int, kind: OpKind = OpKind.SET, fields: dict[str, Any] | None = None,
        parents: dict[str, tuple[str, ...]] | None = None, review_id: str = REVIEW,
        entity_id: str | None = None) -> Operation:
    return Operation(
        op_id=str(uuid.UUID(int=seq)), review_id=review_id, device_id="laptop-a", seq=seq,
        author="reviewer-a", hlc=HLC(1_780_000_000_000 + seq, 0, "laptop-a"), entity="evidence",
        entity_id=entity_id or str(uuid.UUID(int=1000)), kind=kind,
        fields={} if kind is OpKind.DELETE else (fields or {"notes": f"{SECRET_NOTE} ({seq})"}),
        parents=parents or {},
    )


OPS = [
    _op(1, fields={"kind": "observation", "notes": SECRET_NOTE, "tags": ["reading", "ŵ"], "day": "2026-11-24"}),
    _op(2, parents={"notes": (str(uuid.UUID(int=1)),)}),
    _op(3, kind=OpKind.DELETE, entity_id=str(uuid.UUID(int=1001)), parents={"notes": ("x",)}),
    _op(4, kind=OpKind.RESOLVE, fields={"notes": "settled"}, parents={"notes": ("a", "b")}),
]
ATTACHMENTS = {hashlib.sha256(PHOTO).hexdigest(): PHOTO, hashlib.sha256(b"").hexdigest(): b""}
VECTOR = {"laptop-a": 4, "laptop-b": 17}


def _encode(**over: Any) -> bytes:
    args: dict[str, Any] = dict(review_id=REVIEW, sender_device="laptop-a", version_vector=VECTOR, ops=OPS,
                                attachments=ATTACHMENTS, team_key=KEY, created_at=CREATED)
    args.update(over)
    return encode_bundle(**args)


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return _encode()


def _seal_body(body: Any, *, raw: bytes | None = None, review_id: str = REVIEW, key: bytes = KEY) -> bytes:
    """An authentic bundle (right key and header) around any body: for contents the encoder won't write."""
    header = bundle_module._header(review_id)
    plain = raw if raw is not None else zlib.compress(json.dumps(body).encode("utf-8"))
    nonce = os.urandom(12)
    return header + nonce + AESGCM(key).encrypt(nonce, plain, header)


def _body(**over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "format": "spp-bundle", "format_version": FORMAT_VERSION, "review_id": REVIEW,
        "sender_device": "laptop-a", "created_at": "2026-11-24T15:30:12Z", "version_vector": {},
        "ops": [OPS[0].to_wire()], "attachments": {},
    }
    body.update(over)
    return body


# --- round trip -----------------------------------------------------------------------------------------
def test_round_trip(sealed):
    got = decode_bundle(sealed, review_id=REVIEW, team_key=KEY)
    assert isinstance(got, Bundle)
    assert got.review_id == REVIEW
    assert got.sender_device == "laptop-a"
    assert got.version_vector == VECTOR
    assert got.created_at == CREATED
    assert got.ops == tuple(OPS)
    assert got.attachments == ATTACHMENTS
    with pytest.raises(AttributeError):
        got.review_id = OTHER_REVIEW  # type: ignore[misc]


def test_empty_bundle_round_trips():
    data = _encode(ops=[], attachments={}, version_vector={}, created_at=None)
    got = decode_bundle(data, review_id=REVIEW, team_key=KEY)
    assert got.ops == () and got.attachments == {} and got.version_vector == {}
    assert got.created_at.tzinfo is not None


def test_header_is_readable_without_the_key_and_nothing_else_is(sealed):
    assert sealed.startswith(MAGIC + bytes([FORMAT_VERSION]))
    assert read_header(sealed) == (FORMAT_VERSION, REVIEW)
    assert SECRET_NOTE.encode() not in sealed
    assert b"laptop-a" not in sealed and b"reading" not in sealed


def test_every_bundle_has_a_fresh_nonce():
    one, two = _encode(), _encode()
    start = len(bundle_module._header(REVIEW))
    assert one[start:start + 12] != two[start:start + 12]
    assert decode_bundle(one, review_id=REVIEW, team_key=KEY) == decode_bundle(two, review_id=REVIEW, team_key=KEY)


# --- damage ---------------------------------------------------------------------------------------------
HEADER_LEN = len(MAGIC) + 1 + 2 + len(REVIEW)
NAMED_POSITIONS = {
    "magic first": 0, "magic last": len(MAGIC) - 1, "version": len(MAGIC), "length high": len(MAGIC) + 1,
    "length low": len(MAGIC) + 2, "review id first": len(MAGIC) + 3, "review id last": HEADER_LEN - 1,
    "nonce first": HEADER_LEN, "nonce last": HEADER_LEN + 11, "ciphertext first": HEADER_LEN + 12,
    "ciphertext middle": HEADER_LEN + 100, "tag first": -16, "tag last": -1,
}


def _flip(data: bytes, position: int, bit: int) -> bytes:
    out = bytearray(data)
    out[position] ^= 1 << bit
    return bytes(out)


@pytest.mark.parametrize("bit", [0, 3, 7])
@pytest.mark.parametrize("where", list(NAMED_POSITIONS))
def test_a_flipped_bit_is_refused(sealed, where, bit):
    position = NAMED_POSITIONS[where]
    with pytest.raises(BundleError) as caught:
        decode_bundle(_flip(sealed, position, bit), review_id=REVIEW, team_key=KEY)
    if where.startswith(("nonce", "ciphertext", "tag")):
        assert isinstance(caught.value, BundleTampered)
    if where.startswith("magic"):
        assert isinstance(caught.value, NotABundle)
    assert "nothing was imported" in str(caught.value) or isinstance(caught.value, BundleNewerFormat)


def test_every_single_bit_flip_is_refused():
    data = _encode(ops=OPS[:1], attachments={})
    for position in range(len(data)):
        for bit in range(8):
            with pytest.raises(BundleError):
                decode_bundle(_flip(data, position, bit), review_id=REVIEW, team_key=KEY)


@settings(max_examples=_EXAMPLES or 200, deadline=None)
@given(edits=st.dictionaries(st.integers(0, 3_400), st.integers(1, 255), min_size=1, max_size=5))
def test_random_byte_damage_is_refused(sealed, edits):
    out = bytearray(sealed)
    assert len(out) > 3_400
    for position, xor in edits.items():
        out[position] ^= xor
    with pytest.raises(BundleError):
        decode_bundle(bytes(out), review_id=REVIEW, team_key=KEY)


def test_truncated_file_is_refused(sealed):
    for length in [*range(0, HEADER_LEN + 40), len(sealed) // 2, len(sealed) - 16, len(sealed) - 1]:
        with pytest.raises(BundleError):
            decode_bundle(sealed[:length], review_id=REVIEW, team_key=KEY)
    with pytest.raises(BundleTampered):
        decode_bundle(sealed[:-1], review_id=REVIEW, team_key=KEY)


def test_appended_bytes_are_refused(sealed):
    with pytest.raises(BundleTampered):
        decode_bundle(sealed + b"\x00", review_id=REVIEW, team_key=KEY)


def test_wrong_key_reads_as_damaged_or_another_team(sealed):
    with pytest.raises(BundleTampered) as caught:
        decode_bundle(sealed, review_id=REVIEW, team_key=bytes(32))
    assert "another team" in str(caught.value) and "damaged" in str(caught.value)


def test_bundle_for_another_review(sealed):
    with pytest.raises(BundleWrongReview) as caught:
        decode_bundle(sealed, review_id=OTHER_REVIEW, team_key=KEY)
    assert caught.value.found_review_id == REVIEW
    assert "another review" in str(caught.value)


def test_review_id_swapped_in_the_clear_header_is_caught_by_the_associated_data(sealed):
    """Relabelling a bundle as another review's (same length id) fails authentication."""
    forged = sealed.replace(REVIEW.encode(), OTHER_REVIEW.encode(), 1)
    with pytest.raises(BundleTampered):
        decode_bundle(forged, review_id=OTHER_REVIEW, team_key=KEY)


def test_newer_format_is_refused_before_decrypting(sealed):
    newer = sealed[:len(MAGIC)] + bytes([FORMAT_VERSION + 1]) + sealed[len(MAGIC) + 1:]
    for data in (newer, MAGIC + bytes([FORMAT_VERSION + 1]) + b"a layout we do not know yet"):
        with pytest.raises(BundleNewerFormat) as caught:
            decode_bundle(data, review_id=REVIEW, team_key=bytes(32))  # key never used
        assert str(caught.value) == ("This bundle was made by a newer version of SPP Desktop. "
                                     "Update this app, then import it again.")


@pytest.mark.parametrize("data", [
    b"", b"SPP", b"%PDF-1.7\n", b'{"format": "spp-review-package"}', b"SPPBNDX\x01rest", MAGIC.lower() + b"\x01",
    b"PK\x03\x04 a zip file",
])
def test_not_a_bundle(data):
    with pytest.raises(NotABundle) as caught:
        decode_bundle(data, review_id=REVIEW, team_key=KEY)
    assert "not an SPP Desktop bundle" in str(caught.value)


def test_version_zero_is_damage():
    data = _encode()
    with pytest.raises(BundleTampered):
        decode_bundle(data[:len(MAGIC)] + b"\x00" + data[len(MAGIC) + 1:], review_id=REVIEW, team_key=KEY)


# --- authentic but unacceptable contents -----------------------------------------------------------------
@pytest.mark.parametrize(("body", "words"), [
    (["not", "an", "object"], "not a bundle body"),
    (_body(format="spp-review-package"), "not a bundle body"),
    (_body(format_version=2), "format versions"),
    (_body(review_id=OTHER_REVIEW), "review inside"),
    (_body(sender_device=""), "sending device"),
    (_body(created_at="teatime"), "creation time"),
    (_body(version_vector={"a": -1}), "version vector"),
    (_body(version_vector={"a": True}), "version vector"),
    (_body(version_vector=[]), "version vector"),
    (_body(ops={}), "operations are missing"),
    (_body(attachments=[]), "attachments are missing"),
    (_body(attachments={"photo.jpg": "AAAA"}), "SHA-256"),
    (_body(attachments={hashlib.sha256(b"x").hexdigest(): "not base64!"}), "base64"),
    (_body(attachments={hashlib.sha256(b"x").hexdigest(): "eQ=="}), "does not match"),
])
def test_authentic_but_invalid_contents(body, words):
    with pytest.raises(BundleInvalid) as caught:
        decode_bundle(_seal_body(body), review_id=REVIEW, team_key=KEY)
    assert words in str(caught.value), str(caught.value)
    assert str(caught.value).endswith("so nothing was imported.")


@pytest.mark.parametrize(("ops", "words"), [
    ([{"op_id": "x"}], "Operation 1"),
    ([OPS[0].to_wire(), {**OPS[1].to_wire(), "fields": {"mood": "sunny"}}], "Operation 2 of the bundle is not valid: unknown field"),
    ([{**OPS[0].to_wire(), "review_id": OTHER_REVIEW}], "another review"),
    ([{**OPS[0].to_wire(), "fields": {"notes": "\ud800"}}], "not valid Unicode"),
    ([{**OPS[0].to_wire(), "seq": 10**30}], "seq must be below 2^53"),
    ([{**OPS[0].to_wire(), "hlc": [2**53, 0, OPS[0].device_id]}], "impossibly far ahead"),
])
def test_a_bad_op_in_a_sound_bundle_is_handed_back_and_the_rest_kept(ops, words):
    """The laptop parks a bad op with the reason and applies the others (issue 10, item 3)."""
    bundle = decode_bundle(_seal_body(_body(ops=[*ops, OPS[-1].to_wire()])), review_id=REVIEW, team_key=KEY)
    assert [op.op_id for op in bundle.ops][-1] == OPS[-1].op_id
    assert len(bundle.bad_ops) == 1 and words in bundle.bad_ops[0][2], bundle.bad_ops


@pytest.mark.parametrize("raw", [b"not zlib at all", zlib.compress(b"\xff\xfe not utf-8"),
                                 zlib.compress(b"{not json"), zlib.compress(b"[" * 100_000),
                                 zlib.compress(json.dumps(_body()).encode())[:-3],
                                 zlib.compress(json.dumps(_body()).encode()) + b"trailing"])
def test_authentic_but_unreadable_body(raw):
    with pytest.raises(BundleInvalid):
        decode_bundle(_seal_body(None, raw=raw), review_id=REVIEW, team_key=KEY)


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(bundle_module, "MAX_BODY_BYTES", 10 * 1024**2)
    bomb = zlib.compress(b"[" + b" " * (50 * 1024**2) + b"]", 9)  # 50 MB of spaces in ~50 kB
    assert len(bomb) < 100_000
    with pytest.raises(BundleTooLarge) as caught:
        decode_bundle(_seal_body(None, raw=bomb), review_id=REVIEW, team_key=KEY)
    assert "too large" in str(caught.value)


def test_body_at_the_limit_is_accepted(monkeypatch):
    raw = json.dumps(_body()).encode()
    monkeypatch.setattr(bundle_module, "MAX_BODY_BYTES", len(raw))
    decode_bundle(_seal_body(None, raw=zlib.compress(raw)), review_id=REVIEW, team_key=KEY)
    monkeypatch.setattr(bundle_module, "MAX_BODY_BYTES", len(raw) - 1)
    with pytest.raises(BundleTooLarge):
        decode_bundle(_seal_body(None, raw=zlib.compress(raw)), review_id=REVIEW, team_key=KEY)


# --- the encoder refuses to write what the decoder would refuse ---------------------------------------
@pytest.mark.parametrize("over", [
    {"team_key": b"short"}, {"team_key": bytes(33)}, {"review_id": ""}, {"sender_device": ""},
    {"ops": [_op(9, review_id=OTHER_REVIEW)]}, {"ops": [_op(9, fields={"mood": "sunny"})]},
    {"attachments": {hashlib.sha256(b"a").hexdigest(): b"b"}}, {"version_vector": {"a": -1}},
])
def test_encoder_refuses_bad_arguments(over):
    with pytest.raises(ValueError):
        _encode(**over)


def test_decoder_refuses_a_bad_key_length(sealed):
    with pytest.raises(ValueError):
        decode_bundle(sealed, review_id=REVIEW, team_key=b"short")


# --- bundles carry the same merge as online sync -------------------------------------------------------
def test_any_route_ends_in_the_same_state():
    """A -> B -> C by bundle, importing twice on the way, equals folding all ops once."""
    a_ops = [_op(1, fields={"kind": "observation", "notes": "a"})]
    b_ops = [Operation(**{**_op(2).__dict__, "device_id": "laptop-b", "op_id": str(uuid.UUID(int=2)),
                          "hlc": HLC(1_780_000_000_000, 5, "laptop-b"),
                          "parents": {"notes": (a_ops[0].op_id,)}})]
    from_a = _encode(ops=a_ops, attachments={}, version_vector={"laptop-a": 1})
    b_state = ReviewState(REVIEW)
    b_state.apply_all(b_ops)
    for _ in range(2):  # importing twice changes nothing
        b_state.apply_all(decode_bundle(from_a, review_id=REVIEW, team_key=KEY).ops)
    from_b = _encode(ops=a_ops + b_ops, attachments={}, sender_device="laptop-b",
                     version_vector={"laptop-a": 1, "laptop-b": 2})
    c_state = ReviewState(REVIEW)
    c_state.apply_all(decode_bundle(from_b, review_id=REVIEW, team_key=KEY).ops)
    direct = ReviewState(REVIEW)
    direct.apply_all(a_ops + b_ops)
    assert b_state.state_hash() == c_state.state_hash() == direct.state_hash()
