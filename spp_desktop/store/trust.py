"""Whose signatures this laptop believes (docs/sync.md, Signing): the pinned server key of each review and
the device certificates it has checked under that key.

A review checked out from a server is pinned to that server's key at its first checkout or sync, and a
different key later is refused (ServerKeyChanged): a server that swapped its key, or a stranger, cannot
vouch for devices. A review made or imported on this laptop is pinned to this laptop's own key: the laptop
signs that review's package ops itself and is the authority for it.
"""

from __future__ import annotations

from typing import Any

from sync.protocol.signing import Certificate, b64, public_key_of, unb64

from .core import StoreCore
from .errors import ServerKeyChanged
from .oplog import Trust


class TrustMixin:
    """`store.replica`'s trust methods (Replica is their one subclass), over the store's shared core."""

    _core: StoreCore

    def device_identity(self) -> tuple[str, str]:
        """(op device id, public key base64): what the server registers at sign-in and before a sync."""
        return self._core.device_id, self._core.device_public_key()

    def server_key(self, review_id: str) -> bytes | None:
        row = self._core.sql.execute("SELECT server_key FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return unb64(row[0], 32) if row and row[0] else None

    def pin_server_key(self, review_id: str, server_key: str) -> None:
        """Pin the review to this server key, or check it is the one pinned already."""
        key = unb64(server_key, 32)
        if key is None:
            raise ServerKeyChanged()
        pinned = self.server_key(review_id)
        own = public_key_of(self._core.signing_key)
        if pinned is not None and pinned != key and pinned != own:
            raise ServerKeyChanged()
        if pinned != key:
            self._core.sql.execute("UPDATE reviews SET server_key = ? WHERE id = ?", (b64(key), review_id))

    def trust_server(self, review_id: str, server_key: str, certificates: list[Any]) -> int:
        """Pin the server key (first time) and keep every certificate it signed. Returns how many were new."""
        self.pin_server_key(review_id, server_key)
        return self.add_certificates(review_id, certificates)

    def add_certificates(self, review_id: str, certificates: list[Any]) -> int:
        """Keep the certificates that the review's pinned server key signed; ignore any other."""
        pinned = self.server_key(review_id)
        if pinned is None:
            return 0
        rows = []
        for raw in certificates:
            cert = raw if isinstance(raw, Certificate) else Certificate.from_wire(raw)
            if cert is not None and cert.valid_under(pinned):
                rows.append((b64(pinned), cert.device_id, cert.user_id, cert.public_key, cert.sig))
        before = self._core.sql.total_changes
        self._core.sql.executemany("INSERT OR IGNORE INTO device_certs (server_key, device_id, user_id, public_key, sig) "
                                   "VALUES (?, ?, ?, ?, ?)", rows)
        return self._core.sql.total_changes - before

    def certificates(self, review_id: str) -> list[Certificate]:
        """Every certificate this laptop holds under the review's pinned key (a bundle carries them)."""
        pinned = self.server_key(review_id)
        if pinned is None:
            return []
        return [Certificate(*r) for r in self._core.sql.execute(
            "SELECT device_id, user_id, public_key, sig FROM device_certs WHERE server_key = ? "
            "ORDER BY device_id, user_id", (b64(pinned),))]

    def _trust(self, review_id: str) -> Trust:
        pinned = self.server_key(review_id)
        keys: dict[tuple[str, str], bytes] = {}
        for cert in self.certificates(review_id):
            key = cert.key()
            if key is not None:
                keys[(cert.device_id, cert.user_id)] = key
        if pinned is not None and pinned == public_key_of(self._core.signing_key):
            keys[(self._core.device_id, self._core.me(review_id))] = pinned  # this laptop is the review's authority
        return Trust(keys, pinned)
