"""Before the window opens: a data folder we can write to, and held by this copy of the app alone.

`claim_data_dir()` checks the folder (spp_desktop.datadir), and on a problem says so in a box that
names the folder: for an unwritable one it offers to choose another; for a folder another copy of
SPP Desktop has open it says so and this copy stops, without opening the store. The dialogs are
functions passed in, so tests drive the whole flow without a modal box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from spp_desktop.datadir import AlreadyOpen, DataDirProblem, DataDirUnwritable, InstanceLock, check_writable

from .i18n import translate

AskUnwritable = Callable[[str], bool]  # the message -> True to choose another folder, False to quit
ChooseFolder = Callable[[Path], Path | None]
Tell = Callable[[str], None]


def unwritable_text(folder: Path) -> str:
    return translate("Startup", "SPP Desktop cannot save in the folder {folder}: it cannot be created or written "
                                "to.\n\nChoose another folder for your reviews, or ask IT to give you write access "
                                "to this one. Nothing was changed.").format(folder=folder)


def already_open_text(folder: Path) -> str:
    return translate("Startup", "SPP Desktop is already open on the reviews in {folder}.\n\nSwitch to that window "
                                "(it may be minimised or locked), or close it and try again. This copy will close "
                                "without opening them.").format(folder=folder)


def problem_text(problem: DataDirProblem) -> str:
    if isinstance(problem, AlreadyOpen):
        return already_open_text(problem.folder)
    return unwritable_text(problem.folder)


def ask_unwritable(message: str, parent: QWidget | None = None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Startup", "The data folder cannot be used"), message,
                      QMessageBox.StandardButton.NoButton, parent)
    choose = box.addButton(translate("Startup", "Choose another folder…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.exec()
    return box.clickedButton() is choose


def choose_folder(start: Path, parent: QWidget | None = None) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, translate("Startup", "Choose a folder for your reviews"),
                                              str(start if start.is_dir() else Path.home()))
    return Path(chosen) if chosen else None


def tell(message: str, parent: QWidget | None = None) -> None:
    QMessageBox.information(parent, translate("Startup", "SPP Desktop is already open"), message)


def claim_data_dir(folder: Path, *, ask: AskUnwritable | None = None, choose: ChooseFolder | None = None,
                   say: Tell | None = None) -> tuple[Path, InstanceLock] | None:
    """A writable folder (the given one, or one the user chose instead) with this copy's lock on it.

    None when the user gave up, or another copy has the folder open (they have been told)."""
    ask = ask or ask_unwritable
    choose = choose or choose_folder
    say = say or tell
    folder = Path(folder)
    while True:
        try:
            check_writable(folder)
            return folder, InstanceLock(folder).acquire()
        except AlreadyOpen as exc:
            say(problem_text(exc))
            return None
        except DataDirUnwritable as exc:
            if not ask(problem_text(exc)):
                return None
            chosen = choose(folder)
            if chosen is None:
                continue  # the message comes back: choose again or quit
            folder = chosen
