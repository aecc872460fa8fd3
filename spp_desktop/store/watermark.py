"""A high-water mark kept outside the database, to notice committed changes that vanished.

Changes live in the database's WAL until a checkpoint folds them into the main file (at every lock and
close). If the WAL is deleted or damaged after a crash, SQLite opens the main file as it was at the last
checkpoint and says nothing. So after every commit that made a local change, the device's last sequence
number is written to `store.hwm` beside the database; at open, a database whose last sequence number is
below it has lost that many changes, and the store says so (`lost_changes`).

What stays undetectable: a loss together with the mark (both files replaced by an older backup), a loss
of changes made after the mark's last write (an OS crash before the file reached the disk; the mark is
not fsynced, for speed), and lost changes that came from teammates (they come back with the next sync).
The file holds one number, nothing a person wrote.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

NAME = "store.hwm"


class HighWaterMark:
    def __init__(self, folder: Path):
        self.path = Path(folder) / NAME
        self._written = -1

    def read(self) -> int | None:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    def write(self, seq: int) -> None:
        """Best effort (a full disk must not stop a save that has already committed)."""
        if seq == self._written:
            return
        tmp = self.path.with_name(NAME + ".tmp")
        with contextlib.suppress(OSError):
            tmp.write_text(f"{seq}\n", encoding="ascii")
            os.replace(tmp, self.path)
            self._written = seq
