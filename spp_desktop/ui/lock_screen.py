"""The lock screen: choose a passphrase on first run, or unlock the store.

Key derivation (Argon2id, slow on purpose) runs on a worker thread with a busy indicator; the store is
then opened on the UI thread (SQLite connections belong to the thread that opened them). A wrong
passphrase says so in one sentence, and each further attempt waits longer (1 s, 2 s, 4 s ... 30 s).
A damaged store or key file is reported in a box and never overwritten.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.datadir import LOCK_NAME
from spp_desktop.domain.passphrase import passphrase_problem, strength_hint
from spp_desktop.store.errors import StoreError, WrongPassphrase
from spp_desktop.store.repository import KdfParams, ReviewStore, UnlockedKey

from . import theme
from .i18n import domain_text, error_text
from .icons import app_icon
from .tasks import Task, run_in_background

MAX_WAIT_S = 30


def retry_delay(failures: int) -> int:
    """Seconds to wait before the next attempt after `failures` wrong passphrases in a row."""
    if failures <= 0:
        return 0
    return min(MAX_WAIT_S, 2 ** (failures - 1))


def _create_store(folder: Path, passphrase: str, kdf_params: KdfParams | None) -> UnlockedKey:
    """Worker: make the store, then derive the key again for the UI thread to open it with."""
    ReviewStore.create(folder, passphrase, kdf_params=kdf_params).close()
    return ReviewStore.derive_key(folder, passphrase)


def _folder_is_empty(folder: Path) -> bool:
    """Nothing in the folder but (perhaps) this copy's own lock file."""
    return not folder.exists() or not any(p.name != LOCK_NAME for p in folder.iterdir())


