"""A second launch on the same reviews raises the window already open, as Anki, Vorta and Picard do.

The running app listens on a local socket (QLocalServer: a Unix socket, or a named pipe on Windows)
named after the user and the data folder, so two people, or two data folders, never meet. A new launch
first knocks: if the running copy answers, it brings its window to the front and the new one exits.
If no one answers (a crashed copy left its socket behind), the new copy takes the name over.
The data folder's own lock (datadir.InstanceLock) still guards the store whatever happens here.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

MESSAGE = b"raise\n"
WAIT_MS = 3000  # how long a new launch waits for the running copy to answer (a busy machine is slow)


def server_name(folder: Path) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name (some containers): the folder alone still separates stores
        user = ""
    digest = hashlib.sha256(f"{user}\0{Path(folder).resolve()}".encode()).hexdigest()[:24]
    return f"spp-desktop-{digest}"


def notify_running(folder: Path) -> bool:
    """Ask a copy already open on `folder` to show its window. True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(MESSAGE)
    socket.flush()
    answered = socket.waitForReadyRead(WAIT_MS) and bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return bool(answered)


class InstanceServer(QObject):
    """Listens for later launches on the same folder; `activated` fires for each one."""

    activated = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(folder)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        self.server.newConnection.connect(self._connected)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # a socket file left by a copy that crashed
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
            socket.write(b"ok\n")
            socket.flush()
            self.activated.emit()


def bring_to_front(window: QWidget) -> None:
    """Show, un-minimise, raise and focus a window (the window manager may still only flash it)."""
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
