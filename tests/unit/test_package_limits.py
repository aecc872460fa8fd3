"""A package with more records than any review holds is refused while it is parsed: memory stays bounded.

64 MB (the file limit) of the smallest records is ~400,000 of them, which took gigabytes to import
(benchmarks/bench_import.py); MAX_PACKAGE_OBJECTS stops the parse part way instead.
"""

from __future__ import annotations

import json

import pytest

from spp_desktop.demo import demo_package
from sync.protocol.package import MAX_PACKAGE_OBJECTS, PackageError, parse_package_json, validate_package


def _records(doc: dict, count: int) -> dict:
    author = next(m["id"] for m in doc["team"] if m["role"] == "lead_reviewer")
    doc["evidence"] = [{"id": f"00000000-0000-4000-8000-{i:012d}", "kind": "document", "author": author,
                        "day": doc["review"]["start_date"], "title": f"Document {i}"} for i in range(count)]
    return doc


def test_a_package_of_too_many_records_is_refused_while_parsing():
    text = json.dumps(_records(demo_package(), MAX_PACKAGE_OBJECTS + 1))
    with pytest.raises(PackageError) as caught:
        parse_package_json(text)
    assert f"more than {MAX_PACKAGE_OBJECTS:,} records" in caught.value.problem


def test_a_large_review_within_the_limit_parses_and_validates():
    doc = _records(demo_package(), 5_000)
    parsed = parse_package_json(json.dumps(doc))
    assert parsed == doc
    validate_package(parsed)


def test_a_document_with_too_many_records_is_refused_by_validation_too():
    with pytest.raises(PackageError, match="records and other items"):
        validate_package(_records(demo_package(), MAX_PACKAGE_OBJECTS + 1))