class LockScreen(QWidget):
    """Emits `unlocked(ReviewStore)` with an open store, on the UI thread."""

    unlocked = Signal(object)

    def __init__(self, data_dir: Path, *, demo_passphrase: str | None = None,
                 kdf_params: KdfParams | None = None, message: str = "", notice: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAccessibleName(self.tr("Lock screen"))
        self.data_dir = Path(data_dir)
        self._kdf_params = kdf_params
        # A folder that holds anything at all is never treated as a first run: creating a store there
        # could overwrite a key file whose database has only gone missing for a while.
        self.first_run = not ReviewStore.exists(self.data_dir) and _folder_is_empty(self.data_dir)
        self._failures = 0
        self._wait_left = 0
        self._task: Task | None = None
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self._build(demo_passphrase)
        if message:
            self.show_problem(message)
        elif notice:
            self.notice_label.setText(notice)
            self.notice_box.show()

    # --- layout -------------------------------------------------------------------------------------
    def _build(self, demo_passphrase: str | None) -> None:
        card = QFrame()
        theme.set_role(card, "card")
        card.setMaximumWidth(self.fontMetrics().averageCharWidth() * 72)
        box = QVBoxLayout(card)
        box.setContentsMargins(28, 24, 28, 24)
        box.setSpacing(10)

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(self.fontMetrics().height() * 3))
        logo.setAccessibleName(self.tr("SPP Desktop logo"))
        title_row = QHBoxLayout()
        title_row.addWidget(logo)
        titles = QVBoxLayout()
        titles.addWidget(theme.heading("SPP Desktop", 1))
        titles.addWidget(theme.muted_label(self.tr("Peer review fieldwork, kept encrypted on this laptop.")))
        title_row.addLayout(titles, 1)
        box.addLayout(title_row)
        box.addSpacing(6)

        if demo_passphrase:
            box.addWidget(self._demo_box(demo_passphrase))

        self.problem_box = QFrame()
        theme.set_role(self.problem_box, "problem")
        problem_layout = QVBoxLayout(self.problem_box)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setAccessibleName(self.tr("Problem"))
        problem_layout.addWidget(self.problem_label)
        self.problem_box.hide()
        box.addWidget(self.problem_box)

        self.notice_box = QFrame()  # why it locked, and that the typing was saved
        theme.set_role(self.notice_box, "notice")
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setAccessibleName(self.tr("Why SPP Desktop locked"))
        QVBoxLayout(self.notice_box).addWidget(self.notice_label)
        self.notice_box.hide()
        box.addWidget(self.notice_box)

        intro = QLabel(
            self.tr("Choose a passphrase to protect the reviews on this laptop. You will type it each time you "
                    "open SPP Desktop. It cannot be recovered, so keep it somewhere safe.")
            if self.first_run else
            self.tr("The reviews on this laptop are locked. Type your passphrase to carry on.")
        )
        intro.setWordWrap(True)
        box.addWidget(intro)

        self.passphrase = self._password_field(self.tr("Passphrase"))
        box.addWidget(self._label_for(self.tr("&Passphrase"), self.passphrase))
        box.addWidget(self.passphrase)
        self.error = QLabel()  # one sentence, right under the field it is about
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Passphrase message"))
        theme.set_role(self.error, "error")
        self.error.hide()
        box.addWidget(self.error)

        self.repeat: QLineEdit | None = None
        self.hint = theme.muted_label("")
        self.hint.setAccessibleName(self.tr("Passphrase advice"))
        if self.first_run:
            self.repeat = self._password_field(self.tr("Passphrase again"))
            box.addWidget(self._label_for(self.tr("Type it &again"), self.repeat))
            box.addWidget(self.repeat)
            self.hint.setText(self.tr("Use at least 12 characters: a short sentence of three or four unrelated "
                                      "words works well."))
            box.addWidget(self.hint)
            self.passphrase.textChanged.connect(self._update_hint)

        self.show_text = QCheckBox(self.tr("&Show what I type"))
        self.show_text.setAccessibleName(self.tr("Show passphrase"))
        self.show_text.toggled.connect(self._toggle_echo)
        box.addWidget(self.show_text)


        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(self.fontMetrics().height() // 2 + 2)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.busy_label = theme.muted_label("")
        self.busy_label.hide()
        box.addWidget(self.busy)
        box.addWidget(self.busy_label)

        self.button = QPushButton(self._button_text())
        self.button.setDefault(True)
        self.button.setAccessibleName(self._button_text())
        theme.set_role(self.button, "primary")
        self.button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        box.addLayout(row)

        self.passphrase.returnPressed.connect(self._on_return)
        if self.repeat is not None:
            self.repeat.returnPressed.connect(self._on_return)

        inner = QWidget()
        centre = QVBoxLayout(inner)
        centre.addStretch(1)
        across = QHBoxLayout()
        across.addStretch(1)
        across.addWidget(card, 3)
        across.addStretch(1)
        centre.addLayout(across)
        centre.addStretch(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setFocusProxy(self.passphrase)

    def _demo_box(self, demo_passphrase: str) -> QFrame:
        frame = QFrame()
        frame.setObjectName("demoBox")
        theme.set_role(frame, "demo")
        layout = QVBoxLayout(frame)
        label = QLabel(self.tr("<b>Demo:</b> the passphrase is <b>{passphrase}</b>").format(passphrase=demo_passphrase))
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(self.tr("Demo: the passphrase is {passphrase}").format(passphrase=demo_passphrase))
        layout.addWidget(label)
        layout.addWidget(theme.muted_label(self.tr("This is a throwaway demo store. It is deleted when you close "
                                                   "the app.")))
        use = QPushButton(self.tr("&Type it in for me"))
        use.setAccessibleName(self.tr("Type the demo passphrase in for me"))

        def type_it_in() -> None:
            self.passphrase.setText(demo_passphrase)
            self.passphrase.setFocus()

        use.clicked.connect(type_it_in)
        row = QHBoxLayout()
        row.addWidget(use)
        row.addStretch(1)
        layout.addLayout(row)
        return frame

    def _password_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        field.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        return field

    @staticmethod
    def _label_for(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _button_text(self) -> str:
        return self.tr("Create encrypted store") if self.first_run else self.tr("Unlock")

    # --- behaviour ----------------------------------------------------------------------------------
    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.passphrase, self.repeat):
            if field is not None:
                field.setEchoMode(mode)

    def _update_hint(self, text: str) -> None:
        self.hint.setText(domain_text(strength_hint(text)) if text else "")

    def _on_return(self) -> None:
        if self.repeat is not None and self.sender() is self.passphrase and not self.repeat.text():
            self.repeat.setFocus()
            return
        if self.button.isEnabled():
            self.submit()

    @property
    def busy_now(self) -> bool:
        return self._task is not None

    def submit(self) -> None:
        if self._task is not None or self._wait_left > 0:
            return
        passphrase = self.passphrase.text()
        if self.first_run:
            problem = passphrase_problem(passphrase)
            if problem:
                return self.show_error(domain_text(problem))
            if self.repeat is not None and self.repeat.text() != passphrase:
                return self.show_error(self.tr("The two passphrases are not the same. Type them again."))
            self._start(run_in_background(_create_store, self.data_dir, passphrase, self._kdf_params),
                        self.tr("Creating your encrypted store. This takes a few seconds."))
        else:
            if not passphrase:
                return self.show_error(self.tr("Type your passphrase first."))
            self._start(run_in_background(ReviewStore.derive_key, self.data_dir, passphrase),
                        self.tr("Unlocking. This takes a second or two."))

    def _start(self, task: Task, message: str) -> None:
        self._task = task
        self.error.hide()
        self.problem_box.hide()
        self.busy_label.setText(message)
        self.busy.show()
        self.busy_label.show()
        self.button.setEnabled(False)
        self.passphrase.setReadOnly(True)
        task.succeeded.connect(self._on_key)
        task.failed.connect(self._on_failed)

    def _stop_busy(self) -> None:
        self._task = None
        self.busy.hide()
        self.busy_label.hide()
        self.passphrase.setReadOnly(False)
        self.button.setEnabled(self._wait_left == 0)

    def _on_key(self, key: UnlockedKey) -> None:
        self._stop_busy()
        try:
            store = ReviewStore.open_with(key, verify=False)  # the page check runs on a worker (store_watch)
        except StoreError as exc:
            key.discard()
            return self.show_problem(error_text(exc))
        except Exception as exc:  # noqa: BLE001 - shown, never a crash on the lock screen
            key.discard()
            return self.show_problem(self.tr("SPP Desktop could not open the review store ({error}). "
                                             "Nothing was changed.").format(error=type(exc).__name__))
        self._failures = 0
        self.clear()
        self.unlocked.emit(store)

    def _on_failed(self, exc: BaseException) -> None:
        self._stop_busy()
        if isinstance(exc, WrongPassphrase):
            self._failures += 1
            self.show_error(error_text(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            self._begin_wait(retry_delay(self._failures))
        elif isinstance(exc, StoreError):
            self.show_problem(error_text(exc))
        elif isinstance(exc, FileNotFoundError):
            self.show_problem(self.tr("The review store in {folder} is incomplete: a file is missing. Nothing "
                                      "was changed. Put the folder back from a backup, or choose another data "
                                      "folder.").format(folder=self.data_dir))
        elif isinstance(exc, FileExistsError):
            self.show_problem(self.tr("There is already a review store in {folder}. Nothing was changed.").format(
                folder=self.data_dir))
        elif isinstance(exc, OSError):
            self.show_problem(self.tr("SPP Desktop cannot write to the folder {folder} ({error}). Nothing was "
                                      "changed. Ask IT for write access, or start SPP Desktop with another data "
                                      "folder.").format(folder=self.data_dir, error=type(exc).__name__))
        else:
            self.show_problem(self.tr("SPP Desktop could not unlock the review store ({error}). "
                                      "Nothing was changed.").format(error=type(exc).__name__))

    def _begin_wait(self, seconds: int) -> None:
        self._wait_left = seconds
        if seconds <= 0:
            return
        self.button.setEnabled(False)
        self.button.setText(self.tr("Try again in {seconds} s").format(seconds=seconds))
        self._wait_timer.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left > 0:
            self.button.setText(self.tr("Try again in {seconds} s").format(seconds=self._wait_left))
            return
        self._wait_timer.stop()
        self.button.setText(self._button_text())
        self.button.setEnabled(self._task is None)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_box.show()

    def clear(self) -> None:
        """Forget what was typed (after unlocking, or before the screen is thrown away)."""
        for field in (self.passphrase, self.repeat):
            if field is not None:
                field.clear()
        self.error.hide()
