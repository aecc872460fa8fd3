"""Every word the feedback summary prints, in English, and the reader's language from the one catalogue.

The English below is marked for pyside6-lupdate (context "FeedbackSummary"); the Welsh is written once, in
resources/translations/spp_desktop_cy.ts, and read by `catalogue.py` (no Qt). The domain's labels the
summary shows (evidence kinds, sources, roles, finding kinds, "1 book") are the catalogue's "Domain"
entries, the same words the screens show. Templates use str.format fields. Where a count changes the
wording, there is a `_one` and an `_other` key (two plain entries, not Qt plurals); Welsh puts the singular
noun after a numeral ("5 cofnod"), so its two forms often differ only in the verb or pronoun.
"""

from __future__ import annotations

from datetime import date

from .catalogue import DOMAIN, QT_TRANSLATE_NOOP, language_code, translate

CONTEXT = "FeedbackSummary"

EN: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("FeedbackSummary", "Feedback summary"),
    "confidential": QT_TRANSLATE_NOOP("FeedbackSummary", "Confidential"),
    "footer": QT_TRANSLATE_NOOP(
        "FeedbackSummary", "Confidential — shared with {school} under the partnership's data-sharing agreement"
    ),
    "page_of": QT_TRANSLATE_NOOP("FeedbackSummary", "Page {page} of {pages}"),
    "ethos": QT_TRANSLATE_NOOP(
        "FeedbackSummary",
        "This is a peer review between partner schools, not an inspection, and it gives no grades. "
        "The findings below are strengths, areas to develop and questions to explore further, agreed "
        "with the school in the feedback conversation and resting on the evidence gathered during the review."
    ),
    "school": QT_TRANSLATE_NOOP("FeedbackSummary", "School"),
    "partnership": QT_TRANSLATE_NOOP("FeedbackSummary", "Partnership"),
    "review_dates": QT_TRANSLATE_NOOP("FeedbackSummary", "Review dates"),
    "focus": QT_TRANSLATE_NOOP("FeedbackSummary", "Focus"),
    "review_team": QT_TRANSLATE_NOOP("FeedbackSummary", "Review team"),
    "headteacher": QT_TRANSLATE_NOOP("FeedbackSummary", "Headteacher"),
    "generated": QT_TRANSLATE_NOOP("FeedbackSummary", "Generated on {date}"),
    "not_recorded": QT_TRANSLATE_NOOP("FeedbackSummary", "Not recorded"),
    "findings": QT_TRANSLATE_NOOP("FeedbackSummary", "Findings"),
    "question_n": QT_TRANSLATE_NOOP("FeedbackSummary", "Enquiry question {n}"),
    "other_findings": QT_TRANSLATE_NOOP("FeedbackSummary", "Findings not tied to an enquiry question"),
    "group_strength": QT_TRANSLATE_NOOP("FeedbackSummary", "Strengths"),
    "group_area_to_develop": QT_TRANSLATE_NOOP("FeedbackSummary", "Areas to develop"),
    "group_question_to_explore": QT_TRANSLATE_NOOP("FeedbackSummary", "Questions to explore further"),
    "amended": QT_TRANSLATE_NOOP("FeedbackSummary", "Agreed as amended"),
    "head_comment": QT_TRANSLATE_NOOP("FeedbackSummary", "Headteacher's comment"),
    "evidence_behind": QT_TRANSLATE_NOOP("FeedbackSummary", "Evidence"),
    "no_evidence": QT_TRANSLATE_NOOP("FeedbackSummary", "No evidence linked."),
    "records_one": QT_TRANSLATE_NOOP("FeedbackSummary", "1 record"),
    "records_other": QT_TRANSLATE_NOOP("FeedbackSummary", "{n} records"),
    "kinds_one": QT_TRANSLATE_NOOP("FeedbackSummary", "1 kind of source"),
    "kinds_other": QT_TRANSLATE_NOOP("FeedbackSummary", "{n} kinds of source"),
    "support": QT_TRANSLATE_NOOP("FeedbackSummary", "{records} from {kinds_text}:"),
    "missing_one": QT_TRANSLATE_NOOP("FeedbackSummary", "1 linked record is no longer available"),
    "missing_other": QT_TRANSLATE_NOOP("FeedbackSummary", "{n} linked records are no longer available"),
    "no_agreed": QT_TRANSLATE_NOOP("FeedbackSummary", "No findings were agreed for this question."),
    "still_to_explore": QT_TRANSLATE_NOOP("FeedbackSummary", "Raised but not agreed yet: to explore further"),
    "drafts_left_out_one": QT_TRANSLATE_NOOP(
        "FeedbackSummary",
        "1 draft finding was not agreed in the feedback conversation and is not included."
    ),
    "drafts_left_out_other": QT_TRANSLATE_NOOP(
        "FeedbackSummary",
        "{n} draft findings were not agreed in the feedback conversation and are not included."
    ),
    "after_review": QT_TRANSLATE_NOOP("FeedbackSummary", "After the review"),
    "improvement_priority": QT_TRANSLATE_NOOP("FeedbackSummary", "Improvement priority"),
    "not_agreed_yet": QT_TRANSLATE_NOOP("FeedbackSummary", "Not agreed yet."),
    "next_steps": QT_TRANSLATE_NOOP("FeedbackSummary", "Proposed next steps for the improvement workshop"),
    "col_step": QT_TRANSLATE_NOOP("FeedbackSummary", "Next step"),
    "col_owner": QT_TRANSLATE_NOOP("FeedbackSummary", "Who leads it"),
    "col_due": QT_TRANSLATE_NOOP("FeedbackSummary", "By"),
    "no_actions": QT_TRANSLATE_NOOP("FeedbackSummary", "No next steps recorded yet."),
    "checkin": QT_TRANSLATE_NOOP("FeedbackSummary", "90-day check-in"),
    "checkin_on": QT_TRANSLATE_NOOP("FeedbackSummary", "The 90-day check-in is planned for {date}."),
    "checkin_unset": QT_TRANSLATE_NOOP("FeedbackSummary", "The date of the 90-day check-in has not been set yet."),
    "checkin_suggested": QT_TRANSLATE_NOOP(
        "FeedbackSummary",
        "The 90-day check-in is suggested for {date} (90 days after the review); the date is still to be agreed."
    ),
    "checkin_suggested_after_workshop": QT_TRANSLATE_NOOP(
        "FeedbackSummary",
        "The 90-day check-in is suggested for {date} (90 days after the improvement workshop); the date is "
        "still to be agreed."
    ),
    "head_overall": QT_TRANSLATE_NOOP("FeedbackSummary", "Headteacher's overall comment"),
    "who_staff": QT_TRANSLATE_NOOP("FeedbackSummary", "staff"),
    "who_pupils": QT_TRANSLATE_NOOP("FeedbackSummary", "pupils"),
    "who_parents": QT_TRANSLATE_NOOP("FeedbackSummary", "parents"),
    "who_governors": QT_TRANSLATE_NOOP("FeedbackSummary", "governors"),
    "who_leaders": QT_TRANSLATE_NOOP("FeedbackSummary", "leaders"),
    "with_who": QT_TRANSLATE_NOOP("FeedbackSummary", "with {who}"),
    # the twelve months, in order, separated by spaces
    "months": QT_TRANSLATE_NOOP(
        "FeedbackSummary", "January February March April May June July August September October November December"
    ),
}

