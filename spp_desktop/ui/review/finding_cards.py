"""The cards findings are written on, and the text field they grow in.

`FindingCard` (Findings page): kind, text and reviewer-only notes saved as you type, the triangulation
badge and the linked evidence; a drop target for evidence records. `ConversationCard` (Feedback page):
one finding as discussed with the headteacher: Agreed / Agreed as amended (edit the wording in place) /
To explore further, and the headteacher's comment. `StepBuilder` builds a long list of cards a few at a
time so a screen opens at once.

Privacy: a ConversationCard puts the names and notes behind the evidence into its widgets only when
`show_names` is on; otherwise they are in no widget at all (not merely hidden). Reviewer-only notes are
never put into a ConversationCard, whatever is toggled: the Feedback page may be on the school's screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.findings import Finding, FindingKind, FindingStatus
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n import QT_TRANSLATE_NOOP, domain_text, error_text
from ..i18n import label as domain_label
from ..models.findings_model import (
    KIND_ORDER,
    FindingsSnapshot,
    evidence_ids_from_mime,
    named_details,
    reference,
)
from ..spelling.highlight import SpellChecking, speller_for
from ..widgets.autosave import Autosaver
from ..widgets.flow_layout import FlowLayout
from ..widgets.language_hint import LanguageHint
from ..widgets.triangulation_badge import TriangulationBadge, missing_text

AUTOSAVE_MS = 700
_MAX_REFS = 6
STATUS_CHOICES = (FindingStatus.DRAFT, FindingStatus.AGREED, FindingStatus.AMENDED, FindingStatus.TO_EXPLORE)
STATUS_TEXT = {FindingStatus.DRAFT: QT_TRANSLATE_NOOP("FindingCards", "Not discussed yet"),
               FindingStatus.AGREED: QT_TRANSLATE_NOOP("FindingCards", "Agreed"),
               FindingStatus.AMENDED: QT_TRANSLATE_NOOP("FindingCards", "Agreed as amended"),
               FindingStatus.TO_EXPLORE: QT_TRANSLATE_NOOP("FindingCards", "To explore further")}


def status_text(status: FindingStatus) -> str:
    return QCoreApplication.translate("FindingCards", STATUS_TEXT[status])


def _gone(exc: BaseException) -> str:
    """A store error's sentence, or (a KeyError) that the finding has gone."""
    if isinstance(exc, StoreError):
        return error_text(exc)
    return QCoreApplication.translate("FindingCards", "That finding no longer exists.")


class GrowingTextEdit(QPlainTextEdit):
    """A plain text field that grows with its text between `min_lines` and `max_lines`."""

    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None, min_lines: int = 3, max_lines: int = 12):
        super().__init__(parent)
        self._min, self._max = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = max(self._min, min(self._max, int(self.document().documentLayout().documentSize().height())))
        margins = self.contentsMargins()
        height = lines * self.fontMetrics().lineSpacing() + 2 * round(self.document().documentMargin())
        self.setFixedHeight(height + margins.top() + margins.bottom() + 4)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusOutEvent(event)
        self.focus_left.emit()


