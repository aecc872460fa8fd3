"""The server's signing key and the device keys it vouches for (mixed into Storage; docs/sync.md).

The signing key is made on first use and kept sealed under the data key (data_key.py) like everything
else secret in the database. A device key is bound to a user when that user's laptop registers it
(POST /devices/key, at sign-in and before each sync); one op device id keeps one public key for good,
so nobody can take over another laptop's id with a key of their own.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from sync.protocol.signing import Certificate, b64, issue_certificate, new_private_key, public_key_of, unb64

from .data_key import op_aad
from .tables import device_keys, ops, server_identity, team

IDENTITY_AAD = "server-identity:signing-key"


class KeyStorage:
    keys: Any  # DataKeys, provided by Storage

    def _tx(self, write: bool = False) -> AbstractContextManager[Connection]:  # provided by Storage
        raise NotImplementedError

    _identity_lock = threading.Lock()

    def signing_key(self) -> tuple[bytes, bytes]:
        """(private, public) Ed25519 key of this server, made on first use."""
        cached: tuple[bytes, bytes] | None = self.__dict__.get("_identity")
        if cached is not None:
            return cached
        with self._identity_lock:
            for _ in range(2):
                with self._tx() as c:
                    row = c.execute(select(server_identity.c.private_key).where(server_identity.c.id == 1)).first()
                if row is not None:
                    private = unb64(self.keys.open_text(row[0], IDENTITY_AAD), 32)
                    if private is None:
                        raise ValueError("the server's signing key in the database is damaged")
                    identity = (private, public_key_of(private))
                    self.__dict__["_identity"] = identity
                    return identity
                private = new_private_key()
                try:
                    with self._tx(True) as c:
                        c.execute(insert(server_identity).values(
                            id=1, private_key=self.keys.seal_text(b64(private), IDENTITY_AAD),
                            public_key=b64(public_key_of(private)), created_ms=_now()))
                except IntegrityError:
                    continue  # another process made it first: read theirs
        raise RuntimeError("the server's signing key could not be made")

    def server_public_key(self) -> str:
        return b64(self.signing_key()[1])

    def bind_device_key(self, device_id: str, user_id: str, public_key: bytes) -> bool:
        """Vouch that `public_key` is `user_id`'s key for op device `device_id`. False when the device id
        is bound to another key already (somebody else's laptop)."""
        encoded = b64(public_key)
        with self._tx(True) as c:
            known = set(c.execute(select(device_keys.c.public_key, device_keys.c.user_id)
                                  .where(device_keys.c.device_id == device_id)))
            if any(key != encoded for key, _ in known):
                return False
            if (encoded, user_id) not in known:
                c.execute(insert(device_keys).values(device_id=device_id, user_id=user_id, public_key=encoded,
                                                     created_ms=_now()))
        return True

    def device_keys_for(self, device_ids: list[str]) -> dict[tuple[str, str], bytes]:
        """(device id, user id) -> public key for the given op device ids."""
        found: dict[tuple[str, str], bytes] = {}
        wanted = sorted(set(device_ids))
        with self._tx() as c:
            for start in range(0, len(wanted), 500):
                query = select(device_keys).where(device_keys.c.device_id.in_(wanted[start:start + 500]))
                for row in c.execute(query).mappings():
                    key = unb64(row["public_key"], 32)
                    if key is not None:
                        found[(row["device_id"], row["user_id"])] = key
        return found

    def team_certificates(self, review_id: str) -> list[Certificate]:
        """Certificates of every device key of every member of the review's team."""
        private, _ = self.signing_key()
        with self._tx() as c:
            rows = c.execute(
                select(device_keys.c.device_id, device_keys.c.user_id, device_keys.c.public_key)
                .join(team, team.c.user_id == device_keys.c.user_id)
                .where(team.c.review_id == review_id)
                .order_by(device_keys.c.user_id, device_keys.c.device_id)
            ).all()
        return [issue_certificate(private, device, user, unb64(key) or b"") for device, user, key in rows]

    def team_roles(self, review_id: str) -> dict[str, str]:
        """user id -> role on the review's team (a push judges each op by its author's role)."""
        with self._tx() as c:
            return dict(c.execute(select(team.c.user_id, team.c.role).where(team.c.review_id == review_id)).all())

    def stored_bodies(self, review_id: str, op_ids: list[str]) -> dict[str, str]:
        """op id -> stored body for those of `op_ids` the review's log holds already."""
        found: dict[str, str] = {}
        wanted = sorted(set(op_ids))
        with self._tx() as c:
            for start in range(0, len(wanted), 500):
                query = select(ops.c.op_id, ops.c.body).where(ops.c.review_id == review_id,
                                                               ops.c.op_id.in_(wanted[start:start + 500]))
                found.update((op_id, self.keys.open_text(body, op_aad(review_id, op_id)))
                             for op_id, body in c.execute(query))
        return found

    def certificate(self, device_id: str, user_id: str, public_key: bytes) -> Certificate:
        return issue_certificate(self.signing_key()[0], device_id, user_id, public_key)


def _now() -> int:
    import time

    return int(time.time() * 1000)
