"""Prompts for interviews and focus groups: a small starter set per group of participants.

The enquiry questions the record bears on come first (the reviewer asks about those); then open,
non-leading prompts suited to who is in the room. A framework library can replace this set later;
the capture form only asks `prompts_for()`.
"""

from __future__ import annotations

from .evidence import Participants

PROMPTS: dict[str, tuple[str, ...]] = {
    Participants.PUPILS.value: (
        "What are you learning about at the moment?",
        "Can you show me something you are proud of? Why that one?",
        "What helps you when you find something hard?",
        "How do you know how well you are doing?",
        "If you could change one thing about this, what would it be?",
    ),
    Participants.STAFF.value: (
        "How is this planned and taught across the school?",
        "What training and support have you had for it?",
        "How do you know it is making a difference for pupils?",
        "What would you like to develop next?",
    ),
    Participants.PARENTS.value: (
        "How does the school keep you informed about your child's learning?",
        "How are you able to help at home?",
        "What difference have you noticed for your child?",
    ),
    Participants.GOVERNORS.value: (
        "How do governors find out how well this is going?",
        "What challenge and support have governors given?",
        "What does the school's own evaluation say?",
    ),
    Participants.LEADERS.value: (
        "What did you want this to achieve, and why now?",
        "How do you check its impact?",
        "What are the next steps, and how will you know they have worked?",
    ),
}


def prompts_for(participants: str) -> tuple[str, ...]:
    """The starter prompts for a group ("pupils", "staff" …); a group we do not know gets the staff set."""
    return PROMPTS.get(participants, PROMPTS[Participants.STAFF.value])


def all_prompts() -> list[str]:
    return [p for group in PROMPTS.values() for p in group]
