"""Words for the roles of people taking part in the meetings (recorded by role, never by name)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...i18n import QT_TRANSLATE_NOOP

ROLE_LABELS = {
    "headteacher": QT_TRANSLATE_NOOP("Roles", "Headteacher"),
    "deputy_headteacher": QT_TRANSLATE_NOOP("Roles", "Deputy headteacher"),
    "senior_leader": QT_TRANSLATE_NOOP("Roles", "Senior leader"),
    "subject_leader": QT_TRANSLATE_NOOP("Roles", "Subject leader"),
    "senco": QT_TRANSLATE_NOOP("Roles", "SENCo / ALNCo"),
    "class_teacher": QT_TRANSLATE_NOOP("Roles", "Class teacher"),
    "teaching_assistant": QT_TRANSLATE_NOOP("Roles", "Teaching assistant"),
    "governor": QT_TRANSLATE_NOOP("Roles", "Governor"),
    "lead_reviewer": QT_TRANSLATE_NOOP("Roles", "Lead reviewer"),
    "reviewer": QT_TRANSLATE_NOOP("Roles", "Reviewer"),
    "improvement_champion": QT_TRANSLATE_NOOP("Roles", "Improvement Champion"),
}


def role_label(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_LABELS.get(role, role))
