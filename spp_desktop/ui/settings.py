"""Non-secret settings in a small JSON file in the config folder, and the Settings dialog.

Only these keys are ever written: auto-lock minutes, the interface and feedback summary languages,
whether the welcome was seen, a data folder the user chose (only when the usual one could not be
written to), the last window geometry (a Qt geometry blob: size and position only), the theme
(system, light or dark) and the text size (a percentage). Never
anything typed into a review, never the name of a school or a pupil.
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
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.paths import config_dir

from .appearance import TEXT_SIZES, THEMES
from .i18n import ENGLISH, SYSTEM, WELSH, counted

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
LANGUAGES = (SYSTEM, ENGLISH, WELSH)  # the interface language; applies on restart
SUMMARY_LANGUAGES = ("", ENGLISH, WELSH)  # the feedback summary PDF; "" is the interface language
MIN_AUTOLOCK, MAX_AUTOLOCK = 1, 60


@dataclass
class Settings:
    autolock_minutes: int = 5
    language: str = SYSTEM
    summary_language: str = ""
    welcome_seen: bool = False
    data_dir: str = ""  # a folder the user chose when the usual one could not be written to
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    theme: str = "system"  # "system", "light" or "dark"
    text_size: int = 100  # per cent of the system's font

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        settings = cls()
        minutes = raw.get("autolock_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool):
            settings.autolock_minutes = min(MAX_AUTOLOCK, max(MIN_AUTOLOCK, minutes))
        if raw.get("language") in LANGUAGES:
            settings.language = raw["language"]
        if raw.get("summary_language") in SUMMARY_LANGUAGES:
            settings.summary_language = raw["summary_language"]
        if isinstance(raw.get("data_dir"), str) and len(raw["data_dir"]) < 4096:
            settings.data_dir = raw["data_dir"]
        if isinstance(raw.get("welcome_seen"), bool):
            settings.welcome_seen = raw["welcome_seen"]
        if raw.get("theme") in THEMES:
            settings.theme = raw["theme"]
        if raw.get("text_size") in TEXT_SIZES:
            settings.text_size = raw["text_size"]
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
    """Auto-lock minutes, the interface language (on restart) and the feedback summary's language."""

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, data_dir: Path | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._settings = settings

        self.autolock = QSpinBox()
        self.autolock.setRange(MIN_AUTOLOCK, MAX_AUTOLOCK)
        self.autolock.setValue(settings.autolock_minutes)
        self._minutes_suffix(settings.autolock_minutes)
        self.autolock.valueChanged.connect(self._minutes_suffix)  # "1 minute", "5 minutes"
        self.autolock.setAccessibleName(self.tr("Lock after this many minutes without use"))

        self.language = QComboBox()
        # Each language is named in itself, so someone who cannot read the current one can find theirs.
        for code, name in ((SYSTEM, self.tr("System default")), (ENGLISH, "English"), (WELSH, "Cymraeg")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language of SPP Desktop"))

        self.summary_language = QComboBox()
        for code, name in (("", self.tr("Same as SPP Desktop")), (ENGLISH, "English"), (WELSH, "Cymraeg")):
            self.summary_language.addItem(name, code)
        self.summary_language.setCurrentIndex(max(0, self.summary_language.findData(settings.summary_language)))
        self.summary_language.setAccessibleName(self.tr("Language of the feedback summary"))

        self.theme = QComboBox()
        for code, name in (("system", self.tr("As the system")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(self.tr("Colours"))
        self.text_size = QComboBox()
        for percent in TEXT_SIZES:
            self.text_size.addItem(self.tr("{percent} %").format(percent=percent), percent)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(settings.text_size)))
        self.text_size.setAccessibleName(self.tr("Text size"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Lock after"), self.autolock)
        form.addRow(self.tr("Colours"), self.theme)
        form.addRow(self.tr("Text size"), self.text_size)
        form.addRow(self.tr("Language (Iaith)"), self.language)
        form.addRow(self.tr("Feedback summary language"), self.summary_language)

        self.restart_note = QLabel(self.tr("A change of language applies when you press OK; you stay where you "
                                           "were."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setProperty("role", "muted")
        self.restart_note.setObjectName("restartNote")
        explain = QLabel(self.tr("SPP Desktop locks itself when the laptop is left alone for this long, "
                                 "and whenever you press Ctrl+L. Your evidence is saved first."))
        explain.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        self.passphrase_button = QPushButton(self.tr("Change &passphrase…"))
        self.passphrase_button.setAutoDefault(False)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.passphrase_button.setVisible(data_dir is not None)
        form.addRow(self.tr("Passphrase"), self.passphrase_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_note)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def change_passphrase(self) -> None:
        from .passphrase_dialog import PassphraseDialog

        if self.data_dir is not None:
            PassphraseDialog(self.data_dir, self).exec()

    def _minutes_suffix(self, value: int) -> None:
        self.autolock.setSuffix(counted(self.tr(" minute(s)", "", value), value))

    def result_settings(self) -> Settings:
        """A copy of the settings with the dialog's choices."""
        return Settings(autolock_minutes=self.autolock.value(),
                        language=str(self.language.currentData()),
                        summary_language=str(self.summary_language.currentData()),
                        welcome_seen=self._settings.welcome_seen,
                        data_dir=self._settings.data_dir,
                        window_geometry=self._settings.window_geometry,
                        theme=str(self.theme.currentData()), text_size=int(self.text_size.currentData()))

    @property
    def language_changed(self) -> bool:
        return str(self.language.currentData()) != self._settings.language
