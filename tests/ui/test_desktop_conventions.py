"""What desktop users expect: a second launch raises the open window, Qt's standard keys, Settings in the
macOS application menu (Preferences role), and a names toggle that is not Cmd+H on macOS."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QAction, QKeySequence

from spp_desktop.ui.shortcuts import NAMES_TOGGLE, native, standard_keys
from spp_desktop.ui.single_instance import InstanceServer, server_name

ROOT = Path(__file__).resolve().parents[2]


def _keys(action: QAction) -> list[str]:
    return [seq.toString() for seq in action.shortcuts()]


def test_standard_keys_and_menu_roles(locked_window):
    window = locked_window
    assert _keys(window.act_quit) == [s.toString() for s in standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q")]
    assert "Ctrl+Q" in _keys(window.act_quit)  # on Linux and Windows (Windows has no standard Quit key)
    assert "Ctrl+F" in _keys(window.act_search)
    assert "F1" in _keys(window.help.act_guide)
    assert window.act_quit.menuRole() == QAction.MenuRole.QuitRole
    assert window.act_settings.menuRole() == QAction.MenuRole.PreferencesRole  # macOS: app menu, Cmd+,
    assert window.help.act_about.menuRole() == QAction.MenuRole.AboutRole
    every = [seq.toString() for action in window.findChildren(QAction) for seq in action.shortcuts()]
    assert "Ctrl+H" not in every  # Cmd+H hides the app on macOS
    assert NAMES_TOGGLE == "Ctrl+Shift+H" and native(NAMES_TOGGLE) in ("Ctrl+Shift+H", "⇧⌘H")


def test_a_second_launch_raises_the_open_window(qtbot, locked_window, data_dir: Path, tmp_path: Path):
    from spp_desktop.datadir import InstanceLock

    window = locked_window
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(data_dir).acquire()  # as the running app holds it
    server = InstanceServer(data_dir)
    assert server.listen()
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isMinimized())
    raised = []

    def raise_window() -> None:
        from spp_desktop.ui.single_instance import bring_to_front
        bring_to_front(window)
        raised.append(True)

    server.activated.connect(raise_window)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPP_")}
    env.update(QT_QPA_PLATFORM="offscreen", SPP_CONFIG_DIR=str(tmp_path / "second-config"))
    second = subprocess.Popen([sys.executable, "-m", "spp_desktop", "--data-dir", str(data_dir)], cwd=ROOT,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)  # runs our event loop meanwhile
    finally:
        if second.poll() is None:
            second.kill()
    out, err = second.communicate(timeout=30)
    server.close()
    lock.release()
    assert second.returncode == 0, err
    assert "already open" in err and "Traceback" not in err
    assert raised == [True]
    assert not window.isMinimized() and window.isVisible()


def test_a_socket_left_by_a_crashed_copy_is_taken_over(tmp_path: Path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    leftover = Path(QDir.tempPath()) / server_name(folder)  # where QLocalServer puts it on Unix
    leftover.write_text("")
    try:
        server = InstanceServer(folder)
        assert server.listen()
        server.close()
    finally:
        leftover.unlink(missing_ok=True)


def test_names_differ_by_folder(tmp_path: Path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")