def label(text: str, buddy: QWidget, space_above: bool = False) -> QLabel:
    lab = QLabel(text)
    lab.setBuddy(buddy)
    lab.setFont(theme.scaled_font(lab.font(), 1.0, bold=True))
    if space_above:  # a new section of a form: a line's worth of air above it
        lab.setContentsMargins(0, lab.fontMetrics().height() // 2, 0, 0)
    return lab


class StepBuilder(QObject):
    """Builds a long list of widgets a few at a time: the first `eager` steps at once, the rest on the
    next turns of the event loop, so a screen with many findings opens at once and fills in below."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._steps: list[Callable[[], object]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    def start(self, steps: list[Callable[[], object]], eager: int) -> None:
        self._steps = list(steps)
        self.run(eager)
        if self._steps:
            self._timer.start()

    def run(self, count: int) -> None:
        for _ in range(min(count, len(self._steps))):
            self._steps.pop(0)()

    def _tick(self) -> None:
        self.run(3)
        if not self._steps:
            self._timer.stop()

    def finish(self) -> None:
        self.run(len(self._steps))
        self._timer.stop()

    @property
    def pending(self) -> int:
        return len(self._steps)


class FindingCard(QFrame):
    """One finding: kind, text, reviewer-only notes, badge, linked evidence; a drop target for evidence."""

    activated = Signal(str)
    delete_requested = Signal(str)
    evidence_dropped = Signal(str, list)
    status_changed = Signal(str)
    saved = Signal(object)  # Finding

    def __init__(self, store: ReviewStore, review_id: str, finding: Finding, number: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.review_id, self.finding = store, review_id, finding
        self.setObjectName("findingCard")
        theme.set_role(self, "card")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Finding {number}").format(number=number))
        self.selected = False
        self.autosaver = Autosaver(self._save, self, delay_ms=AUTOSAVE_MS)
        self.autosaver.status_changed.connect(self.status_changed)

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of finding {number}").format(number=number))
        for kind in KIND_ORDER:
            self.kind.addItem(domain_label(kind), kind.value)
        self.kind.setCurrentIndex(KIND_ORDER.index(finding.kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.status = theme.muted_label(domain_label(finding.status))
        self.status.setWordWrap(False)
        self.badge = TriangulationBadge("finding", self)
        self.delete = QPushButton(self.tr("Delete"), self)
        self.delete.setAccessibleName(self.tr("Delete finding {number}").format(number=number))
        self.delete.setToolTip(self.tr("Delete this finding (you can undo)"))
        self.delete.clicked.connect(lambda: self.delete_requested.emit(self.finding.id))
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.delete)

        self.text = GrowingTextEdit(self, 3, 12)
        self.text.setPlainText(finding.text)
        self.text.setPlaceholderText(self.tr("What the evidence shows, in neutral words"))
        self.text.setAccessibleName(self.tr("Text of finding {number}").format(number=number))
        self.hint = LanguageHint(self.text.toPlainText, self)
        self.spelling = SpellChecking(self.text, speller_for(store))
        self.notes = GrowingTextEdit(self, 1, 5)
        self.notes.setPlainText(finding.reviewer_notes)
        self.notes.setPlaceholderText(self.tr("Reviewer-only notes (never shown to the school or in the PDF)"))
        self.notes.setAccessibleName(self.tr("Reviewer-only notes for finding {number}").format(number=number))
        self.linked = QLabel(self)
        self.linked.setWordWrap(True)
        self.linked.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_role(self.linked, "muted")
        self.linked.setAccessibleName(self.tr("Linked evidence"))
        for edit in (self.text, self.notes):
            edit.textChanged.connect(self._typed)
            edit.focus_left.connect(self.autosaver.flush)
            edit.installEventFilter(self)
        self.kind.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.hint)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.linked)
        layout.addWidget(self.notes)

    # --- saving -------------------------------------------------------------------------------------
    def _typed(self) -> None:
        self.hint.schedule()
        self.autosaver.touch()

    def _save(self) -> None:
        self.finding = self.store.update_finding(self.review_id, self.finding.id, text=self.text.toPlainText(),
                                                 reviewer_notes=self.notes.toPlainText())
        self.saved.emit(self.finding)

    def flush(self) -> bool:
        return self.autosaver.flush()

    def _kind_changed(self, index: int) -> None:
        kind = FindingKind(str(self.kind.itemData(index)))
        if kind == self.finding.kind:
            return
        try:
            self.finding = self.store.update_finding(self.review_id, self.finding.id, kind=kind)
        except (StoreError, KeyError) as exc:
            self.status_changed.emit(_gone(exc))
            return
        self.saved.emit(self.finding)

    # --- showing ------------------------------------------------------------------------------------
    def show_support(self, snapshot: FindingsSnapshot) -> None:
        support = snapshot.finding_support(self.finding)
        self.badge.set_support(support)
        refs = [reference(e, snapshot.show_day) for e in snapshot.linked_evidence(self.finding.id)]
        lines = [f"\u2022 {r}" for r in refs[:_MAX_REFS]]
        if len(refs) > _MAX_REFS:
            lines.append(self.tr("… and {n} more").format(n=len(refs) - _MAX_REFS))
        if support.missing_evidence:
            lines.append(missing_text(support))
        if not lines:
            lines = [self.tr("No evidence linked yet: tick records on the right, or drag them here.")]
        elif support.warning:
            lines.insert(0, domain_text(support.warning))
        self.linked.setText("\n".join(lines))

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.selected:  # the finding the picker links to: an accent border over the card's own
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(theme.colour("accent"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
            painter.end()

    # --- events -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            self.activated.emit(self.finding.id)
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.activated.emit(self.finding.id)
        super().mousePressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if evidence_ids_from_mime(event.mimeData()):
            event.setDropAction(Qt.DropAction.LinkAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        ids = evidence_ids_from_mime(event.mimeData())
        if ids:
            event.setDropAction(Qt.DropAction.LinkAction)
            event.accept()
            self.evidence_dropped.emit(self.finding.id, ids)


class ConversationCard(QFrame):
    status_changed = Signal(str)
    saved = Signal(object)  # Finding

    def __init__(self, store: ReviewStore, review_id: str, finding: Finding, number: str,
                 snapshot: FindingsSnapshot, show_names: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.review_id, self.finding = store, review_id, finding
        self.setObjectName("conversationCard")
        theme.set_role(self, "card")
        self.setAccessibleName(self.tr("Finding {number}: {kind}").format(number=number,
                                                                           kind=domain_label(finding.kind)))
        self.autosaver = Autosaver(self._save, self, delay_ms=AUTOSAVE_MS)
        self.autosaver.status_changed.connect(self.status_changed)

        title = QLabel(f"{number}  {domain_label(finding.kind)}")
        title.setFont(theme.scaled_font(title.font(), 1.05, bold=True))
        self.text = GrowingTextEdit(self, 2, 12)
        self.text.setPlainText(finding.text)
        self.text.setAccessibleName(self.tr("Text of finding {number} (edit to amend)").format(number=number))
        self.text.setToolTip(self.tr("Edit the wording here if the headteacher and you agree an amendment."))
        support = snapshot.finding_support(finding)
        self.badge = TriangulationBadge("finding", self)
        self.badge.set_support(support)
        lines = [f"\u2022 {reference(e, snapshot.show_day)}" + "".join(
                     f"\n    {d}" for d in (named_details(e) if show_names else ()))
                 for e in snapshot.linked_evidence(finding.id)]
        if support.missing_evidence:
            lines.append(missing_text(support))
        if support.warning:
            lines.insert(0, domain_text(support.warning))
        self.evidence = QLabel("\n".join(lines) or self.tr("No evidence linked."))
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_role(self.evidence, "muted")
        self.evidence.setAccessibleName(self.tr("Evidence behind this finding"))

        self.group = QButtonGroup(self)
        status_box = QWidget(self)  # the choices wrap onto two lines in a narrow window
        status_row = FlowLayout(status_box, spacing=12)
        status_row.addWidget(QLabel(self.tr("Outcome:"), status_box))
        self.buttons: dict[FindingStatus, QRadioButton] = {}
        for status in STATUS_CHOICES:
            button = QRadioButton(status_text(status), status_box)
            button.setAccessibleName(self.tr("{status}, finding {number}").format(status=status_text(status),
                                                                                  number=number))
            button.setChecked(status == finding.status)
            self.group.addButton(button)
            self.buttons[status] = button
            status_row.addWidget(button)
            button.toggled.connect(lambda on, s=status: self._status_toggled(s, on))
        self.comment = GrowingTextEdit(self, 2, 8)
        self.comment.setPlainText(finding.head_comment)
        self.comment.setPlaceholderText(self.tr("What the headteacher said about this finding"))
        self.comment.setAccessibleName(self.tr("Headteacher's comment on finding {number}").format(number=number))
        for edit in (self.text, self.comment):
            edit.textChanged.connect(self._typed)
            edit.focus_left.connect(self.autosaver.flush)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.evidence)
        layout.addWidget(status_box)
        layout.addWidget(label(self.tr("Headteacher's comment"), self.comment))
        layout.addWidget(self.comment)

    def _typed(self) -> None:
        if self.sender() is self.text and self.finding.status == FindingStatus.AGREED \
                and self.text.toPlainText() != self.finding.text:
            self.buttons[FindingStatus.AMENDED].setChecked(True)  # the agreed wording changed
        self.autosaver.touch()

    def _save(self) -> None:
        self.finding = self.store.update_finding(self.review_id, self.finding.id, text=self.text.toPlainText(),
                                                 head_comment=self.comment.toPlainText())
        self.saved.emit(self.finding)

    def _status_toggled(self, status: FindingStatus, on: bool) -> None:
        if on:
            self._set_status(status)

    def _set_status(self, status: FindingStatus) -> None:
        if status == self.finding.status:
            return
        self.flush()
        try:
            self.finding = self.store.update_finding(self.review_id, self.finding.id, status=status)
        except (StoreError, KeyError) as exc:
            self.status_changed.emit(_gone(exc))
            return
        self.saved.emit(self.finding)
        if status == FindingStatus.AMENDED and not self.text.hasFocus():
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def flush(self) -> bool:
        return self.autosaver.flush()
