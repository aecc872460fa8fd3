"""Sign in to server: address, username and password; the sign-in runs on a worker.

The password is handed to the server and forgotten (the field is cleared); what the server gives back,
a device token, is kept by the sync service inside the encrypted store and nowhere else.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.services import sync_service as service
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n_sync import sync_error_text
from ..tasks import Task, run_in_background


class SignInDialog(QDialog):
    """Emits `signed_in(account)` (sync.client.wire.Account) and closes when the server says yes."""

    signed_in = Signal(object)

    def __init__(self, store: ReviewStore, *, session_options: dict[str, Any] | None = None,
                 message: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to server"))
        self._store = store
        self._options = dict(session_options or {})
        self.task: Task | None = None

        self.url = QLineEdit()
        self.url.setPlaceholderText("https://sync.example.org")
        self.url.setAccessibleName(self.tr("Server address"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        account = store.server_account() or {}
        self.url.setText(account.get("url", "") or store.last_server_url())
        self.username.setText(account.get("username", ""))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Server &address"), self.url)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)

        self.notice = QLabel(message)
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(message))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_role(self.error, "error")
        self.error.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(self.fontMetrics().height() // 2 + 2)
        self.busy.setAccessibleName(self.tr("Signing in"))
        self.busy.hide()
        self.busy_label = theme.muted_label(self.tr("Contacting the server…"))
        self.busy_label.hide()

        buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        theme.set_role(self.sign_in_button, "primary")
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)  # Return always signs in, never cancels
        self.sign_in_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(theme.heading(self.tr("Sign in to the SPP server"), 2))
        layout.addWidget(theme.muted_label(self.tr(
            "Use the account your partnership gave you. Your password is not kept on this laptop; the "
            "sign-in is kept inside your encrypted reviews.")))
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.busy_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._first_field = self.password if self.url.text() and self.username.text() else self.url

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._first_field.setFocus()

    # --- signing in ---------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.task is not None:
            return
        url, username, password = self.url.text().strip(), self.username.text().strip(), self.password.text()
        missing = next((field for field, value in ((self.url, url), (self.username, username),
                                                     (self.password, password)) if not value), None)
        if missing is not None:
            self.show_error(self.tr("Fill in the server address, your username and your password."), missing)
            return
        self._store.remember_server_url(url)
        self._set_busy(True)
        opener = self._store.worker_opener()  # made here, on the UI thread; the worker opens its connection
        self.task = run_in_background(service.in_worker, opener, service.sign_in, url, username, password,
                                      **self._options)
        self.task.succeeded.connect(self._on_signed_in)
        self.task.failed.connect(self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.url, self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        self._fit()
        if busy:
            self.error.hide()
        else:
            self.sign_in_button.setDefault(True)

    def _on_signed_in(self, account: Any) -> None:
        self.task = None
        self.password.clear()
        self._set_busy(False)
        self.signed_in.emit(account)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        code = getattr(exc, "code", "")
        if code in ("invalid_credentials", "too_many_attempts"):
            self.password.clear()
            target = self.password
        elif code in ("bad_address", "unreachable", "not_trusted", "busy"):
            target = self.url
        else:
            target = self.password
        self.show_error(sync_error_text(exc), target)

    def _fit(self) -> None:
        """A message or the busy line grows the dialog; the fields never give up their height for it."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        wanted = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def show_error(self, text: str, focus: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        self._fit()
        if focus is not None:
            focus.setFocus()
