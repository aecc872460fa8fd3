"""About SPP Desktop: name, version, licence, where the data lives and how it is protected.

Every sentence goes through `self.tr()` (context "AboutDialog"), so the Welsh catalogue covers it. The
name and version come from `spp_desktop/__init__.py`, the one place they are set.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop import APP_NAME, __version__

from .icons import app_icon
from .theme import heading, muted_label

ICON_SIZE = 64


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        title = self.tr("About {name}").format(name=APP_NAME)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("aboutDialog")

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        icon.setAccessibleName(self.tr("{name} icon").format(name=APP_NAME))

        name = heading(APP_NAME, 1)
        self.version_label = QLabel(self.tr("Version {version}").format(version=__version__))
        self.version_label.setObjectName("aboutVersion")
        tagline = QLabel(self.tr("Encrypted fieldwork for Schools Partnership Programme peer reviews."))
        tagline.setWordWrap(True)
        self.licence_label = muted_label(self.tr("Free software under the MIT licence."))
        self.licence_label.setObjectName("aboutLicence")

        title_column = QVBoxLayout()
        title_column.setSpacing(2)
        for widget in (name, self.version_label, tagline, self.licence_label):
            title_column.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addSpacing(12)
        top.addLayout(title_column, 1)

        where = heading(self.tr("Where your reviews are kept"), 3)
        self.folder_label = QLabel(str(self.data_dir))
        self.folder_label.setObjectName("aboutDataDir")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(self.tr("Data folder"))
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setEnabled(self.data_dir.is_dir())
        self.open_folder.clicked.connect(self._open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder, 0)

        protected = heading(self.tr("How they are protected"), 3)
        self.protection_label = QLabel(self.tr(
            "Your reviews are kept in an encrypted store (SQLCipher 4, AES-256) unlocked by your passphrase "
            "through Argon2id; photos are encrypted too; nothing is stored in the clear."))
        self.protection_label.setObjectName("aboutProtection")
        self.protection_label.setWordWrap(True)
        exports = muted_label(self.tr(
            "A feedback PDF or a review package you save is not encrypted: keep it safe and delete it when "
            "you no longer need it."))

        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy the version and system details, for a support request"))
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(where)
        layout.addLayout(folder_row)
        layout.addSpacing(4)
        layout.addWidget(protected)
        layout.addWidget(self.protection_label)
        layout.addWidget(exports)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def details(self) -> str:
        """Plain-text facts for a support request: versions, platform and the folder; nothing from a review."""
        return "\n".join((
            f"{APP_NAME} {__version__}",
            f"Qt {qVersion()}, Python {platform.python_version()}, {'frozen' if getattr(sys, 'frozen', False) else 'source'}",
            f"{platform.system()} {platform.release()} ({platform.machine()})",
            f"{self.tr('Data folder')}: {self.data_dir}",
        ))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
