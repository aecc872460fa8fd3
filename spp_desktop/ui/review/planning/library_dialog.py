"""Choose a question starter from the enquiry-framework library (resources/enquiry/framework.json)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.enquiry_library import EnquiryLibrary

from ...i18n import current_language

STARTER = Qt.ItemDataRole.UserRole + 1
THEME = Qt.ItemDataRole.UserRole + 2


class LibraryDialog(QDialog):
    """Themes with their starters; Enter or double-click takes the chosen starter (and its theme)."""

    def __init__(self, library: EnquiryLibrary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enquiry-framework library"))
        self.setObjectName("libraryDialog")
        language = "cy" if current_language() == "cy" else "en"
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Themes and question starters"))
        self.tree.setWordWrap(True)
        for theme in library.themes:
            top = QTreeWidgetItem([theme.name(language)])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for starter in theme.starters:
                child = QTreeWidgetItem([starter.text(language)])
                child.setData(0, STARTER, starter.text(language))
                child.setData(0, THEME, theme.name(language))
                child.setToolTip(0, starter.text(language))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        self.tree.itemActivated.connect(lambda item, _c: self.accept() if item.data(0, STARTER) else None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Pick a starter, then adapt its words to the school's focus.")))
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)
        first = self.tree.topLevelItem(0)
        first_starter = first.child(0) if first is not None and first.childCount() else None
        if first_starter is not None:
            self.tree.setCurrentItem(first_starter)

    def choice(self) -> tuple[str, str] | None:
        """(question, theme) of the chosen starter, or None."""
        item = self.tree.currentItem()
        if item is None or not item.data(0, STARTER):
            return None
        return str(item.data(0, STARTER)), str(item.data(0, THEME))