# The domain's words the summary writes itself (the rest are the domain's `.label`s, looked up in "Domain").
BOOKS_ONE = QT_TRANSLATE_NOOP("Domain", "1 book")
BOOKS_OTHER = QT_TRANSLATE_NOOP("Domain", "{n} books")

# BCP 47 tags written into the PDF so screen readers pick the right voice.
PDF_LANG = {"en": "en-GB", "cy": "cy-GB"}


class Labels:
    """The feedback summary's words in one language (English, or Welsh from the catalogue), falling back to
    English for anything the catalogue lacks."""

    def __init__(self, language: str = "en") -> None:
        self.language = language_code(language)
        self._table: dict[str, str] = {key: translate(self.language, CONTEXT, text) for key, text in EN.items()}
        months = self._table["months"].split()
        self._months = months if len(months) == 12 else EN["months"].split()

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def get(self, key: str, default: str = "") -> str:
        return self._table.get(key, default)

    def fmt(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def count(self, key: str, n: int, **values: object) -> str:
        """The `_one` or `_other` form of `key` for the count n."""
        return self.fmt(f"{key}_one" if n == 1 else f"{key}_other", n=n, **values)

    def domain(self, text: str) -> str:
        """A domain label (`EvidenceKind.label`, `Role.label` …) as the screens show it (context "Domain")."""
        return translate(self.language, DOMAIN, text)

    def books(self, n: int) -> str:
        return self.domain(BOOKS_ONE) if n == 1 else self.domain(BOOKS_OTHER).format(n=n)

    @property
    def pdf_lang(self) -> str:
        return PDF_LANG[self.language]

    def month(self, d: date) -> str:
        return self._months[d.month - 1]

    def full_date(self, d: date) -> str:
        """12 March 2025 / 12 Mawrth 2025."""
        return f"{d.day} {self.month(d)} {d.year}"

    def day_month(self, d: date) -> str:
        return f"{d.day} {self.month(d)}"

    def date_range(self, start: date, end: date) -> str:
        """12–13 March 2025; 30 April – 1 May 2025; a single date when start == end."""
        if end <= start:
            return self.full_date(start)
        if start.year != end.year:
            return f"{self.full_date(start)} – {self.full_date(end)}"
        if start.month != end.month:
            return f"{self.day_month(start)} – {self.full_date(end)}"
        return f"{start.day}–{self.full_date(end)}"


def labels_for(language: str) -> Labels:
    return Labels(language)
