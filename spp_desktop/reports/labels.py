"""Every word the feedback summary prints, one dictionary per language.

"en" is complete and is the fallback; "cy" (Welsh) must carry the same keys (a test checks). Templates use
str.format fields. Where a count changes the wording, there is a `_one` and an `_other` key; Welsh puts the
singular noun after a numeral ("5 cofnod"), so its two forms often differ only in the verb or pronoun.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from spp_desktop.domain.evidence import KINDS

EN: dict[str, str] = {
    "title": "Feedback summary",
    "confidential": "Confidential",
    "footer": "Confidential — shared with {school} under the partnership's data-sharing agreement",
    "page_of": "Page {page} of {pages}",
    "ethos": (
        "This is a peer review between partner schools, not an inspection, and it gives no grades. "
        "The findings below are strengths, areas to develop and questions to explore further, agreed "
        "with the school in the feedback conversation and resting on the evidence gathered during the review."
    ),
    "school": "School",
    "partnership": "Partnership",
    "review_dates": "Review dates",
    "focus": "Focus",
    "review_team": "Review team",
    "headteacher": "Headteacher",
    "generated": "Generated on {date}",
    "not_recorded": "Not recorded",
    "role_lead_reviewer": "Lead reviewer",
    "role_reviewer": "Reviewer",
    "role_headteacher": "Headteacher",
    "role_improvement_champion": "Improvement Champion",
    "findings": "Findings",
    "question_n": "Enquiry question {n}",
    "other_findings": "Findings not tied to an enquiry question",
    "group_strength": "Strengths",
    "group_area_to_develop": "Areas to develop",
    "group_question_to_explore": "Questions to explore further",
    "kind_strength": "Strength",
    "kind_area_to_develop": "Area to develop",
    "kind_question_to_explore": "Question to explore further",
    "amended": "Agreed as amended",
    "head_comment": "Headteacher's comment",
    "evidence_behind": "Evidence",
    "no_evidence": "No evidence linked.",
    "records_one": "1 record",
    "records_other": "{n} records",
    "kinds_one": "1 kind of source",
    "kinds_other": "{n} kinds of source",
    "support": "{records} from {kinds_text}:",
    "missing_one": "1 linked record is no longer available",
    "missing_other": "{n} linked records are no longer available",
    "no_agreed": "No findings were agreed for this question.",
    "still_to_explore": "Raised but not agreed yet: to explore further",
    "drafts_left_out_one": (
        "1 draft finding was not agreed in the feedback conversation and is not included."
    ),
    "drafts_left_out_other": (
        "{n} draft findings were not agreed in the feedback conversation and are not included."
    ),
    "after_review": "After the review",
    "improvement_priority": "Improvement priority",
    "not_agreed_yet": "Not agreed yet.",
    "next_steps": "Proposed next steps for the improvement workshop",
    "col_step": "Next step",
    "col_owner": "Who leads it",
    "col_due": "By",
    "no_actions": "No next steps recorded yet.",
    "checkin": "90-day check-in",
    "checkin_on": "The 90-day check-in is planned for {date}.",
    "checkin_unset": "The date of the 90-day check-in has not been set yet.",
    "checkin_suggested": "The 90-day check-in is suggested for {date} (90 days after the review); the date is "
                         "still to be agreed.",
    "checkin_suggested_after_workshop": "The 90-day check-in is suggested for {date} (90 days after the "
                                        "improvement workshop); the date is still to be agreed.",
    "head_overall": "Headteacher's overall comment",
    "source_observation": "Observation",
    "source_voice": "Interview / focus group / survey",
    "source_book_scrutiny": "Book scrutiny",
    "source_data": "Data / document",
    **{f"ev_{k.kind.value}": k.label for k in KINDS},  # the registry's kinds (Welsh below: one each)
    "who_staff": "staff",
    "who_pupils": "pupils",
    "who_parents": "parents",
    "who_governors": "governors",
    "who_leaders": "leaders",
    "with_who": "with {who}",
    "books_one": "1 book",
    "books_other": "{n} books",
    "months": "January February March April May June July August September October November December",
}

CY: dict[str, str] = {
    "title": "Crynodeb adborth",
    "confidential": "Cyfrinachol",
    "footer": "Cyfrinachol — wedi'i rannu â {school} dan gytundeb rhannu data'r bartneriaeth",
    "page_of": "Tudalen {page} o {pages}",
    "ethos": (
        "Adolygiad cymheiriaid rhwng ysgolion partner yw hwn, nid arolygiad, ac nid yw'n rhoi graddau. "
        "Cryfderau, meysydd i'w datblygu a chwestiynau i'w harchwilio ymhellach yw'r canfyddiadau isod, "
        "wedi'u cytuno gyda'r ysgol yn y sgwrs adborth ac yn seiliedig ar y dystiolaeth a gasglwyd yn ystod "
        "yr adolygiad."
    ),
    "school": "Ysgol",
    "partnership": "Partneriaeth",
    "review_dates": "Dyddiadau'r adolygiad",
    "focus": "Ffocws",
    "review_team": "Tîm adolygu",
    "headteacher": "Pennaeth",
    "generated": "Crëwyd ar {date}",
    "not_recorded": "Heb ei gofnodi",
    "role_lead_reviewer": "Adolygydd arweiniol",
    "role_reviewer": "Adolygydd",
    "role_headteacher": "Pennaeth",
    "role_improvement_champion": "Hyrwyddwr Gwella",
    "findings": "Canfyddiadau",
    "question_n": "Cwestiwn ymholi {n}",
    "other_findings": "Canfyddiadau heb gwestiwn ymholi",
    "group_strength": "Cryfderau",
    "group_area_to_develop": "Meysydd i'w datblygu",
    "group_question_to_explore": "Cwestiynau i'w harchwilio ymhellach",
    "kind_strength": "Cryfder",
    "kind_area_to_develop": "Maes i'w ddatblygu",
    "kind_question_to_explore": "Cwestiwn i'w archwilio ymhellach",
    "amended": "Cytunwyd (gyda diwygiadau)",
    "head_comment": "Sylw'r pennaeth",
    "evidence_behind": "Tystiolaeth",
    "no_evidence": "Dim tystiolaeth wedi'i chysylltu.",
    "records_one": "1 cofnod",
    "records_other": "{n} cofnod",
    "kinds_one": "1 math o ffynhonnell",
    "kinds_other": "{n} math o ffynhonnell",
    "support": "Cofnodion: {items} · Mathau o ffynhonnell: {kinds}.",
    "missing_one": "Nid yw 1 cofnod cysylltiedig ar gael bellach",
    "missing_other": "Nid yw {n} cofnod cysylltiedig ar gael bellach",
    "no_agreed": "Ni chytunwyd ar ganfyddiadau ar gyfer y cwestiwn hwn.",
    "still_to_explore": "Wedi'u codi ond heb eu cytuno eto: i'w harchwilio ymhellach",
    "drafts_left_out_one": (
        "Ni chytunwyd ar 1 canfyddiad drafft yn y sgwrs adborth, ac nid yw wedi'i gynnwys."
    ),
    "drafts_left_out_other": (
        "Ni chytunwyd ar {n} canfyddiad drafft yn y sgwrs adborth, ac nid ydynt wedi'u cynnwys."
    ),
    "after_review": "Ar ôl yr adolygiad",
    "improvement_priority": "Blaenoriaeth gwella",
    "not_agreed_yet": "Heb ei chytuno eto.",
    "next_steps": "Camau nesaf arfaethedig ar gyfer y gweithdy gwella",
    "col_step": "Cam nesaf",
    "col_owner": "Pwy sy'n arwain",
    "col_due": "Erbyn",
    "no_actions": "Dim camau nesaf wedi'u cofnodi eto.",
    "checkin": "Gwiriad cynnydd 90 diwrnod",
    "checkin_on": "Mae'r gwiriad cynnydd 90 diwrnod wedi'i drefnu ar gyfer {date}.",
    "checkin_unset": "Nid yw dyddiad y gwiriad cynnydd 90 diwrnod wedi'i bennu eto.",
    "checkin_suggested": "Awgrymir cynnal y gwiriad cynnydd 90 diwrnod ar {date} (90 diwrnod ar ôl yr "
                         "adolygiad); mae'r dyddiad i'w gytuno o hyd.",
    "checkin_suggested_after_workshop": "Awgrymir cynnal y gwiriad cynnydd 90 diwrnod ar {date} (90 diwrnod ar "
                                        "ôl y gweithdy gwella); mae'r dyddiad i'w gytuno o hyd.",
    "head_overall": "Sylw cyffredinol y pennaeth",
    "source_observation": "Arsylwi",
    "source_voice": "Cyfweliad / grŵp ffocws / arolwg",
    "source_book_scrutiny": "Craffu ar lyfrau",
    "source_data": "Data / dogfen",
    "ev_observation": "Arsylwi gwers",
    "ev_learning_walk": "Taith ddysgu",
    "ev_interview": "Cyfweliad",
    "ev_focus_group": "Grŵp ffocws",
    "ev_book_scrutiny": "Craffu ar lyfrau",
    "ev_data_review": "Adolygu data",
    "ev_survey": "Arolwg",
    "ev_document": "Dogfen",
    "who_staff": "staff",
    "who_pupils": "disgyblion",
    "who_parents": "rhieni",
    "who_governors": "llywodraethwyr",
    "who_leaders": "arweinwyr",
    "with_who": "gyda {who}",
    "books_one": "1 llyfr",
    "books_other": "{n} llyfr",
    "months": "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr",
}

LABELS: dict[str, dict[str, str]] = {"en": EN, "cy": CY}

# BCP 47 tags written into the PDF so screen readers pick the right voice.
PDF_LANG = {"en": "en-GB", "cy": "cy-GB"}


class Labels:
    """Labels of one language, falling back to English for anything missing."""

    def __init__(self, language: str = "en") -> None:
        code = (language or "en").split("-")[0].lower()
        self.language = code if code in LABELS else "en"
        self._table: Mapping[str, str] = {**EN, **LABELS[self.language]}
        self._months = self._table["months"].split()

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def get(self, key: str, default: str = "") -> str:
        return self._table.get(key, default)

    def fmt(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def count(self, key: str, n: int, **values: object) -> str:
        """The `_one` or `_other` form of `key` for the count n."""
        return self.fmt(f"{key}_one" if n == 1 else f"{key}_other", n=n, **values)

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
