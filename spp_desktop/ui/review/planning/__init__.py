"""Planning with the host school: the pre-review meeting, the enquiry questions and the timetable (lead-only)."""
