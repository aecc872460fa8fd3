"""Nothing typed, and no name of a school or person, may appear in the clear in any file the store writes."""

from __future__ import annotations

import os
import stat
import tempfile
import time
import uuid
from io import BytesIO
from pathlib import Path

from PIL import Image

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.findings import FindingKind
from spp_desktop.store.repository import ReviewStore
from sync.protocol.schema import ENTITIES, STR, STR_LIST
from tests.helpers import PASSPHRASE, new_store, small_package

_CHOICE_FIELDS = {("evidence", "kind"), ("finding", "kind"), ("finding", "status"), ("team_member", "role"),
                  ("evidence", "author"), ("finding", "author"), ("attachment", "sha256"),
                  ("attachment", "media_type"), ("attachment", "evidence_id"), ("evidence_link", "finding_id"),
                  ("evidence_link", "evidence_id"), ("finding", "question_id"), ("evidence", "slot_id")}


def _encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def _files_to_scan(data_dir: Path, since: float) -> list[Path]:
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    # The temp dir is shared with other processes that create and delete files while we walk it:
    # os.walk with onerror ignores a folder that vanished; stat errors skip a file that did.
    for root, _dirs, names in os.walk(tempfile.gettempdir(), onerror=lambda _err: None):
        for name in names:
            p = Path(root) / name
            try:
                info = p.lstat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_mtime >= since and info.st_size < 50_000_000:
                files.append(p)
    return files


def test_no_marker_in_any_file(tmp_path):
    started = time.time() - 1
    tag = uuid.uuid4().hex[:10]
    markers: list[str] = []

    def mark(name: str) -> str:
        marker = f"PLAINTEXTMARKER{tag}{name.upper()}"
        markers.append(marker)
        return marker

    doc = small_package()
    review = doc["review"]
    for key in ("host_school", "partnership", "headteacher"):
        review[key] = mark(f"review_{key}")
    review["focus"] = {"title": mark("focus_title"), "description": mark("focus_description")}
    for q in doc["enquiry_questions"]:
        q["text"] = mark(f"q_{q['id']}")
    for m in doc["team"]:
        m["name"], m["school"] = mark(f"name_{m['id']}"), mark(f"school_{m['id']}")
    doc["schedule"][0].update(location=mark("slot_location"), notes=mark("slot_notes"), activity=mark("slot_activity"))

    data_dir = tmp_path / "data"
    store, rid = new_store(data_dir, doc)
    text_fields = {name for name, kind in ENTITIES["evidence"].items()
                   if kind in (STR, STR_LIST) and ("evidence", name) not in _CHOICE_FIELDS}
    for kind in EvidenceKind:
        values = {name: ([mark(f"{kind}_{name}")] if ENTITIES["evidence"][name] == STR_LIST else mark(f"{kind}_{name}"))
                  for name in text_fields}
        ev = store.create_evidence(rid, kind, **values)
        # Several rounds of autosave, so superseded values pass through the log and the WAL too.
        for i in range(3):
            store.update_evidence(rid, ev.id, notes=mark(f"{kind}_notes_v{i}"))
    finding = store.create_finding(rid, "q-1", FindingKind.STRENGTH, mark("finding_text"),
                                   head_comment=mark("head_comment"), reviewer_notes=mark("finding_private"))
    store.link_evidence(rid, finding.id, ev.id)
    store.create_action(rid, mark("action_text"), owner=mark("action_owner"))
    store.update_outcome(rid, improvement_priority=mark("priority"), next_steps=mark("next_steps"),
                         head_comment=mark("overall_comment"))
    # A real JPEG (a handmade one is refused as damaged), with a typed comment the store must strip.
    photo = BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(photo, format="JPEG", comment=mark("photo_comment").encode())
    caption = mark("caption")
    store.add_photo(rid, ev.id, photo.getvalue(), caption=caption)
    store.pass_on_concern(rid, mark("concern_words"), "dsl")  # kept only in the encrypted store
    store.replica.save_server_account(url="https://spp.example", username=mark("username"), user_id="u", token=mark("token"))
    store.close()

    # And again with the store open (WAL and -shm live), then closed.
    store = ReviewStore.unlock(data_dir, PASSPHRASE)
    assert store.get_finding(rid, finding.id).text.startswith("PLAINTEXTMARKER")
    assert [a.caption for a in store.photos(rid, ev.id)] == [caption]  # the photo was stored, so it is scanned below
    assert [c.text[:15] for c in store.my_concerns(rid)] == ["PLAINTEXTMARKER"]  # the concern too
    open_files = _files_to_scan(data_dir, started)
    store.close()
    files = set(open_files) | set(_files_to_scan(data_dir, started))
    assert any(p.name == "store.db" for p in files)
    needles = [(m, enc) for m in markers for enc in _encodings(m)]
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for marker, needle in needles:
            assert needle not in data, f"{marker} found in clear in {path}"
        assert b"PLAINTEXTMARKER" + tag.encode() not in data, f"a marker prefix found in {path}"
