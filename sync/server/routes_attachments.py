"""Attachments, content-addressed by SHA-256, uploaded in resumable chunks.

HEAD tells how many bytes are stored (Upload-Offset) and whether the blob is complete; PATCH appends a chunk
at exactly that offset; when the last byte arrives the SHA-256 is checked before the blob counts as stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Header, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from .auth import Caller, CallerDep, require_member
from .errors import ApiError, responses
from .settings import megabytes

router = APIRouter(tags=["attachments"])

SHA = Path(pattern=r"^[0-9a-fA-F]{64}$", description="SHA-256 of the attachment, hex")
PREFIX = "/reviews/{review_id}/attachments/{sha256}"


def _size(size: int, other: int) -> str:
    """'30 MB', or the bytes too when the other size rounds to the same megabytes."""
    return megabytes(size) if megabytes(size) != megabytes(other) else f"{megabytes(size)} ({size:,} bytes)"


def _headers(length: int, stored: int, complete: bool) -> dict[str, str]:
    return {
        "Upload-Offset": str(stored),
        "Upload-Length": str(length),
        "Upload-Complete": "1" if complete else "0",
        "Cache-Control": "no-store",
    }


def _head(request: Request, review_id: str, sha256: str, caller: Caller) -> Response:
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    state = storage.upload_state(review_id, sha256.lower())
    if state is None:
        raise ApiError(404, "not_found", "Nothing of this attachment is stored yet.")
    return Response(status_code=200, headers=_headers(state.length, state.stored, state.complete))


@router.head(
    PREFIX,
    response_class=Response,  # no body, so no media type: the document promises none
    responses={
        200: {
            "description": "Upload-Offset, Upload-Length and Upload-Complete headers (no body)",
            "headers": {
                "Upload-Offset": {"schema": {"type": "string"}, "description": "bytes stored so far"},
                "Upload-Length": {"schema": {"type": "string"}, "description": "the attachment's size"},
                "Upload-Complete": {"schema": {"type": "string", "enum": ["0", "1"]}},
            },
        },
        **responses(401, 403, 404, 422),
    },
)
async def head_attachment(request: Request, caller: CallerDep, review_id: str, sha256: str = SHA) -> Response:
    """How much of an attachment is stored: headers Upload-Offset, Upload-Length and Upload-Complete (1|0)."""
    return await run_in_threadpool(_head, request, review_id, sha256, caller)


def _patch(
    request: Request, review_id: str, sha256: str, offset: int, length: int, data: bytes, caller: Caller
) -> Response:
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    limit = request.app.state.settings.max_attachment_bytes
    if length > limit:
        raise ApiError(
            413,
            "attachment_too_large",
            f"The attachment is {_size(length, limit)}; this server accepts attachments of up to "
            f"{_size(limit, length)}.",
        )
    result = storage.append_upload(review_id, sha256.lower(), offset, length, data)
    state = result.state
    if result.outcome == "ok" and state is not None:
        return Response(status_code=204, headers=_headers(state.length, state.stored, state.complete))
    if result.outcome == "hash_mismatch":
        raise ApiError(
            422,
            "hash_mismatch",
            "The bytes received do not match the SHA-256 in the address; the upload was discarded.",
        )
    assert state is not None
    headers = _headers(state.length, state.stored, state.complete)
    if result.outcome == "too_long":
        # 409 like the other disagreements between a chunk and the upload's state: a body length the
        # document cannot constrain by Upload-Length (JSON Schema compares no two values)
        raise ApiError(409, "chunk_past_length", "The chunk runs past Upload-Length.", headers)
    if result.outcome == "length_mismatch":
        raise ApiError(
            409,
            "length_mismatch",
            "An upload of this attachment with another Upload-Length is under way.",
            headers,
        )
    raise ApiError(409, "offset_mismatch", f"Resume the upload at offset {state.stored}.", headers)


@router.patch(
    PREFIX,
    status_code=204,
    response_class=Response,
    responses={
        204: {"description": "Chunk stored; Upload-Offset tells the new offset"},
        **responses(401, 403, 404, 409, 413, 422),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
async def patch_attachment(
    request: Request,
    caller: CallerDep,
    review_id: str,
    sha256: str = SHA,
    upload_offset: int = Header(ge=0, le=2**62),
    upload_length: int = Header(ge=0, le=2**62),
) -> Response:
    """Append the request body at Upload-Offset (which must equal the stored offset, else 409 with the right
    one); Upload-Length is the attachment's total size."""
    data = await request.body()
    return await run_in_threadpool(
        _patch, request, review_id, sha256, upload_offset, upload_length, data, caller
    )


def _get(request: Request, review_id: str, sha256: str, caller: Caller) -> Any:
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    found = storage.stream_attachment(review_id, sha256.lower())
    if found is None:
        raise ApiError(404, "not_found", "This attachment is not stored (or not completely yet).")
    length, chunks = found
    # Streamed chunk by chunk: three downloads at once hold three chunks, not three photos.
    return StreamingResponse(
        chunks,
        media_type="application/octet-stream",
        headers={"Cache-Control": "private, max-age=31536000, immutable", "Content-Length": str(length)},
    )


@router.get(
    PREFIX,
    response_class=Response,
    responses={
        200: {
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            "description": "The attachment's bytes",
        },
        **responses(401, 403, 404, 422),
    },
)
async def get_attachment(request: Request, caller: CallerDep, review_id: str, sha256: str = SHA) -> Response:
    """The bytes of a completely stored attachment (team only)."""
    return await run_in_threadpool(_get, request, review_id, sha256, caller)


def document_limits(schema: dict[str, Any], max_attachment: int, max_chunk: int) -> None:
    """Put this server's limits into its OpenAPI document, so what it says is what the server does:
    Upload-Length at most the attachment limit (413 above it), a chunk at most the chunk limit (413)."""
    patch = schema.get("paths", {}).get(PREFIX, {}).get("patch")
    if not patch:
        return
    for parameter in patch.get("parameters", []):
        if parameter.get("name", "").lower() == "upload-length":
            parameter["schema"]["maximum"] = max_attachment
        if parameter.get("name", "").lower() == "upload-offset":
            parameter["schema"]["maximum"] = max_attachment
    for content in patch.get("requestBody", {}).get("content", {}).values():
        content["schema"]["maxLength"] = min(max_chunk, max_attachment)
