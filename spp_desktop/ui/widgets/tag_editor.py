"""Free tags: type a word, press comma or Enter to make it a chip; click a chip (or Backspace in
the empty box) to take it off."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

from .chips import CHIP_STYLE, make_chip
from .flow_layout import FlowLayout

MAX_TAG_LENGTH = 60


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()


def split_tags(text: str) -> list[str]:
    return [t.strip()[:MAX_TAG_LENGTH] for t in text.split(",") if t.strip()]


class _TagBox(QLineEdit):
    """The box for a new tag asks for room for its whole hint (Welsh runs longer); it can do with less."""

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        wanted = metrics.horizontalAdvance(self.placeholderText()) + metrics.height() * 2
        return QSize(max(hint.width(), min(wanted, metrics.horizontalAdvance("M") * 30)), hint.height())


class TagEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(CHIP_STYLE)
        self.setAccessibleName(self.tr("Tags"))
        self._layout = FlowLayout(self)
        self._tags: list[str] = []
        self._chips: list[QToolButton] = []
        self.edit = _TagBox(self)
        self.edit.setPlaceholderText(self.tr("Add a tag, then comma or Enter"))
        self.edit.setAccessibleName(self.tr("New tag"))
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("M") * 14)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.returnPressed.connect(self.commit_pending)
        self.edit.installEventFilter(self)
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    # --- value ----------------------------------------------------------------------------------
    def tags(self) -> tuple[str, ...]:
        """The tags, including a word still being typed (so it is saved too)."""
        pending = [t for t in split_tags(self.edit.text()) if t.casefold() not in self._folded()]
        return tuple(self._tags + pending)

    def set_tags(self, tags: Iterable[str]) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips.clear()
        self._tags = []
        for tag in tags:
            self._add(tag, notify=False)

    def chip_buttons(self) -> list[QToolButton]:
        return list(self._chips)

    # --- editing --------------------------------------------------------------------------------
    def commit_pending(self) -> None:
        words = split_tags(self.edit.text())
        self.edit.clear()
        added = [w for w in words if self._add(w, notify=False)]
        if added:
            self.changed.emit()

    def remove_tag(self, tag: str) -> None:
        if tag not in self._tags:
            return
        index = self._tags.index(tag)
        self._tags.pop(index)
        chip = self._chips.pop(index)
        self._layout.removeWidget(chip)
        chip.deleteLater()
        self.edit.setFocus()
        self.changed.emit()

    def _folded(self) -> set[str]:
        return {t.casefold() for t in self._tags}

    def _add(self, tag: str, *, notify: bool) -> bool:
        tag = tag.strip()[:MAX_TAG_LENGTH]
        if not tag or tag.casefold() in self._folded():
            return False
        self._tags.append(tag)
        chip = make_chip(f"{tag}  \u00d7", self)
        chip.setToolTip(self.tr("Remove the tag “{tag}”").format(tag=tag))
        chip.setAccessibleName(self.tr("Tag {tag}. Press to remove").format(tag=tag))
        chip.clicked.connect(lambda _=False, t=tag: self.remove_tag(t))
        # Chips sit before the line edit, in tag order.
        self._layout.takeAt(self._layout.count() - 1)
        self._layout.addWidget(chip)
        self._layout.addWidget(self.edit)
        self._chips.append(chip)
        # Tab order: ... previous chips, this chip, then the line edit. Chips are made after the rest of
        # the form, so move this one to just after the last tab stop before the edit (Qt ignores
        # setTabOrder from a widget that takes no focus).
        before = self.edit.previousInFocusChain()  # never None: Qt's focus chain is a ring
        while before is not None and before is not self.edit and (before.focusProxy() is self.edit
                                                                   or not _takes_tab(before)):
            before = before.previousInFocusChain()
        if before is not None and before is not self.edit:
            QWidget.setTabOrder(before, chip)
        if notify:
            self.changed.emit()
        return True

    def _on_edited(self, text: str) -> None:
        if "," in text:
            self.commit_pending()
        else:
            self.changed.emit()  # a word being typed is saved too, by the form's autosave

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Backspace and not self.edit.text() and self._tags):
            self.remove_tag(self._tags[-1])
            return True
        return super().eventFilter(watched, event)
