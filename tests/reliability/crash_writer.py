"""Child process for the crash test: saves records and prints each id once its commit has returned."""

from __future__ import annotations

import sys
from pathlib import Path

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.repository import ReviewStore


def main() -> None:
    data_dir, review_id, passphrase = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = ReviewStore.unlock(data_dir, passphrase)
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        ev = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"note {i}")
        print(f"created {ev.id} {i}", flush=True)
        for v in range(3):  # autosave edits (the squash path) must be durable too
            store.update_evidence(review_id, ev.id, notes=f"note {i}.{v}")
            print(f"updated {ev.id} {i}.{v}", flush=True)


if __name__ == "__main__":
    main()
