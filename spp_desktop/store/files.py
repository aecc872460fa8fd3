"""Where the store keeps its files inside a data dir."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoreFiles:
    data_dir: Path

    @property
    def key_file(self) -> Path:
        return self.data_dir / "keyfile.json"

    @functools.cached_property
    def database(self) -> Path:  # cached: every save names it (translated_errors)
        return self.data_dir / "store.db"

    @property
    def attachments(self) -> Path:
        return self.data_dir / "attachments"

    def exists(self) -> bool:
        return self.key_file.exists() and self.database.exists()

    def make_private(self) -> None:
        """Owner-only permissions on the data dir and the store's files (they are encrypted anyway;
        this keeps other accounts on a shared laptop from even copying them). No-op where unsupported."""
        with contextlib.suppress(OSError):
            os.chmod(self.data_dir, stat.S_IRWXU)
            for path in (self.database, self.key_file, self.attachments,
                         self.database.with_name(self.database.name + "-wal"),
                         self.database.with_name(self.database.name + "-shm")):
                if path.exists():
                    os.chmod(path, stat.S_IRWXU if path.is_dir() else stat.S_IRUSR | stat.S_IWUSR)
