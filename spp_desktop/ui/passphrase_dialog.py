"""Settings ▸ Change passphrase…: the current one, the new one twice. Only the key file changes (the
data key is re-wrapped; the reviews are untouched), on a worker, as the key derivation is slow on
purpose. A wrong current passphrase says so and changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.passphrase import passphrase_problem
from spp_desktop.store.errors import StoreError, WrongPassphrase
from spp_desktop.store.repository import ReviewStore

from . import theme
from .i18n import domain_text, error_text
from .tasks import Task, run_in_background


class PassphraseDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self.data_dir = Path(data_dir)
        self.task: Task | None = None
        self.current, self.new, self.again = (self._field(name) for name in (
            self.tr("Current passphrase"), self.tr("New passphrase"), self.tr("New passphrase again")))
        form = QFormLayout()
        form.addRow(self.tr("&Current passphrase"), self.current)
        form.addRow(self.tr("&New passphrase"), self.new)
        form.addRow(self.tr("New passphrase &again"), self.again)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Passphrase message"))
        theme.set_role(self.error, "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change passphrase"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(theme.muted_label(self.tr("Only the lock on your reviews changes; the reviews stay as "
                                                   "they are. The old passphrase stops working at once.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def submit(self) -> Task | None:
        if self.task is not None:
            return None
        old, new = self.current.text(), self.new.text()
        problem = passphrase_problem(new)
        if problem:
            self._say(domain_text(problem), self.new)
            return None
        if new != self.again.text():
            self._say(self.tr("The two new passphrases are not the same. Type them again."), self.again)
            return None
        self.buttons.setEnabled(False)
        self.error.hide()
        self.task = run_in_background(ReviewStore.change_passphrase, self.data_dir, old, new)
        self.task.succeeded.connect(lambda _r: self._done())
        self.task.failed.connect(self._failed)
        return self.task

    def _done(self) -> None:
        self.task = None
        for field in (self.current, self.new, self.again):
            field.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.buttons.setEnabled(True)
        if isinstance(exc, WrongPassphrase):
            self.current.clear()
            self._say(self.tr("That is not the current passphrase. Nothing was changed."), self.current)
        elif isinstance(exc, StoreError):
            self._say(error_text(exc), None)
        else:
            self._say(self.tr("The passphrase could not be changed ({error}). Nothing was changed.").format(
                error=type(exc).__name__), None)

    def _say(self, text: str, focus: QLineEdit | None) -> None:
        self.error.setText(text)
        self.error.show()
        if focus is not None:
            focus.setFocus()
        return None
