"""Feedback summary PDF: build time for a large review (500 evidence records, 40 findings), in process.

Target (issue 4): under 1 s on this machine. The PDF is built into a BytesIO, so the disk is not timed.
The first build in a process also parses the DejaVu fonts; it is reported separately.

    python -m benchmarks.bench_pdf
"""

from __future__ import annotations

import io
import random
import statistics
import time
from datetime import date
from datetime import time as clock

from spp_desktop.domain.evidence import (
    BookScrutiny,
    Evidence,
    EvidenceKind,
    Interview,
    Observation,
    OtherEvidence,
)
from spp_desktop.domain.findings import (
    AgreedAction,
    EvidenceLink,
    FeedbackOutcome,
    Finding,
    FindingKind,
    FindingStatus,
)
from spp_desktop.domain.review import EnquiryQuestion, Focus, Review, Role, TeamMember
from spp_desktop.reports.feedback_pdf import render_feedback_pdf
from spp_desktop.reports.model import FeedbackReport

EVIDENCE = 500
FINDINGS = 40
QUESTIONS = 4
RUNS = 3

_WORDS = ("pupils read aloud with fluency and talk about the books they choose; most use strategies "
          "from the phonics programme and several explain why they prefer one author over another").split()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def large_report(evidence_count: int = EVIDENCE, finding_count: int = FINDINGS) -> FeedbackReport:
    """A two-day review of a large school: realistic sizes, deterministic content."""
    rng = random.Random(2025)
    review = Review(
        id="bench", host_school="Ysgol Gynradd Tŷ Ddewi", start_date=date(2025, 3, 12), end_date=date(2025, 3, 13),
        focus=Focus("Reading in Key Stage 2", "How well pupils read widely and often, and how reading is taught."),
        headteacher="Headteacher name",
        questions=tuple(EnquiryQuestion(f"q{i}", _sentence(rng, 14), position=i) for i in range(QUESTIONS)),
        team=(TeamMember("m1", "Lead reviewer", Role.LEAD_REVIEWER, "Partner school"),
              TeamMember("m2", "Reviewer two", Role.REVIEWER, "Partner school"),
              TeamMember("m3", "Reviewer three", Role.REVIEWER, "Partner school")),
    )
    kinds = list(EvidenceKind)
    evidence: list[Evidence] = []
    for i in range(evidence_count):
        kind = kinds[i % len(kinds)]
        common = dict(day=date(2025, 3, 12 + i % 2), start=clock(8 + i % 8, (i * 7) % 60),
                      question_ids=(f"q{i % QUESTIONS}",), notes=_sentence(rng, 60))
        if kind in (EvidenceKind.OBSERVATION, EvidenceKind.LEARNING_WALK):
            evidence.append(Observation(f"e{i}", kind, class_name=f"Year {1 + i % 6}", subject="Reading", **common))
        elif kind in (EvidenceKind.INTERVIEW, EvidenceKind.FOCUS_GROUP):
            evidence.append(Interview(f"e{i}", kind, participants="pupils", participant_count=6, **common))
        elif kind == EvidenceKind.BOOK_SCRUTINY:
            evidence.append(BookScrutiny(f"e{i}", kind, year_group=f"Year {1 + i % 6}", book_count=8, **common))
        else:
            evidence.append(OtherEvidence(f"e{i}", kind, title=f"Document {i}", **common))
    statuses = [FindingStatus.AGREED] * 5 + [FindingStatus.AMENDED, FindingStatus.TO_EXPLORE, FindingStatus.DRAFT]
    findings = tuple(
        Finding(f"f{i}", f"q{i % QUESTIONS}", list(FindingKind)[i % 3],
                " ".join(_sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(1, 5))),
                statuses[i % len(statuses)], head_comment=_sentence(rng, 20) if i % 3 == 0 else "", position=i)
        for i in range(finding_count)
    )
    links = tuple(EvidenceLink(f"l{i}", f"f{rng.randrange(finding_count)}", f"e{i}") for i in range(evidence_count))
    actions = tuple(AgreedAction(f"a{i}", _sentence(rng, 16), "English lead", date(2025, 5, 1 + i)) for i in range(8))
    return FeedbackReport(review=review, findings=findings, links=links, evidence=tuple(evidence),
                          outcome=FeedbackOutcome(_sentence(rng, 12), _sentence(rng, 30), date(2025, 6, 11)),
                          actions=actions)


def _build(report: FeedbackReport) -> tuple[float, int]:
    buffer = io.BytesIO()
    t0 = time.perf_counter()
    render_feedback_pdf(report, buffer)
    return (time.perf_counter() - t0) * 1000, len(buffer.getvalue())


def run() -> list[tuple[str, float, str]]:
    report = large_report()
    cold, _ = _build(report)  # includes parsing the TrueType fonts, once per process
    times, size = [], 0
    for _ in range(RUNS):
        elapsed, size = _build(report)
        times.append(elapsed)
    return [
        (f"feedback PDF, {EVIDENCE} evidence / {FINDINGS} findings, median of {RUNS}", statistics.median(times), "ms"),
        ("feedback PDF, first build in the process (fonts load)", cold, "ms"),
        ("feedback PDF size", size / 1024, "KiB"),
    ]


if __name__ == "__main__":
    from benchmarks.run import print_table

    print_table(run())
