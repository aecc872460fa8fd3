"""Shared test helpers: stores made fast (small KDF) and a small review package."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore

PASSPHRASE = "correct horse battery staple"

SMALL_PACKAGE: dict[str, Any] = {
    "format": "spp-review-package",
    "format_version": 1,
    "issued_at": "2026-11-20T09:00:00Z",
    "review": {
        "id": "0b8f6a52-27a4-4c47-9a4e-0d3e7c1f5a01",
        "host_school": "Brookfield Primary School",
        "partnership": "Northvale Schools Partnership",
        "headteacher": "Mrs J. Okafor",
        "start_date": "2026-11-24",
        "end_date": "2026-11-25",
        "focus": {"title": "Reading in Key Stage 2", "description": "Fluency and comprehension."},
    },
    "enquiry_questions": [
        {"id": "q-1", "text": "How well does the curriculum build fluency?"},
        {"id": "q-2", "text": "How are disadvantaged pupils supported?"},
    ],
    "team": [
        {"id": "lead-1", "name": "Alex Morgan", "role": "lead_reviewer", "school": "Hillside Primary"},
        {"id": "rev-2", "name": "Sam Patel", "role": "reviewer", "school": "Oakfield Primary"},
        {"id": "head-1", "name": "Joy Okafor", "role": "headteacher", "school": "Brookfield Primary School"},
    ],
    "schedule": [
        {"id": "slot-1", "day": "2026-11-24", "start": "09:00", "end": "09:30", "activity": "observation",
         "location": "Year 4 (Oak)", "reviewer_ids": ["lead-1"]},
    ],
}


def small_package() -> dict[str, Any]:
    return copy.deepcopy(SMALL_PACKAGE)


def new_store(path: Path, package: dict[str, Any] | None = None, *, me: str | None = None) -> tuple[ReviewStore, str]:
    store = ReviewStore.create(path, PASSPHRASE, kdf_params=FAST_TEST_KDF)
    review_id = store.import_package(package or small_package(), me=me)
    return store, review_id


def team_of(review_id: str, *stores: ReviewStore) -> None:
    """Let laptops that share a review without a server verify each other, as a server would: pin one test
    server key on each and give all of them a certificate for every laptop's device key and reviewer."""
    from sync.protocol.signing import issue_certificate, unb64
    from tests.signing_helpers import SERVER_KEY, SERVER_PRIVATE

    certs = []
    for store in stores:
        device_id, key = store.replica.device_identity()
        certs.append(issue_certificate(SERVER_PRIVATE, device_id, store.me(review_id), unb64(key) or b"").to_wire())
    for store in stores:
        store.replica.trust_server(review_id, SERVER_KEY, certs)
