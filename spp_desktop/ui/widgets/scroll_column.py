"""A column of cards in a frameless scroll area: the home page, check-out and conflicts lists use it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_column(spacing: int, *, right_margin: int = 0) -> tuple[QScrollArea, QVBoxLayout]:
    """(the scroll area to add to a layout, the column to add cards to). Cards stack from the top."""
    column = QVBoxLayout()
    column.setSpacing(spacing)
    holder = QWidget()
    holder_layout = QVBoxLayout(holder)
    holder_layout.setContentsMargins(0, 0, right_margin, 0)
    holder_layout.addLayout(column)
    holder_layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(holder)
    return scroll, column
