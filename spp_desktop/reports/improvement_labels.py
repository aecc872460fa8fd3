"""Every word of the workshop plan and the check-in note PDFs, in English, and the reader's language from the
one catalogue (`catalogue.py`: resources/translations/spp_desktop_cy.ts, context "ImprovementDocuments").

The Improvement Champion and the progress of an action are the domain's labels (context "Domain"); the roles
of the people who took part are the interface's "Roles" words, marked here once (the planning screens show
them through `PARTICIPANT_ROLES`).
"""

from __future__ import annotations

from spp_desktop.domain.improvement import ActionProgress
from spp_desktop.domain.review import Role

from .catalogue import DOMAIN, QT_TRANSLATE_NOOP, language_code, translate

CONTEXT = "ImprovementDocuments"
ROLES = "Roles"

EN: dict[str, str] = {
    "workshop_title": QT_TRANSLATE_NOOP("ImprovementDocuments", "Improvement workshop plan"),
    "checkin_title": QT_TRANSLATE_NOOP("ImprovementDocuments", "90-day check-in note"),
    "ethos": QT_TRANSLATE_NOOP(
        "ImprovementDocuments",
        "This record belongs to the school's improvement work with its partners, after a peer review. It "
        "gives no grades: it records what the school chose to work on, why, the actions it agreed and the "
        "support its partner schools offered."
    ),
    "workshop_date": QT_TRANSLATE_NOOP("ImprovementDocuments", "Workshop date"),
    "checkin_date": QT_TRANSLATE_NOOP("ImprovementDocuments", "Check-in date"),
    "participants": QT_TRANSLATE_NOOP("ImprovementDocuments", "Who took part"),
    "focus": QT_TRANSLATE_NOOP("ImprovementDocuments", "Review focus"),
    "review_dates": QT_TRANSLATE_NOOP("ImprovementDocuments", "Review dates"),
    "not_recorded": QT_TRANSLATE_NOOP("ImprovementDocuments", "Not recorded"),
    "priority": QT_TRANSLATE_NOOP("ImprovementDocuments", "Improvement priority"),
    "root_causes": QT_TRANSLATE_NOOP("ImprovementDocuments", "Root causes of the areas to develop"),
    "no_root_causes": QT_TRANSLATE_NOOP("ImprovementDocuments", "No root causes were recorded."),
    "no_areas": QT_TRANSLATE_NOOP(
        "ImprovementDocuments", "No areas to develop were agreed in the feedback conversation."
    ),
    "actions": QT_TRANSLATE_NOOP("ImprovementDocuments", "Actions"),
    "no_actions": QT_TRANSLATE_NOOP("ImprovementDocuments", "No actions were agreed yet."),
    "col_action": QT_TRANSLATE_NOOP("ImprovementDocuments", "Action"),
    "col_owner": QT_TRANSLATE_NOOP("ImprovementDocuments", "Led by"),
    "col_start": QT_TRANSLATE_NOOP("ImprovementDocuments", "Starts"),
    "col_due": QT_TRANSLATE_NOOP("ImprovementDocuments", "By when"),
    "col_support": QT_TRANSLATE_NOOP("ImprovementDocuments", "Support from"),
    "col_progress": QT_TRANSLATE_NOOP("ImprovementDocuments", "Progress"),
    "col_note": QT_TRANSLATE_NOOP("ImprovementDocuments", "Note"),
    "not_reviewed": QT_TRANSLATE_NOOP("ImprovementDocuments", "Not reviewed yet"),
    "pupil_changes": QT_TRANSLATE_NOOP("ImprovementDocuments", "What has changed for pupils"),
    "next_steps": QT_TRANSLATE_NOOP("ImprovementDocuments", "Next steps"),
    "nothing_yet": QT_TRANSLATE_NOOP("ImprovementDocuments", "Nothing recorded yet."),
    "generated": QT_TRANSLATE_NOOP("ImprovementDocuments", "Generated on {date}"),
    "footer": QT_TRANSLATE_NOOP(
        "ImprovementDocuments", "Confidential — shared with {school} under the partnership's data-sharing agreement"
    ),
    "page_of": QT_TRANSLATE_NOOP("ImprovementDocuments", "Page {page} of {pages}"),
    "confidential": QT_TRANSLATE_NOOP("ImprovementDocuments", "Confidential"),
}

# The roles of people taking part in the meetings (recorded by role, never by name): context "Roles".
PARTICIPANT_ROLES: dict[str, str] = {
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


class ImprovementWords:
    """The two documents' words in one language, English where the catalogue has none."""

    def __init__(self, language: str = "en") -> None:
        self.language = language_code(language)
        self._table = {key: translate(self.language, CONTEXT, text) for key, text in EN.items()}

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def __call__(self, key: str, **values: object) -> str:
        return self._table[key].format(**values) if values else self._table[key]

    def champion(self) -> str:
        return translate(self.language, DOMAIN, Role.IMPROVEMENT_CHAMPION.label)

    def role(self, value: str) -> str:
        """A participant's role ("deputy_headteacher") in words; an unknown value as it is."""
        english = PARTICIPANT_ROLES.get(value)
        return translate(self.language, ROLES, english) if english else value

    def progress(self, value: str) -> str:
        """An action's progress ("under_way") in words; "" is not reviewed yet."""
        if not value:
            return self._table["not_reviewed"]
        known = value in ActionProgress._value2member_map_
        return translate(self.language, DOMAIN, ActionProgress(value).label) if known else value
