"""Importing large review packages: time and peak memory, and the refusals that keep memory bounded.

    python -m benchmarks.bench_import

Two limits (sync.protocol.package): a file is at most MAX_PACKAGE_FILE_BYTES (64 MB; refused from its
size, never read) and holds at most MAX_PACKAGE_OBJECTS JSON objects (30,000: counted while it is parsed,
so the parse stops part way). Bytes alone did not bound memory: 64 MB of the smallest records is ~400,000
of them (a 200,000-record package was killed at 1.7 GB). Each import runs in a fresh child process (its
peak RSS is its own: VmHWM) through the CLI's reader (`cli_commands._read_json`: size check, read,
counted parse) and `ReviewStore.import_package`, into a new encrypted store:

- 20,000 realistic records (notes of a few sentences), the size reported in the issue (16 s before);
- the most the object limit lets through: 29,900 realistic records (the demo review holds the rest);
- ~64 MB of the smallest records (under the byte limit, far over the object limit): the refusal;
- a file 1 byte over 64 MB: the refusal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from tests.server.live import ROOT

REALISTIC = 20_000
TEXT = ("Pupils read the chapter aloud in pairs, then answered questions about the characters. Most used "
        "the word mat; two asked an adult for help with the tricky words. ")

CHILD = r"""
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from spp_desktop.cli_common import UserError
from spp_desktop.cli_commands import _read_json
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
store = ReviewStore.create(Path(sys.argv[2]), "benchmark passphrase here", kdf_params=FAST_TEST_KDF)
t0 = time.perf_counter()
try:
    doc = _read_json(sys.argv[1])
    t1 = time.perf_counter()
    store.import_package(doc)
    outcome = "imported"
except UserError as exc:
    t1 = time.perf_counter()
    outcome = "refused: " + str(exc)
t2 = time.perf_counter()
store.close()
peak = next(int(l.split()[1]) for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM:"))
print(json.dumps({"read_s": t1 - t0, "total_s": t2 - t0, "peak_mb": peak / 1024, "outcome": outcome}))
"""


def _package(records: int, *, notes: bool) -> dict:
    from spp_desktop.demo import demo_package
    doc = demo_package()
    questions = [q["id"] for q in doc["enquiry_questions"]]
    author = next(m["id"] for m in doc["team"] if m["role"] == "lead_reviewer")
    day = doc["review"]["start_date"]
    evidence = []
    for i in range(records):
        item = {"id": str(uuid.UUID(int=i + 1, version=4)), "kind": "document", "author": author, "day": day,
                "title": f"Document {i}"}
        if notes:
            item.update(notes=f"Record {i}. " + TEXT * (1 + i % 3), question_ids=[questions[i % len(questions)]])
        evidence.append(item)
    doc["evidence"] = evidence
    return doc


def _write(path: Path, doc: dict) -> int:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path.stat().st_size


def _import(path: Path, store_dir: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(store_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"import child failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[tuple[str, float, str]]:
    from sync.protocol.package import MAX_PACKAGE_FILE_BYTES, MAX_PACKAGE_OBJECTS
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="spp-bench-import-") as tmp_name:
        tmp = Path(tmp_name)
        size = _write(tmp / "realistic.json", _package(REALISTIC, notes=True))
        got = _import(tmp / "realistic.json", tmp / "s1")
        assert got["outcome"] == "imported", got
        rows += [(f"import {REALISTIC:,} realistic records: file size", size / 1e6, "MB"),
                 (f"import {REALISTIC:,} realistic records: time", got["total_s"], "s"),
                 (f"import {REALISTIC:,} realistic records: peak RSS", got["peak_mb"], "MB")]

        at_limit = MAX_PACKAGE_OBJECTS - 100  # the demo's own sections hold the rest
        size = _write(tmp / "limit.json", _package(at_limit, notes=True))
        got = _import(tmp / "limit.json", tmp / "s2")
        assert got["outcome"] == "imported", got
        rows += [(f"import {at_limit:,} realistic records (at the {MAX_PACKAGE_OBJECTS:,}-item limit): file size",
                  size / 1e6, "MB"),
                 (f"import {at_limit:,} realistic records: time", got["total_s"], "s"),
                 (f"import {at_limit:,} realistic records: peak RSS", got["peak_mb"], "MB")]

        per_record = len(json.dumps(_package(1001, notes=False)["evidence"][1000], ensure_ascii=False)) + 2
        base = len(json.dumps(_package(0, notes=False), ensure_ascii=False))
        tiny = int((MAX_PACKAGE_FILE_BYTES - base) / per_record * 0.93)  # titles grow with the number
        size = _write(tmp / "tiny.json", _package(tiny, notes=False))
        assert size <= MAX_PACKAGE_FILE_BYTES, size
        got = _import(tmp / "tiny.json", tmp / "s3")
        assert got["outcome"].startswith("refused"), got
        rows += [(f"{tiny:,} tiny records in {size / 1e6:.0f} MB (under the byte limit): refused in",
                  got["total_s"], "s"),
                 ("tiny records: peak RSS of the refusing process", got["peak_mb"], "MB")]
        print(f"  (refusal message: {got['outcome'].removeprefix('refused: ')})")

        over = tmp / "over.json"
        with over.open("wb") as fh:  # a sparse file: its size is what is checked
            fh.truncate(MAX_PACKAGE_FILE_BYTES + 1)
        got = _import(over, tmp / "s4")
        assert got["outcome"].startswith("refused"), got
        rows += [(f"a file 1 byte over {MAX_PACKAGE_FILE_BYTES // 2**20} MB: refused in", got["total_s"] * 1000, "ms"),
                 ("a file over the limit: peak RSS of the refusing process", got["peak_mb"], "MB")]
        print(f"  (refusal message: {got['outcome'].removeprefix('refused: ')})")
    return rows


if __name__ == "__main__":
    from benchmarks.run import print_table
    print_table(run())
