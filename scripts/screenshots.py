"""Screenshots of SPP Desktop, for the README and for looking hard at the UI.

    python scripts/screenshots.py                  # every shot, into docs/screenshots/
    python scripts/screenshots.py --only plan home # some of them
    python scripts/screenshots.py --list

How it renders: on Qt's *offscreen* platform by default (no display needed; the pictures are
`QWidget.grab()` of the real main window at 1366x768, fonts from fontconfig). To render through an X
server instead, start `Xvfb :99 &` and run with `DISPLAY=:99 QT_QPA_PLATFORM=xcb`; the pictures are
the same. `plan-200pct` is made by a second run of this script with QT_SCALE_FACTOR=2 (a 1366x768
screen at 200%: the window is 683x384 logical pixels), `plan-dark` with the dark palette.

The demo review is pinned to Tuesday 10 March 2026 and the clock to 09:10, so the pictures only change
when the UI does. Add a shot with `@shot("name")`: a function that gets the Shots context and returns
the widget to grab (usually `ctx.window`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
DEMO_DAY = date(2026, 3, 10)
NOW = datetime.combine(DEMO_DAY, time(9, 10))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SPP_CONFIG_DIR", tempfile.mkdtemp(prefix="spp-shots-config-"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

import spp_desktop.store.db  # noqa: E402,F401
from spp_desktop.app import application, build_main_window  # noqa: E402
from spp_desktop.demo import DEMO_PASSPHRASE, demo_package  # noqa: E402
from spp_desktop.domain.evidence import FAMILIES, EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui import theme  # noqa: E402
from spp_desktop.ui.settings import Settings  # noqa: E402

SHOTS: list[tuple[str, Callable[[Shots], QWidget | None]]] = []


def shot(name: str) -> Callable:
    def register(fn: Callable[[Shots], QWidget | None]) -> Callable[[Shots], QWidget | None]:
        SHOTS.append((name, fn))
        return fn
    return register


def settle(rounds: int = 6) -> None:
    for _ in range(rounds):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


class Shots:
    """What the shot functions share: a demo store, a window on it, and the review id."""

    def __init__(self, size: tuple[int, int]):
        self.size = size
        self.tmp = Path(tempfile.mkdtemp(prefix="spp-shots-"))
        self.data_dir = self.tmp / "demo"
        store = ReviewStore.create(self.data_dir, DEMO_PASSPHRASE, kdf_params=FAST_TEST_KDF)
        self.review_id = store.import_package(demo_package(start=DEMO_DAY))
        store.close()
        self.window = self.new_window(self.data_dir, demo=True, open_on_unlock=self.review_id)
        self.store: ReviewStore | None = None

    def new_window(self, folder: Path, **kwargs):
        window = build_main_window(folder, settings=Settings(), settings_file=self.tmp / "settings.json",
                                   kdf_params=FAST_TEST_KDF, clock=lambda: NOW, **kwargs)
        window.resize(*self.size)
        window.show()
        settle()
        return window

    def unlock(self) -> None:
        if self.window.is_locked:
            self.store = ReviewStore.open_with(ReviewStore.derive_key(self.data_dir, DEMO_PASSPHRASE))
            self.window.on_unlocked(self.store)
            settle()

    def open_review(self) -> None:
        self.unlock()
        if self.window.workspace is None:
            self.window.open_review(self.review_id)
            settle()

    def evidence_page(self):
        self.open_review()
        page = self.window.workspace.show_page("evidence")
        settle()
        return page

    def first_of(self, *kinds: EvidenceKind) -> str | None:
        assert self.store is not None
        found = [e for e in self.store.evidence(self.review_id) if e.kind in kinds]
        found.sort(key=lambda e: -len(e.searchable_text()))  # the fullest record of the kind
        return found[0].id if found else None


# --- the shots -------------------------------------------------------------------------------------
@shot("lock-first-run")
def lock_first_run(ctx: Shots) -> QWidget:
    window = ctx.new_window(ctx.tmp / "empty")
    window.lock_screen.passphrase.setText("walnut kettle")
    window.lock_screen.repeat.setFocus()
    settle()
    return window


@shot("lock-demo")
def lock_demo(ctx: Shots) -> QWidget:
    ctx.window.lock_screen.passphrase.setFocus()
    return ctx.window


@shot("lock-wrong-passphrase")
def lock_wrong(ctx: Shots) -> QWidget:
    window = ctx.new_window(ctx.data_dir)
    screen = window.lock_screen
    screen.passphrase.setText("brookfield reading")
    screen.submit()
    deadline = datetime.now().timestamp() + 20
    while not screen.error.isVisible() and datetime.now().timestamp() < deadline:
        QApplication.processEvents()
    settle()
    return window


@shot("lock-saved")
def lock_saved(ctx: Shots) -> QWidget:
    """Locked by itself while a record was open: the lock screen says the typing was saved."""
    window = ctx.new_window(ctx.data_dir, demo=True, open_on_unlock=ctx.review_id)
    window.on_unlocked(ReviewStore.open_with(ReviewStore.derive_key(ctx.data_dir, DEMO_PASSPHRASE)))
    settle()
    window.workspace.show_page("evidence")
    settle()
    window.lock(reason="idle")
    window.lock_screen.passphrase.setFocus()
    settle()
    return window


@shot("plan")
def plan(ctx: Shots) -> QWidget:
    ctx.open_review()
    ctx.window.workspace.show_page("plan")
    settle()
    return ctx.window


@shot("home")
def home(ctx: Shots) -> QWidget:
    ctx.unlock()
    ctx.window.show_home()
    settle()
    return ctx.window


@shot("evidence-list")
def evidence_list(ctx: Shots) -> QWidget | None:
    page = ctx.evidence_page()
    if not hasattr(page, "open_evidence"):
        return None
    return ctx.window


def _form(kinds: tuple[EvidenceKind, ...]) -> Callable[[Shots], QWidget | None]:
    def take(ctx: Shots) -> QWidget | None:
        page = ctx.evidence_page()
        evidence_id = ctx.first_of(*kinds)
        if evidence_id is None:
            return None
        page.open_evidence(evidence_id)
        settle()
        return ctx.window
    return take


for _family in FAMILIES:  # one capture form per family of the evidence-kind registry
    shot("capture-" + _family.key.replace("_", "-"))(_form(_family.kinds))


@shot("capture-from-slot")
def capture_from_slot(ctx: Shots) -> QWidget | None:
    ctx.open_review()
    plan_page = ctx.window.workspace.show_page("plan")
    settle()
    plan_page.activate_row(plan_page.table.currentRow())  # the current slot: a new, pre-filled form
    settle()
    return ctx.window


@shot("plan-dark")
def plan_dark(ctx: Shots) -> QWidget:
    app = QApplication.instance()
    theme.apply_theme(app, dark=True)
    ctx.window.close()
    ctx.window = ctx.new_window(ctx.data_dir, open_on_unlock=ctx.review_id)  # icons and colours afresh
    ctx.store = None
    ctx.open_review()
    return ctx.window


def run(names: list[str] | None, suffix: str, size: tuple[int, int]) -> list[Path]:
    app = application()
    theme.apply_theme(app, dark=False)
    OUT.mkdir(parents=True, exist_ok=True)
    ctx = Shots(size)
    written = []
    for name, take in SHOTS:
        if names and name not in names:
            continue
        widget = take(ctx)
        if widget is None:
            print(f"skipped {name} (not in this build)")
            continue
        settle()
        path = OUT / f"{name}{suffix}.png"
        widget.grab().save(str(path), "PNG", 0)  # 0: smallest file (lossless either way)
        written.append(path)
        print(f"wrote {path.relative_to(ROOT)}")
    ctx.window.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="names of the shots to take")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--no-hidpi", action="store_true", help="skip the 200%% shot")
    args = parser.parse_args()
    if args.list:
        print("\n".join([name for name, _ in SHOTS] + ["plan-200pct"]))
        return 0
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    size = (round(SIZE[0] / scale), round(SIZE[1] / scale))
    run(args.only, args.suffix, size)
    wants_hidpi = not args.only or "plan-200pct" in args.only
    if wants_hidpi and not args.no_hidpi and scale == 1:
        env = dict(os.environ, QT_SCALE_FACTOR="2")
        subprocess.run([sys.executable, __file__, "--only", "plan", "home", "--suffix=-200pct", "--no-hidpi"],
                       env=env, check=True)
    return 0



# --- findings, evidence matrix, feedback conversation and presentation (issue 4) -------------------
# Kept apart from the shots above; they run last, in the light theme, on the same demo review.
def _light_review_page(ctx: Shots, name: str):
    """The workspace page `name` in the light theme (a shot before may have switched to dark)."""
    if theme.is_dark():
        theme.apply_theme(QApplication.instance(), dark=False)
        ctx.window.close()
        ctx.window = ctx.new_window(ctx.data_dir, open_on_unlock=ctx.review_id)
        ctx.store = None
    ctx.open_review()
    page = ctx.window.workspace.show_page(name)
    settle()
    return page


@shot("findings")
def findings_shot(ctx: Shots) -> QWidget:
    page = _light_review_page(ctx, "findings")
    page.open_question(page.view.snapshot.questions[0].id)
    settle()
    return ctx.window


@shot("findings-one-source")
def findings_one_source(ctx: Shots) -> QWidget:
    page = _light_review_page(ctx, "findings")
    snap = page.view.snapshot
    thin = next((f for f in snap.findings if snap.finding_support(f).warning), snap.findings[-1])
    page.view.show_finding(thin.id)
    settle()
    return ctx.window


@shot("evidence-matrix")
def evidence_matrix(ctx: Shots) -> QWidget:
    page = _light_review_page(ctx, "findings")
    page.show_matrix()
    settle()
    return ctx.window


@shot("feedback")
def feedback_shot(ctx: Shots) -> QWidget:
    page = _light_review_page(ctx, "feedback")
    page.show_item(page.question_ids()[1])
    page.finish_building()
    settle()
    return ctx.window


@shot("feedback-next-steps")
def feedback_next_steps(ctx: Shots) -> QWidget:
    page = _light_review_page(ctx, "feedback")
    page.show_item("__outcome__")
    form = page.outcome_form
    if not form.priority.toPlainText():
        form.priority.setPlainText("Make expectations for written responses to reading build clearly "
                                   "from Year 3 to Year 6.")
        for text, owner in (("Map how written answers to reading should step up in each year group",
                             "English lead"),
                            ("Agree a shared expectation for how pupils with SEND access the class text",
                             "SENCo with the English lead")):
            row = form.add_action()
            row.text.setText(text)
            row.owner.setText(owner)
            row.autosaver.save_now()
    page.flush()
    settle()
    return ctx.window


@shot("presentation")
def presentation_shot(ctx: Shots) -> QWidget:
    from spp_desktop.ui.review.presentation import PresentationWindow

    page = _light_review_page(ctx, "feedback")
    page.flush()
    assert ctx.store is not None
    window = PresentationWindow(page.snapshot, ctx.store.outcome(ctx.review_id), ctx.store.actions(ctx.review_id),
                                index=1)
    window.resize(1920, 1080)  # a projector; full screen in use (F5), a plain window here
    window.show()
    settle()
    return window

# --- a real review from start to finish (issue 12): Prepare and Improve ---------------------------
def _prepare_tab(ctx: Shots, tab: str) -> QWidget:
    page = _light_review_page(ctx, "planning")
    store = ctx.store
    assert store is not None
    if not store.meeting(ctx.review_id).participants:
        from datetime import date as _date
        store.update_meeting(ctx.review_id, date=_date(2026, 2, 24), participants=["headteacher", "lead_reviewer",
                             "subject_leader"], self_review_summary="Our self-review found that pupils in Years "
                             "3 and 4 read with growing fluency, and that fewer older pupils choose to read at home.")
        first = store.review(ctx.review_id).questions[0]
        store.update_question(ctx.review_id, first.id, theme="Reading and literacy",
                              planned_sources=["observation", "book_scrutiny", "focus_group"])
        page.refresh()
    page.tabs.setCurrentWidget(getattr(page, tab))
    settle()
    return ctx.window


@shot("prepare-meeting")
def prepare_meeting(ctx: Shots) -> QWidget:
    return _prepare_tab(ctx, "meeting")


@shot("prepare-questions")
def prepare_questions(ctx: Shots) -> QWidget:
    return _prepare_tab(ctx, "questions")


@shot("prepare-timetable")
def prepare_timetable(ctx: Shots) -> QWidget:
    return _prepare_tab(ctx, "timetable")


def _improve_tab(ctx: Shots, tab: str) -> QWidget:
    from datetime import date as _date

    page = _light_review_page(ctx, "improvement")
    store = ctx.store
    assert store is not None
    if store.workshop(ctx.review_id).date is None:
        review = store.review(ctx.review_id)
        store.update_workshop(ctx.review_id, date=_date(2026, 3, 24), champion_id=review.lead_reviewer.id
                              if review.lead_reviewer else "", participants=["headteacher", "subject_leader",
                                                                               "class_teacher"])
        store.update_outcome(ctx.review_id, improvement_priority="More pupils in Years 5 and 6 choose to read "
                             "for pleasure, at school and at home.")
        areas = [f for f in store.findings(ctx.review_id) if f.kind.value == "area_to_develop"]
        if not areas:
            areas = [store.create_finding(ctx.review_id, review.questions[-1].id, "area_to_develop",
                                          "Fewer older pupils read at home than younger ones.")]
        store.update_finding(ctx.review_id, areas[0].id, status="agreed")
        if not store.actions(ctx.review_id):
            store.create_action(ctx.review_id, "A weekly book-talk session in every Year 5 and 6 class",
                                owner="English lead", due=_date(2026, 7, 17))
            store.create_action(ctx.review_id, "A reading-at-home routine agreed with families", owner="Deputy head",
                                due=_date(2026, 6, 12))
        if areas:
            store.add_root_cause(ctx.review_id, areas[0].id, "Reading at home is not part of the weekly routine "
                                 "once pupils leave Year 4.")
        for n, action in enumerate(store.actions(ctx.review_id)):
            store.update_action(ctx.review_id, action.id, start=_date(2026, 4, 20), support_school=(
                "Hillcrest Junior School" if n % 2 == 0 else "St Mary's C of E Primary"),
                progress=("under_way", "done", "changed_course")[n % 3])
        store.update_checkin(ctx.review_id, pupil_changes="More Year 5 and 6 pupils borrow books to take home.",
                             next_steps="Share the reading-at-home routine at the partnership's summer meeting.")
        page.refresh()
    page.tabs.setCurrentWidget(getattr(page, tab))
    settle()
    return ctx.window


@shot("improve-workshop")
def improve_workshop(ctx: Shots) -> QWidget:
    return _improve_tab(ctx, "workshop")


@shot("improve-checkin")
def improve_checkin(ctx: Shots) -> QWidget:
    return _improve_tab(ctx, "checkin")


# --- the main screens in Welsh (issue 7) -----------------------------------------------------------
#   python scripts/screenshots.py --welsh        -> docs/screenshots/cy-*.png
WELSH_SHOTS = ("lock-first-run", "lock-demo", "home", "plan", "capture-observation", "capture-interview",
               "capture-book-scrutiny", "evidence-list", "findings", "evidence-matrix", "feedback",
               "feedback-next-steps", "presentation", "prepare-meeting", "prepare-questions", "prepare-timetable",
               "improve-workshop", "improve-checkin", "closed-review", "home-closed")


def _dialog_shot(dialog: QWidget) -> QWidget:
    dialog.show()
    settle()
    dialog.resize(dialog.size().expandedTo(dialog.sizeHint()))  # never smaller than the dialog asks for
    settle()
    return dialog


def welsh_main() -> int:
    """The main screens, the welcome, About and Settings with the Welsh catalogue loaded."""
    from spp_desktop.ui import i18n
    from spp_desktop.ui.about import AboutDialog
    from spp_desktop.ui.help import UserGuideDialog, WelcomeDialog
    from spp_desktop.ui.settings import SettingsDialog

    app = application()
    theme.apply_theme(app, dark=False)
    if i18n.install_translation(app, "cy") != "cy":
        print("The Welsh catalogue is missing: run scripts/update_translations.sh")
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    ctx = Shots(SIZE)
    takers = dict(SHOTS)
    extra: dict[str, Callable[[Shots], QWidget | None]] = {
        "welcome": lambda c: _dialog_shot(WelcomeDialog(c.window)),
        "about": lambda c: _dialog_shot(AboutDialog(c.data_dir, c.window)),
        "settings": lambda c: _dialog_shot(SettingsDialog(Settings(language="cy"), c.window)),
        "user-guide": lambda c: _dialog_shot(UserGuideDialog(c.window)),
    }
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    for name in (*WELSH_SHOTS, *extra):
        if only and name not in only:
            continue
        take = extra.get(name) or takers.get(name)
        widget = take(ctx) if take else None
        if widget is None:
            print(f"skipped cy-{name}")
            continue
        settle()
        path = OUT / f"cy-{name}.png"
        widget.grab().save(str(path), "PNG", 0)
        print(f"wrote {path.relative_to(ROOT)}")
        if widget is not ctx.window:
            widget.close()
    ctx.window.close()
    return 0



# --- sync: sign in, reviews on the server, progress, conflicts (issue 6) ----------------------------
# Run last, in the light theme: the conflicts shot edits the demo store through a second "laptop".
_SYNC_OPEN: list[QWidget] = []


def _sync_dialog(widget: QWidget) -> QWidget:
    for old in _SYNC_OPEN:
        old.close()
    _SYNC_OPEN[:] = [widget]
    return _dialog_shot(widget)


def _signed_in(ctx: Shots) -> None:
    ctx.unlock()
    assert ctx.store is not None
    if not ctx.store.server_account():
        lead = ctx.store.review(ctx.review_id).reviewers[1]
        ctx.store.replica.save_server_account(url="https://sync.example.org", username="priya.shah", user_id=lead.id,
                                      token="screenshot")


@shot("sync-sign-in")
def sync_sign_in(ctx: Shots) -> QWidget:
    from spp_desktop.ui.sync.sign_in import SignInDialog

    _light_review_page(ctx, "plan")
    assert ctx.store is not None
    dialog = SignInDialog(ctx.store, parent=ctx.window)
    dialog.url.setText("https://sync.example.org")
    dialog.username.setText("priya.shah")
    dialog.show_error("The username or password is not right.")
    return _sync_dialog(dialog)


@shot("sync-reviews")
def sync_reviews(ctx: Shots) -> QWidget:
    from spp_desktop.ui.sync.checkout import ReviewsDialog
    from sync.client.wire import AssignedReview

    _signed_in(ctx)
    assert ctx.store is not None
    dialog = ReviewsDialog(ctx.store, parent=ctx.window, autoload=False)
    here = ctx.store.review(ctx.review_id)
    dialog.show_reviews([
        AssignedReview(ctx.review_id, here.host_school, here.start_date.isoformat(), here.end_date.isoformat(),
                       here.focus.title, "reviewer"),
        AssignedReview("5d0c8a61-7d51-4f3e-9a0e-2b6f4c1d9e70", "Hollins Park Primary School", "2026-04-21",
                       "2026-04-22", "Maths reasoning in Years 5 and 6", "lead_reviewer"),
    ])
    return _sync_dialog(dialog)


def _conflicting_laptop(ctx: Shots) -> None:
    """A second laptop (Tom's) edits a finding the lead also edits, and deletes one the lead edits."""
    assert ctx.store is not None
    store, rid = ctx.store, ctx.review_id
    if store.conflicts(rid):
        return
    other = ReviewStore.create(ctx.tmp / "tom", DEMO_PASSPHRASE, kdf_params=FAST_TEST_KDF)
    other.import_package(demo_package(start=DEMO_DAY))
    other.set_me(rid, store.review(rid).reviewers[2].id)
    first, second = [f for f in store.findings(rid) if not f.status.is_agreed][:2]  # a reviewer may not touch agreed ones
    other.update_finding(rid, first.id, text=first.text + " Pupils in Year 6 could explain how this helps them.")
    other.delete_finding(rid, second.id)
    store.update_finding(rid, first.id, text=first.text + " It is taught in the same order in every class.")
    store.update_finding(rid, second.id, text=second.text.rstrip(".") + ", including at lunchtime.")
    store.replica.apply_remote(rid, other.replica.export_ops(rid), on_server=False)
    other.close()


@shot("sync-conflicts")
def sync_conflicts(ctx: Shots) -> QWidget:
    _light_review_page(ctx, "findings")
    _conflicting_laptop(ctx)
    ctx.window.sync.refresh_status()
    dialog = ctx.window.sync.open_conflicts()
    assert dialog is not None
    return _sync_dialog(dialog)


@shot("sync-progress")
def sync_progress(ctx: Shots) -> QWidget:
    for old in _SYNC_OPEN:
        old.close()
    _light_review_page(ctx, "evidence")
    _conflicting_laptop(ctx)
    sync = ctx.window.sync
    sync.refresh_status()
    sync.status.show_started()
    sync.status.show_progress("push", 34, 120)
    settle()
    return ctx.window




# --- a review the partnership closed (issue 12): the dialog after a sync, and its Home card ---------------
# Run last: closing the demo review changes what every other shot would show.
def _closed(ctx: Shots) -> None:
    """The partnership's closure, signed as the server signs it (the demo review's authority is this laptop)."""
    import time as clock

    from sync.protocol import Operation, uuid7
    from sync.protocol.hlc import HLC
    from sync.protocol.ops import OpKind
    from sync.protocol.signing import sign_op

    ctx.unlock()
    assert ctx.store is not None
    if ctx.store.closed_on(ctx.review_id) is None:
        op = Operation(uuid7(), ctx.review_id, "server", 1, "server", HLC(int(clock.time() * 1000), 0, "server"),
                       "closure", ctx.review_id, OpKind.SET, {"closed_on": "2027-05-01", "reason": "closed"}, {})
        ctx.store.replica.apply_remote(ctx.review_id, [sign_op(op, ctx.store._core.signing_key)], on_server=False)


@shot("closed-review")
def closed_review_shot(ctx: Shots) -> QWidget:
    from spp_desktop.services.closing import closed_review
    from spp_desktop.ui.sync.closed_review import ClosedReviewDialog

    _closed(ctx)
    ctx.window.show_home()
    assert ctx.store is not None
    closed = closed_review(ctx.store, ctx.review_id)
    assert closed is not None
    return _sync_dialog(ClosedReviewDialog(ctx.store, closed, ctx.window))


@shot("home-closed")
def home_closed(ctx: Shots) -> QWidget:
    for old in _SYNC_OPEN:
        old.close()
    _closed(ctx)
    ctx.window.show_home()
    settle()
    return ctx.window


if __name__ == "__main__":
    sys.exit(welsh_main() if "--welsh" in sys.argv else main())
