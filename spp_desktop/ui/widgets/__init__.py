"""Reusable widgets: autosave helper, language hint, chips, tags, time field, photo strip, undo bar."""
