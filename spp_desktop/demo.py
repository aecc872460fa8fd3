"""The built-in demo review: the package in resources/, moved so that its first day is today."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

from .paths import demo_package_path

DEMO_PASSPHRASE = "brookfield reading demo"


def demo_package(start: date | None = None) -> dict[str, Any]:
    """The demo package; with `start`, every date shifted so the review begins that day."""
    doc: dict[str, Any] = json.loads(demo_package_path().read_text(encoding="utf-8"))
    if start is None:
        return doc
    shift = start - date.fromisoformat(doc["review"]["start_date"])
    doc = copy.deepcopy(doc)

    def moved(value: str) -> str:
        return (date.fromisoformat(value) + shift).isoformat()

    review = doc["review"]
    review["start_date"], review["end_date"] = moved(review["start_date"]), moved(review["end_date"])
    for section, key in (("schedule", "day"), ("evidence", "day"), ("actions", "due")):
        for item in doc.get(section, []):
            if item.get(key):
                item[key] = moved(item[key])
    feedback = doc.get("feedback", {})
    if feedback.get("checkin_date"):
        feedback["checkin_date"] = moved(feedback["checkin_date"])
    return doc
