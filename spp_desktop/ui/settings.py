"""Non-secret settings in a small JSON file in the config folder, and the Settings dialog.

Only these keys are ever written: auto-lock minutes, language and the last window geometry (a Qt
geometry blob: size and position only). Never anything typed into a review, never a name.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.paths import config_dir

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
LANGUAGES = {"en": "English", "cy": "Cymraeg (Welsh)"}
MIN_AUTOLOCK, MAX_AUTOLOCK = 1, 60


@dataclass
class Settings:
    autolock_minutes: int = 5
    language: str = "en"
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        settings = cls()
        minutes = raw.get("autolock_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool):
            settings.autolock_minutes = min(MAX_AUTOLOCK, max(MIN_AUTOLOCK, minutes))
        if raw.get("language") in LANGUAGES:
            settings.language = raw["language"]
        geometry = raw.get("window_geometry")
        if isinstance(geometry, str) and len(geometry) < 4096:
            settings.window_geometry = geometry
        return settings


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults if there are none or the file is unreadable."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("Settings file unreadable, using defaults: %s", type(exc).__name__)
        return Settings()
    return Settings.from_dict(raw) if isinstance(raw, dict) else Settings()


def save_settings(settings: Settings, path: Path | None = None) -> bool:
    """Write the settings atomically. False (and a log line) if the disk refused."""
    path = path or settings_path()
    data = {f.name: getattr(settings, f.name) for f in fields(Settings)}  # the known keys only
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("Settings not saved: %s", type(exc).__name__)
        return False
    return True


class SettingsDialog(QDialog):
    """Auto-lock minutes (and the language kept for the feedback summary)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self._settings = settings

        self.autolock = QSpinBox()
        self.autolock.setRange(MIN_AUTOLOCK, MAX_AUTOLOCK)
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.setSuffix(" minutes")
        self.autolock.setAccessibleName("Lock after this many minutes without use")

        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName("Language of the feedback summary")

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Lock after", self.autolock)
        form.addRow("Feedback summary language", self.language)

        explain = QLabel("SPP Desktop locks itself when the laptop is left alone for this long, "
                         "and whenever you press Ctrl+L. Your evidence is saved first.")
        explain.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(buttons)

    def result_settings(self) -> Settings:
        """A copy of the settings with the dialog's choices."""
        return Settings(autolock_minutes=self.autolock.value(),
                        language=str(self.language.currentData()),
                        window_geometry=self._settings.window_geometry)
