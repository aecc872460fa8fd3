"""WebStorage: the SQL of the web console (sessions, people's roles, clusters, listings).

It shares the API's engine; the API's own records (reviews, teams, devices, the op log) are read through
`Storage`, so encryption at rest or other changes there reach the console too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from ..data_key import DataKeys, display_name_aad
from ..storage import new_uuid, now_ms
from ..tables import devices, partnerships, reviews, schools, team, users
from .tables import people, school_clusters, web_sessions

_PERSON = (people.c.id, people.c.username, people.c.display_name, people.c.partnership_id, people.c.school_id,
           people.c.partnership_lead, people.c.is_admin, people.c.headteacher)


class WebStorage:
    def __init__(self, engine: Engine, keys: DataKeys):
        self.engine = engine
        self.keys = keys  # people's names are sealed at rest (as Storage seals them)

    def _named(self, row: Any, id_field: str = "id") -> dict[str, Any]:
        data = dict(row)
        data["display_name"] = self.keys.open_text(data["display_name"], display_name_aad(data[id_field]))
        return data

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # --- people ------------------------------------------------------------------------------------
    def person(self, user_id: str) -> dict[str, Any] | None:
        query = select(*_PERSON).where(people.c.id == user_id)
        with self._tx() as c:
            row = c.execute(query).mappings().first()
        return self._named(row) if row else None

    def people_of(self, partnership_id: str | None) -> list[dict[str, Any]]:
        query = (
            select(*_PERSON, schools.c.name.label("school"))
            .select_from(people.outerjoin(schools, schools.c.id == people.c.school_id))
            .order_by(people.c.username)
        )
        if partnership_id:
            query = query.where(people.c.partnership_id == partnership_id)
        with self._tx() as c:
            return [self._named(r) for r in c.execute(query).mappings()]

    def set_roles(self, user_id: str, **values: Any) -> None:
        allowed = {"is_admin", "headteacher", "partnership_lead", "school_id"}
        values = {k: v for k, v in values.items() if k in allowed}
        with self._tx() as c:
            c.execute(update(people).where(people.c.id == user_id).values(**values))

    def set_password_hash(self, user_id: str, password_hash: str) -> None:
        with self._tx() as c:
            c.execute(update(people).where(people.c.id == user_id).values(password_hash=password_hash))

    # --- partnerships and schools ------------------------------------------------------------------
    def partnerships(self) -> list[dict[str, Any]]:
        with self._tx() as c:
            rows = c.execute(select(partnerships.c.id, partnerships.c.name).order_by(partnerships.c.name))
            return [dict(r) for r in rows.mappings()]

    def partnership_name(self, partnership_id: str) -> str | None:
        with self._tx() as c:
            return c.execute(select(partnerships.c.name).where(partnerships.c.id == partnership_id)).scalar()

    def schools_of(self, partnership_id: str) -> list[dict[str, Any]]:
        query = (select(school_clusters).where(school_clusters.c.partnership_id == partnership_id)
                 .order_by(school_clusters.c.name))
        with self._tx() as c:
            return [dict(r) for r in c.execute(query).mappings()]

    def set_cluster(self, school_id: str, cluster: str) -> None:
        with self._tx() as c:
            c.execute(update(school_clusters).where(school_clusters.c.id == school_id)
                      .values(cluster=cluster or None))

    # --- reviews ------------------------------------------------------------------------------------
    def review_row(self, review_id: str) -> dict[str, Any] | None:
        rows = self.review_rows(None, review_id=review_id)
        return rows[0] if rows else None

    def review_rows(self, partnership_id: str | None, *, review_id: str | None = None) -> list[dict[str, Any]]:
        """Every review of a partnership (or all) with its host school id, name, cluster and team."""
        query = (
            select(reviews.c.id, reviews.c.partnership_id, reviews.c.host_school_id, reviews.c.start_date,
                   reviews.c.end_date, school_clusters.c.name.label("host_school"),
                   school_clusters.c.cluster)
            .join(school_clusters, school_clusters.c.id == reviews.c.host_school_id)
            .order_by(reviews.c.start_date, reviews.c.id)
        )
        members = select(team.c.review_id, team.c.user_id, team.c.role, users.c.display_name,
                         users.c.username).join(users, users.c.id == team.c.user_id)
        if partnership_id:
            query = query.where(reviews.c.partnership_id == partnership_id)
        if review_id:
            query = query.where(reviews.c.id == review_id)
            members = members.where(team.c.review_id == review_id)
        with self._tx() as c:
            rows = [dict(r) for r in c.execute(query).mappings()]
            by_review: dict[str, list[dict[str, Any]]] = {}
            for m in c.execute(members).mappings():
                by_review.setdefault(m["review_id"], []).append(self._named(m, "user_id"))
        for row in rows:
            row["team"] = sorted(by_review.get(row["id"], []), key=lambda m: (m["role"] != "lead_reviewer",
                                                                               m["display_name"]))
        return rows

    def set_dates(self, review_id: str, start_date: str, end_date: str) -> None:
        with self._tx() as c:
            c.execute(update(reviews).where(reviews.c.id == review_id)
                      .values(start_date=start_date, end_date=end_date))

    # --- browser sessions ----------------------------------------------------------------------------
    def create_session(self, user_id: str, token_hash: str, browser: str, expires_ms: int) -> str:
        sid = new_uuid()
        with self._tx() as c:
            c.execute(insert(web_sessions).values(id=sid, user_id=user_id, token_hash=token_hash,
                                                  browser=browser[:200], created_ms=now_ms(),
                                                  expires_ms=expires_ms))
        return sid

    def session_for_token(self, token_hash: str) -> dict[str, Any] | None:
        with self._tx() as c:
            row = c.execute(select(web_sessions).where(web_sessions.c.token_hash == token_hash)).mappings().first()
        return dict(row) if row else None

    def touch_session(self, session_id: str, at_ms: int) -> None:
        with self._tx() as c:
            c.execute(update(web_sessions).where(web_sessions.c.id == session_id).values(last_seen_ms=at_ms))

    def revoke_session(self, session_id: str) -> bool:
        with self._tx() as c:
            done = c.execute(update(web_sessions)
                             .where(web_sessions.c.id == session_id, web_sessions.c.revoked_ms.is_(None))
                             .values(revoked_ms=now_ms()))
        return done.rowcount == 1

    def sessions_of(self, user_id: str) -> list[dict[str, Any]]:
        query = (select(web_sessions.c.id, web_sessions.c.browser, web_sessions.c.created_ms,
                        web_sessions.c.expires_ms, web_sessions.c.revoked_ms, web_sessions.c.last_seen_ms,
                        web_sessions.c.user_id)
                 .where(web_sessions.c.user_id == user_id).order_by(web_sessions.c.created_ms))
        with self._tx() as c:
            return [dict(r) for r in c.execute(query).mappings()]

    def session_owner(self, session_id: str) -> str | None:
        with self._tx() as c:
            return c.execute(select(web_sessions.c.user_id).where(web_sessions.c.id == session_id)).scalar()

    def device_owner(self, device_id: str) -> str | None:
        with self._tx() as c:
            return c.execute(select(devices.c.user_id).where(devices.c.id == device_id)).scalar()
