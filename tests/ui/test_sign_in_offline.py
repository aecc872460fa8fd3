"""Signing in with no server: one quick try (no silent retries), the dialog grows for the message
instead of squashing its fields, the address is remembered, and "Sign in…" (not "again") for someone
who never signed in."""

from __future__ import annotations

import socket
import threading

from spp_desktop.ui.sync.sign_in import SignInDialog
from spp_desktop.ui.sync.status import SyncStatusWidget


class RefusingServer:
    """A port on 127.0.0.1 that accepts connections, counts them and hangs up at once."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


def test_sign_in_without_a_server_tries_once_says_so_and_remembers_the_address(qtbot, demo_store):
    store, _review_id = demo_store
    server = RefusingServer()
    try:
        dialog = SignInDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        url = f"http://127.0.0.1:{server.port}"
        dialog.url.setText(url)
        dialog.username.setText("sam")
        dialog.password.setText("secret password")
        field_height = dialog.url.height()
        dialog.submit()
        assert dialog.busy_label.isVisibleTo(dialog)  # "Contacting the server…", not silence
        qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
        assert dialog.error.isVisibleTo(dialog) and dialog.error.text()
        assert server.connections == 1  # one try, no silent retries
        qtbot.wait(10)
        assert dialog.url.height() >= field_height  # the message grew the dialog, the fields kept their size
        dialog.close()
    finally:
        server.close()

    again = SignInDialog(store)  # never signed in, but the address typed last time is there
    qtbot.addWidget(again)
    assert again.url.text() == url
    assert "secret" not in again.password.text()


def test_the_status_bar_offers_sign_in_not_sign_in_again_to_someone_never_signed_in(qtbot):
    status = SyncStatusWidget()
    qtbot.addWidget(status)
    status.show_problem("You are not signed in to the server.", offer_sign_in=True, signed_in_before=False)
    assert status.sign_in_again.text() == "Sign in…"
    status.show_problem("Your sign-in has expired.", offer_sign_in=True)
    assert status.sign_in_again.text() == "Sign in again…"
