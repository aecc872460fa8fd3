"""Qt item models fed with domain objects (tested without a view)."""
