"""Write the evidence kinds into the review package's JSON Schema (docs/review-package.schema.json).

    python scripts/package_schema.py          # rewrite the file from the registry
    python scripts/package_schema.py --check  # exit 1 when the file is not what the registry makes

The schema is written by hand except for what the evidence-kind registry (spp_desktop.domain.evidence.KINDS
and FAMILIES) knows: the kind values (of evidence.kind and question.planned_sources) and each family's own
fields, with their types and descriptions. The header fields every record shares (author, day, notes ...)
keep their hand-written words. tests/unit/test_evidence_kinds.py checks that the committed file equals what
this makes, and `protocol_disagreements` that sync/protocol/schema.py (the wire contract, which imports
nothing of ours) says the same kinds and field types as the registry.

Only scripts and tests import both the domain and the protocol here, so this lives in scripts/.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from spp_desktop.domain import evidence  # noqa: E402
from sync.protocol import schema as proto  # noqa: E402

SCHEMA_PATH = ROOT / "docs" / "review-package.schema.json"
HEADER_TYPES = {"kind": proto.STR, "author": proto.STR, "day": proto.DATE, "start": proto.TIME, "end": proto.TIME,
                "question_ids": proto.STR_LIST, "tags": proto.STR_LIST, "notes": proto.STR,
                "reviewer_notes": proto.STR, "slot_id": proto.STR}


def kind_values() -> list[str]:
    return [k.kind.value for k in evidence.KINDS]


def kind_fields() -> dict[str, evidence.KindField]:
    """Every family's own fields, the first family's spec where several share a name (subject)."""
    out: dict[str, evidence.KindField] = {}
    for family in evidence.FAMILIES:
        for f in family.fields:
            out.setdefault(f.name, f)
    return out


def family_title(family: evidence.Family) -> str:
    """"Lesson observation / learning walk": its kinds' labels."""
    labels = [evidence.KIND[k].label for k in family.kinds]
    return " / ".join([labels[0], *(label[:1].lower() + label[1:] for label in labels[1:])])


def protocol_type(field: evidence.KindField) -> str:
    return proto.INT if field.is_int else proto.STR


def render(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with the registry's kinds and kind fields written in."""
    out = copy.deepcopy(schema)
    defs = out["$defs"]
    record = defs["evidence"]
    fields = kind_fields()
    # The header fields keep their order and words; the kind fields follow, in the registry's order.
    properties = {name: spec for name, spec in record["properties"].items()
                  if name == "id" or name in HEADER_TYPES}
    properties["kind"] = {**properties.get("kind", {"description": "The kind of evidence."}),
                          "enum": kind_values()}
    for name, field in fields.items():
        titles = [family_title(f) for f in evidence.FAMILIES if any(x.name == name for x in f.fields)]
        titles = [titles[0], *(t[:1].lower() + t[1:] for t in titles[1:])]
        properties[name] = {"description": f"{' / '.join(titles)}: {field.about}",
                            "$ref": "#/$defs/whole_number" if field.is_int else "#/$defs/text"}
    record["properties"] = properties
    defs["question"]["properties"]["planned_sources"]["items"]["enum"] = kind_values()
    return out


def render_text(schema_text: str) -> str:
    return json.dumps(render(json.loads(schema_text)), indent=2) + "\n"


def protocol_disagreements() -> list[str]:
    """Where sync/protocol/schema.py and the registry differ (nothing when they agree)."""
    problems = []
    if tuple(proto.EVIDENCE_KINDS) != tuple(kind_values()):
        problems.append(f"sync/protocol/schema.py EVIDENCE_KINDS is {list(proto.EVIDENCE_KINDS)}, "
                        f"the registry's kinds are {kind_values()}")
    wanted = {**HEADER_TYPES, **{name: protocol_type(f) for name, f in kind_fields().items()}}
    for family in evidence.FAMILIES:
        for f in family.fields:
            if protocol_type(f) != protocol_type(kind_fields()[f.name]):
                problems.append(f"field {f.name!r} has two types in the registry")
    actual = dict(proto.ENTITIES["evidence"])
    if actual != wanted:
        problems.append(f"sync/protocol/schema.py ENTITIES['evidence'] is {actual}, the registry says {wanted}")
    return problems


def main(argv: list[str]) -> int:
    current = SCHEMA_PATH.read_text(encoding="utf-8")
    wanted = render_text(current)
    problems = protocol_disagreements()
    for problem in problems:
        print(problem, file=sys.stderr)
    if "--check" in argv:
        if current != wanted:
            print(f"{SCHEMA_PATH.relative_to(ROOT)} is out of date: run python scripts/package_schema.py",
                  file=sys.stderr)
            return 1
        return 1 if problems else 0
    if current != wanted:
        SCHEMA_PATH.write_text(wanted, encoding="utf-8")
        print(f"wrote {SCHEMA_PATH.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
