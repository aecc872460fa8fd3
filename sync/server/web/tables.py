"""The web console's tables, declared with the others in sync/server/tables.py (migration 0003)."""

from __future__ import annotations

from ..tables import schools as school_clusters
from ..tables import users as people
from ..tables import web_sessions

__all__ = ["people", "school_clusters", "web_sessions"]
