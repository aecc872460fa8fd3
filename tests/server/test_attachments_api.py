"""Resumable, content-addressed attachments over the API."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from .conftest import Api, make_api


@pytest.fixture
def small_api(tmp_path) -> Iterator[Api]:
    yield from make_api(f"sqlite:///{tmp_path}/att.sqlite3", max_attachment_bytes=100_000)


def patch(api: Api, sha: str, offset: int, length: int, data: bytes, who: str = "reviewer"):
    return api.client.patch(
        f"/reviews/{api.world.review_id}/attachments/{sha}",
        content=data,
        headers={
            **api.auth(who),
            "Upload-Offset": str(offset),
            "Upload-Length": str(length),
            "Content-Type": "application/offset+octet-stream",
        },
    )


def head(api: Api, sha: str, who: str = "reviewer"):
    return api.client.head(f"/reviews/{api.world.review_id}/attachments/{sha}", headers=api.auth(who))


def test_a_half_upload_resumes_from_the_stored_offset(small_api: Api) -> None:
    data = bytes(i % 251 for i in range(60_000))
    sha = hashlib.sha256(data).hexdigest()
    assert head(small_api, sha).status_code == 404
    r = patch(small_api, sha, 0, len(data), data[:25_000])
    assert r.status_code == 204 and r.headers["Upload-Offset"] == "25000"
    h = head(small_api, sha)
    assert h.status_code == 200
    assert (h.headers["Upload-Offset"], h.headers["Upload-Complete"], h.headers["Upload-Length"]) == (
        "25000",
        "0",
        "60000",
    )
    # a client that lost track sends the wrong offset: 409 and the right one
    r = patch(small_api, sha, 0, len(data), data)
    assert r.status_code == 409 and r.headers["Upload-Offset"] == "25000"
    assert r.json()["error"]["code"] == "offset_mismatch"
    assert (
        small_api.client.get(
            f"/reviews/{small_api.world.review_id}/attachments/{sha}", headers=small_api.auth("lead")
        ).status_code
        == 404
    )
    r = patch(small_api, sha, 25_000, len(data), data[25_000:])
    assert r.status_code == 204 and r.headers["Upload-Complete"] == "1"
    assert head(small_api, sha, "lead").headers["Upload-Complete"] == "1"
    got = small_api.client.get(
        f"/reviews/{small_api.world.review_id}/attachments/{sha.upper()}", headers=small_api.auth("lead")
    )
    assert got.status_code == 200 and got.content == data
    assert got.headers["content-type"] == "application/octet-stream"


def test_wrong_bytes_for_the_hash_are_422_and_discarded(small_api: Api) -> None:
    sha = hashlib.sha256(b"the real photo").hexdigest()
    assert patch(small_api, sha, 0, 14, b"the fake").status_code == 204
    r = patch(small_api, sha, 8, 14, b" photo")
    assert r.status_code == 422 and r.json()["error"]["code"] == "hash_mismatch"
    assert head(small_api, sha).status_code == 404
    assert patch(small_api, sha, 0, 14, b"the real photo").status_code == 204


def test_an_attachment_over_the_limit_is_413_with_a_readable_message(small_api: Api) -> None:
    data = b"x" * 200_000
    sha = hashlib.sha256(data).hexdigest()
    r = patch(small_api, sha, 0, len(data), data[:1000])
    assert r.status_code == 413
    error = r.json()["error"]
    assert error["code"] == "attachment_too_large"
    assert error["message"] == "The attachment is 0.2 MB; this server accepts attachments of up to 0.1 MB."
    r = patch(small_api, sha, 0, len(data), data)  # the chunk alone is over the limit too
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


def test_bad_upload_requests(small_api: Api) -> None:
    sha = hashlib.sha256(b"abc").hexdigest()
    r = small_api.client.patch(
        f"/reviews/{small_api.world.review_id}/attachments/{sha}",
        content=b"abc",
        headers=small_api.auth("reviewer"),
    )
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"  # no Upload-* headers
    r = patch(small_api, "not-a-sha", 0, 3, b"abc")
    assert r.status_code == 422
    r = patch(small_api, sha, 0, 2, b"abc")  # past Upload-Length: a conflict with the upload, as documented
    assert r.status_code == 409 and r.json()["error"]["code"] == "chunk_past_length"
    empty = hashlib.sha256(b"").hexdigest()
    r = patch(small_api, empty, 0, 0, b"")
    assert r.status_code == 204 and r.headers["Upload-Complete"] == "1"


def test_the_api_document_tells_the_truth_about_methods_heads_and_limits(small_api: Api) -> None:
    rid, sha = small_api.world.review_id, hashlib.sha256(b"abc").hexdigest()
    path = f"/reviews/{rid}/attachments/{sha}"
    doc = small_api.client.get("/openapi.json").json()
    documented = {m.upper() for m in doc["paths"]["/reviews/{review_id}/attachments/{sha256}"]}
    r = small_api.client.post(path, headers=small_api.auth("reviewer"))
    assert r.status_code == 405
    assert set(r.headers["Allow"].split(", ")) == documented | {"HEAD"} == {"GET", "HEAD", "PATCH"}
    r = small_api.client.delete(f"/reviews/{rid}/ops", headers=small_api.auth("reviewer"))
    assert r.status_code == 405 and set(r.headers["Allow"].split(", ")) == {"GET", "HEAD", "POST"}
    # HEAD promises no body, so no content type
    assert "content" not in doc["paths"]["/reviews/{review_id}/attachments/{sha256}"]["head"]["responses"]["200"]
    # the document states this server's limits: Upload-Length and a chunk's size
    patch_doc = doc["paths"]["/reviews/{review_id}/attachments/{sha256}"]["patch"]
    length = next(p for p in patch_doc["parameters"] if p["name"].lower() == "upload-length")
    assert length["schema"]["maximum"] == 100_000
    assert {c["schema"]["maxLength"] for c in patch_doc["requestBody"]["content"].values()} == {100_000}
    assert "409" in patch_doc["responses"] and "413" in patch_doc["responses"]
