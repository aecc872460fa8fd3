"""The desktop user interface (PySide6). With app.py, the only place that imports Qt."""
