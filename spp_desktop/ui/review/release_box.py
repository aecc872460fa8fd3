"""Release to the partnership: what of the outcome the partnership's web console may show, ticked by the
lead reviewer with the headteacher's consent recorded. The same `release` record the web form writes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from spp_desktop.domain.findings import Release
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n import error_text


class ReleaseBox(QWidget):
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.review_id = store, review_id
        self.setObjectName("releaseBox")
        current = store.release(review_id)
        self.parts = {
            "findings": QCheckBox(self.tr("Agreed findings"), self),
            "priority": QCheckBox(self.tr("Improvement priority"), self),
            "actions": QCheckBox(self.tr("Next steps (actions)"), self),
            "checkin": QCheckBox(self.tr("Check-in progress"), self),
        }
        for name, box in self.parts.items():
            box.setChecked(bool(getattr(current, name)))
        self.consent = QCheckBox(self.tr("The headteacher agreed to release these items"), self)
        self.consent.setChecked(current.head_consent)
        self.consent_date = QDateEdit(self)
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setDisplayFormat("d MMM yyyy")
        when = current.consent_date or date.today()
        self.consent_date.setDate(QDate(when.year, when.month, when.day))
        self.consent_date.setAccessibleName(self.tr("Date of the headteacher's consent"))
        self.release_button = QPushButton(self.tr("Release to the partnership"), self)
        self.release_button.clicked.connect(self.release)
        self.state = theme.muted_label("", self)
        self._show(current)
        allowed = store.may_change(review_id, "release", review_id, fields={"findings": True})
        for widget in (*self.parts.values(), self.consent, self.consent_date, self.release_button):
            widget.setEnabled(allowed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(theme.heading(self.tr("Release to the partnership"), 3, self))
        layout.addWidget(theme.muted_label(self.tr(
            "Only what you tick appears on the partnership's web console; never evidence, names or "
            "reviewer-only notes. The lead reviewer releases, after the headteacher agrees."), self))
        for box in self.parts.values():
            layout.addWidget(box)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent)
        consent_row.addWidget(self.consent_date)
        consent_row.addStretch(1)
        layout.addLayout(consent_row)
        button_row = QHBoxLayout()
        button_row.addWidget(self.release_button)
        button_row.addWidget(self.state, 1)
        layout.addLayout(button_row)

    def _show(self, current: Release) -> None:
        if current.released and current.consent_date:
            self.state.setText(self.tr("Released with the headteacher's consent of {day}.").format(
                day=current.consent_date.isoformat()))
        else:
            self.state.setText(self.tr("Nothing is released to the partnership yet."))

    def release(self) -> bool:
        if not self.consent.isChecked():
            self.status_changed.emit(self.tr("Record the headteacher's consent before releasing anything."))
            return False
        try:
            current = self.store.update_release(
                self.review_id, head_consent=True, consent_date=self.consent_date.date().toPython(),
                **{name: box.isChecked() for name, box in self.parts.items()})
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return False
        self._show(current)
        self.status_changed.emit(self.tr("Release saved; it reaches the partnership at the next sync."))
        return True
