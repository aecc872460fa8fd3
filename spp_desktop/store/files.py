"""Where the store keeps its files inside a data dir."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoreFiles:
    data_dir: Path

    @property
    def key_file(self) -> Path:
        return self.data_dir / "keyfile.json"

    @property
    def database(self) -> Path:
        return self.data_dir / "store.db"

    @property
    def attachments(self) -> Path:
        return self.data_dir / "attachments"

    def exists(self) -> bool:
        return self.key_file.exists() and self.database.exists()

    def all_files(self) -> list[Path]:
        return [p for p in self.data_dir.rglob("*") if p.is_file()]
