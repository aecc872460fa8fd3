"""Sync subcommands (login, checkout, sync, bundles). Filled in by the sync issue."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

SYNC_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def add_sync_commands(sub: Any) -> None:
    """Register the sync subcommands on the main parser (none yet)."""
