"""The enquiry questions: add (or take from the library), edit in place, reorder, retire; planned sources.

Keyboard: Insert adds, F2 or typing edits the selected question, Alt+Up/Alt+Down moves it, Delete retires it.
The neutral-language hint checks the selected question's words, as on the capture forms.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.enquiry_library import EnquiryLibrary, LibraryError
from spp_desktop.domain.evidence import KINDS, EvidenceKind
from spp_desktop.domain.review import EnquiryQuestion
from spp_desktop.paths import enquiry_library_path
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ...i18n import QT_TRANSLATE_NOOP, label
from ...widgets.flow_layout import FlowLayout
from ...widgets.language_hint import LanguageHint
from .cells import problem_text
from .library_dialog import LibraryDialog

COLUMNS = (QT_TRANSLATE_NOOP("QuestionsTab", "No."), QT_TRANSLATE_NOOP("QuestionsTab", "Enquiry question"),
           QT_TRANSLATE_NOOP("QuestionsTab", "Theme"), QT_TRANSLATE_NOOP("QuestionsTab", "Planned sources"))
NUMBER, TEXT, THEME, SOURCES = range(len(COLUMNS))
QUESTION_ID = Qt.ItemDataRole.UserRole + 1


class QuestionsTab(QWidget):
    status_changed = Signal(str)
    changed = Signal()

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("questionsTab")
        self._store, self.review_id = store, review_id
        self._filling = False
        self._questions: list[EnquiryQuestion] = []
        self.editable = store.may_change(review_id, "question", "new-question")

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("questionsTable")
        self.table.setAccessibleName(self.tr("Enquiry questions"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if self.editable
            else QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().averageCharWidth()
        self.table.setColumnWidth(THEME, char * 22)
        self.table.setColumnWidth(SOURCES, char * 30)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._show_selected())

        self.hint = LanguageHint(self._selected_text, self)
        self.sources_label = QLabel(self.tr("Planned sources for the selected question:"))
        self.source_boxes: dict[EvidenceKind, QCheckBox] = {}
        sources = FlowLayout()
        for kind in (k.kind for k in KINDS):  # the registry's order, as in menus and filters
            box = QCheckBox(label(kind))
            box.setEnabled(self.editable)
            box.toggled.connect(self._sources_toggled)
            self.source_boxes[kind] = box
            sources.addWidget(box)

        self.add_button = QPushButton(self.tr("&Add question (Insert)"))
        self.add_button.clicked.connect(self.add_question)
        self.library_button = QPushButton(self.tr("From the &library…"))
        self.library_button.clicked.connect(self.from_library)
        self.up_button = QPushButton(self.tr("Move &up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button = QPushButton(self.tr("Move do&wn (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_question(1))
        self.retire_button = QPushButton(self.tr("&Retire (Delete)"))
        self.retire_button.clicked.connect(self.toggle_retired)
        self.show_retired = QCheckBox(self.tr("S&how retired questions"))
        self.show_retired.toggled.connect(lambda _on: self.refresh())
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.library_button, self.up_button, self.down_button, self.retire_button):
            widget.setEnabled(self.editable)
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        for keys, slot in ((QKeySequence(Qt.Key.Key_Insert), self.add_question),
                           (QKeySequence("Alt+Up"), lambda: self.move_question(-1)),
                           (QKeySequence("Alt+Down"), lambda: self.move_question(1)),
                           (QKeySequence(Qt.Key.Key_Delete), self.toggle_retired)):
            QShortcut(keys, self.table, context=Qt.ShortcutContext.WidgetShortcut).activated.connect(slot)
        note = (self.tr("Type over a question to reword it. Retired questions keep their evidence and findings.")
                if self.editable else self.tr("Only the lead reviewer changes the enquiry questions."))
        self.note = QLabel(note)
        self.note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.sources_label)
        layout.addLayout(sources)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.refresh()

    # --- data ----------------------------------------------------------------------------------------
    def refresh(self, keep: str | None = None) -> None:
        keep = keep or self.selected_id()
        review = self._store.review(self.review_id)
        self._questions = list(review.questions) + (list(review.retired_questions) if self.show_retired.isChecked()
                                                     else [])
        self._filling = True
        self.table.setRowCount(len(self._questions))
        for row, q in enumerate(self._questions):
            number = str(row + 1) if not q.retired else self.tr("retired")
            sources = ", ".join(label(EvidenceKind(k)) for k in q.planned_sources if k in EvidenceKind._value2member_map_)
            for col, value in enumerate((number, q.text, q.theme, sources)):
                item = QTableWidgetItem(value)
                item.setData(QUESTION_ID, q.id)
                if col in (NUMBER, SOURCES):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self._filling = False
        self.table.resizeRowsToContents()
        ids = [q.id for q in self._questions]
        if keep in ids:
            self.table.setCurrentCell(ids.index(keep), TEXT)
        elif ids:
            self.table.setCurrentCell(0, TEXT)
        self._show_selected()

    def selected_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(QUESTION_ID) if item is not None else None

    def selected(self) -> EnquiryQuestion | None:
        return next((q for q in self._questions if q.id == self.selected_id()), None)

    def _selected_text(self) -> str:
        question = self.selected()
        return question.text if question else ""

    def _show_selected(self) -> None:
        question = self.selected()
        for kind, box in self.source_boxes.items():
            box.blockSignals(True)
            box.setChecked(question is not None and kind.value in question.planned_sources)
            box.blockSignals(False)
        self.retire_button.setText(self.tr("&Bring back (Delete)") if question is not None and question.retired
                                   else self.tr("&Retire (Delete)"))
        self.hint.check_now()

    # --- editing -------------------------------------------------------------------------------------
    def _run(self, done: str, call, keep: str | None = None) -> None:  # type: ignore[no-untyped-def]
        if not self.editable:
            return
        try:
            made = call()
        except (ValueError, KeyError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
            self.refresh()
            return
        self.status_changed.emit(done)
        self.changed.emit()
        self.refresh(keep=keep or getattr(made, "id", None))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        field = {TEXT: "text", THEME: "theme"}.get(item.column())
        if field:
            qid = item.data(QUESTION_ID)
            self._run(self.tr("Question saved."),
                      lambda: self._store.update_question(self.review_id, qid, **{field: item.text().strip()}), qid)

    def _sources_toggled(self) -> None:
        question = self.selected()
        if question is None:
            return
        kinds = [k.value for k, box in self.source_boxes.items() if box.isChecked()]
        self._run(self.tr("Planned sources saved."),
                  lambda: self._store.update_question(self.review_id, question.id, planned_sources=kinds), question.id)

    def add_question(self, text: str = "", theme: str = "") -> None:
        words = text or self.tr("To what extent …?")
        self._run(self.tr("Question added: type its words."),
                  lambda: self._store.add_question(self.review_id, words, theme=theme))
        self.table.setCurrentCell(self.table.currentRow(), TEXT)
        self.table.setFocus()

    def from_library(self) -> None:
        try:
            library = EnquiryLibrary.load(enquiry_library_path())
        except LibraryError as exc:
            self.status_changed.emit(str(exc))
            return
        dialog = LibraryDialog(library, self)
        choice = dialog.choice() if dialog.exec() else None
        if choice:
            text, theme = choice
            self.add_question(text, theme)

    def move_question(self, step: int) -> None:  # not move(): that is QWidget.move
        question = self.selected()
        if question is None or question.retired:
            return
        index = [q.id for q in self._questions].index(question.id) + step
        self._run(self.tr("Question moved."), lambda: self._store.move_question(self.review_id, question.id, index),
                  question.id)

    def toggle_retired(self) -> None:
        question = self.selected()
        if question is None:
            return
        done = self.tr("Question brought back.") if question.retired else self.tr("Question retired.")
        self._run(done, lambda: self._store.retire_question(self.review_id, question.id, not question.retired),
                  question.id)
