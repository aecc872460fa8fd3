"""Words for the roles of people taking part in the meetings (recorded by role, never by name).

The English is marked once, in the reports' `PARTICIPANT_ROLES` (context "Roles"): the workshop plan PDF
prints the same words, and the same Welsh entries of the catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spp_desktop.reports.improvement_labels import PARTICIPANT_ROLES as ROLE_LABELS

__all__ = ["ROLE_LABELS", "role_label"]


def role_label(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_LABELS.get(role, role))
