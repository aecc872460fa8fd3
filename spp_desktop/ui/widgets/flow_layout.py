"""A layout that places widgets left to right and wraps them onto new lines (chips, tags)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one line (what it asks for); `minimumSize` is its widest item (what it needs)."""
        gap = self._spacing if self._spacing >= 0 else self.spacingFromStyle()
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        if not shown:
            return self.minimumSize()
        margins = self.contentsMargins()
        width = sum(s.width() for s in shown) + gap * (len(shown) - 1) + margins.left() + margins.right()
        height = max(s.height() for s in shown) + margins.top() + margins.bottom()
        return QSize(width, height).expandedTo(self.minimumSize())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        gap = self._spacing if self._spacing >= 0 else self.spacingFromStyle()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), max(area.width(), 1))
            if x + width > area.right() + 1 and line_height > 0:
                x = area.x()
                y += line_height + gap
                line_height = 0
            # an item that wraps inside (a flow of its own) is as tall as it needs at this width
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, max(height, hint.height()))))
            x += width + gap
            line_height = max(line_height, height, hint.height())
        return y + line_height - rect.y() + margins.bottom()

    def spacingFromStyle(self) -> int:  # noqa: N802
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
