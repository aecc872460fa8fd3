"""Where things live: the platform's data dir, overridable with --data-dir or SPP_DATA_DIR."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_DIR_NAME = "SPP Desktop"
APP_AUTHOR = "SPP"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get("SPP_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir(APP_DIR_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """Non-secret settings only (language, auto-lock minutes, window geometry)."""
    env = os.environ.get("SPP_CONFIG_DIR")
    return Path(env) if env else Path(user_config_dir(APP_DIR_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    """The bundled resources: beside the package in a checkout, or inside a PyInstaller bundle."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def demo_package_path() -> Path:
    return resources_dir() / "demo" / "demo-review.json"


def enquiry_library_path() -> Path:
    """The enquiry-framework library (themes and question starters, English and Welsh)."""
    return resources_dir() / "enquiry" / "framework.json"
