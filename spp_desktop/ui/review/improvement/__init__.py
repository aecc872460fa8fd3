"""After the review day: the improvement workshop and the 90-day check-in (the lead's or the Champion's)."""
