"""Conflicts to settle: two team members changed the same thing from the same starting point.

For each conflict the panel says what it is about (e.g. "Finding under Q2"), and shows the competing
values side by side with who wrote them and when. The lead reviewer keeps one ("Keep this one"),
merges them by editing, or for an edit against a delete chooses "Keep deleted" or "Bring it back";
`ReviewStore.resolve_conflict` writes the resolve op that settles it on every copy once synced.
Other reviewers see the same, read-only, with a note that the lead settles them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.conflicts import Conflict, ConflictValue
from spp_desktop.domain.review import Review
from spp_desktop.store.errors import NotAllowed
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n import error_text
from ..review_events import ReviewEvents
from ..widgets.scroll_column import scrolling_column
from .describe import describe_conflict, is_free_text, marked_difference, value_text
from .words import local_time


class ValueColumn(QFrame):
    """One competing value: who wrote it, when, the value, and "Keep this one" (for the lead)."""

    def __init__(self, conflict: Conflict, value: ConflictValue, who: str, *, shown_now: bool, can_settle: bool,
                 other: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        theme.set_role(self, "card")
        self.value = value
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        author = QLabel(who)
        author.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        layout.addWidget(author)
        when = self.tr("Written {when}").format(when=local_time(value.written_at))
        if shown_now:
            when = self.tr("{when}  ·  shown for now").format(when=when)
        layout.addWidget(theme.muted_label(when))
        self.text = QLabel(value_text(conflict, value))
        if other is not None:  # the words only this version has, in bold, so the difference stands out
            self.text.setTextFormat(Qt.TextFormat.RichText)
            self.text.setText(marked_difference(self.text.text(), other))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("Version by {who}").format(who=who))
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text, 1)
        self.keep_button: QPushButton | None = None
        if can_settle and not conflict.is_delete_conflict:
            self.keep_button = QPushButton(self.tr("Keep this one"))
            self.keep_button.setAutoDefault(False)  # Return must never settle a conflict by accident
            self.keep_button.setAccessibleName(self.tr("Keep the version by {who}").format(who=who))
            row = QHBoxLayout()
            row.addWidget(self.keep_button)
            row.addStretch(1)
            layout.addLayout(row)


class ConflictCard(QFrame):
    """One conflict: what it is about, the values side by side, and the ways to settle it."""

    keep = Signal(object, object)  # conflict, the value to keep
    merge = Signal(object)  # conflict

    def __init__(self, conflict: Conflict, title: str, detail: str, review: Review, *, can_settle: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        theme.set_role(self, "notice")
        self.conflict = conflict
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(theme.heading(title, 3))
        if detail:
            layout.addWidget(theme.muted_label(detail))
        columns = QHBoxLayout()
        columns.setSpacing(12)
        self.columns: list[ValueColumn] = []
        texts = [v.value for v in conflict.values] if is_free_text(conflict) else []
        for index, value in enumerate(conflict.values):
            member = review.member(value.author)
            who = member.name if member else self.tr("A team member")
            other = texts[1 if index == 0 else 0] if len(texts) > 1 else None
            column = ValueColumn(conflict, value, who, shown_now=index == 0 and not conflict.is_delete_conflict,
                                 can_settle=can_settle, other=other)
            if column.keep_button is not None:
                column.keep_button.clicked.connect(lambda _c=False, v=value.value: self.keep.emit(conflict, v))
            columns.addWidget(column, 1)
            self.columns.append(column)
        layout.addLayout(columns)
        self.keep_deleted: QPushButton | None = None
        self.bring_back: QPushButton | None = None
        self.merge_button: QPushButton | None = None
        if not can_settle:
            return
        actions = QHBoxLayout()
        actions.addStretch(1)
        if conflict.is_delete_conflict:
            self.keep_deleted = QPushButton(self.tr("Keep deleted"))
            self.bring_back = QPushButton(self.tr("Bring it back"))
            self.keep_deleted.setAutoDefault(False)
            self.bring_back.setAutoDefault(False)
            self.keep_deleted.clicked.connect(lambda: self.keep.emit(conflict, True))
            self.bring_back.clicked.connect(lambda: self.keep.emit(conflict, False))
            actions.addWidget(self.keep_deleted)
            actions.addWidget(self.bring_back)
        elif is_free_text(conflict):
            self.merge_button = QPushButton(self.tr("Merge by editing…"))
            self.merge_button.setAutoDefault(False)
            self.merge_button.clicked.connect(lambda: self.merge.emit(conflict))
            actions.addWidget(self.merge_button)
        layout.addLayout(actions)


class MergeDialog(QDialog):
    """An editor pre-filled with the competing texts; what is saved settles the conflict."""

    def __init__(self, conflict: Conflict, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.conflict = conflict
        self.setWindowTitle(self.tr("Merge by editing"))
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Merged version"))
        texts: list[str] = []
        for value in conflict.values:
            text = str(value.value or "").strip()
            if text and text not in texts:
                texts.append(text)
        self.editor.setPlainText("\n\n".join(texts))
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save as the settled version"))
        theme.set_role(self.save_button, "primary")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.save_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(theme.heading(title, 3))
        layout.addWidget(theme.muted_label(self.tr(
            "Every version is below. Edit them into one; when you save, it replaces them for the whole team.")))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        self.resize(char * 90, self.fontMetrics().height() * 22)

    def merged_text(self) -> str:
        return self.editor.toPlainText().strip()


class ConflictsPanel(QWidget):
    """Every conflict of the review. Emits `resolved` after the lead settles one."""

    resolved = Signal()

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self._store = store
        self.review_id = review_id
        self.merge_dialog: MergeDialog | None = None
        self.cards: list[ConflictCard] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note_box = QFrame()
        theme.set_role(self.note_box, "notice")
        QVBoxLayout(self.note_box).addWidget(self.note)
        self.empty = theme.muted_label(self.tr("Nothing to settle: every change from the team fits together."))
        scroll, self._cards = scrolling_column(14, right_margin=8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.note_box)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.refresh()

    @property
    def can_settle(self) -> bool:
        lead = self._store.review(self.review_id).lead_reviewer
        return lead is not None and lead.id == self._store.me(self.review_id)

    def refresh(self) -> None:
        review = self._store.review(self.review_id)
        conflicts = self._store.conflicts(self.review_id)
        lead = review.lead_reviewer
        can_settle = lead is not None and lead.id == self._store.me(self.review_id)
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for conflict in conflicts:
            title, detail = describe_conflict(self._store, review, conflict)
            card = ConflictCard(conflict, title, detail, review, can_settle=can_settle)
            card.keep.connect(self.keep)
            card.merge.connect(self.merge)
            self._cards.addWidget(card)
            self.cards.append(card)
        if can_settle:
            note = self.tr("Two or more of the team changed the same thing from the same starting point. Choose "
                           "the version to keep, or merge them; your choice replaces them for everyone at "
                           "the next sync. Times come from each laptop's own clock.")
        else:
            name = lead.name if lead else self.tr("the lead reviewer")
            note = self.tr("Two or more of the team changed the same thing. The lead reviewer, {name}, settles "
                           "these; until then everyone sees the version marked “shown for now”, and nothing is "
                           "lost.").format(name=name)
        self.note.setText(note)
        self.note_box.setVisible(bool(conflicts))
        self.empty.setVisible(not conflicts)

    def keep(self, conflict: Conflict, value: Any) -> bool:
        try:
            self._store.resolve_conflict(self.review_id, conflict, value)
        except NotAllowed as exc:  # the lead changed since the panel was drawn
            self.refresh()
            self.note.setText(error_text(exc))
            return False
        self.refresh()
        self.resolved.emit()
        return True

    def merge(self, conflict: Conflict) -> MergeDialog:
        """Open the merge editor (not modal to the app: the panel stays readable behind it)."""
        title, _detail = describe_conflict(self._store, self._store.review(self.review_id), conflict)
        dialog = MergeDialog(conflict, title, self)
        dialog.accepted.connect(lambda: self._merged(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _merged(self, dialog: MergeDialog) -> None:
        self.merge_dialog = None
        self.keep(dialog.conflict, dialog.merged_text())


class ConflictsDialog(QDialog):
    """The panel in a window of its own, opened from the status bar or the Review menu."""

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None, *,
                 events: ReviewEvents | None = None):
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        if events is not None:  # a sync or a bundle while it is open brings new conflicts, or settles some
            events.changed.connect(self._on_records_changed)
        self.setWindowTitle(self.tr("Conflicts to settle"))
        self.panel = ConflictsPanel(store, review_id)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(12)
        layout.addWidget(theme.heading(self.tr("Conflicts to settle"), 2))
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        self.resize(char * 165, self.fontMetrics().height() * 46)

    def _on_records_changed(self, review_id: str, _entities: frozenset[str]) -> None:
        if review_id == self.panel.review_id:
            self.panel.refresh()

