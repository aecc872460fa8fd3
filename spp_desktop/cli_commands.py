"""The headless subcommands. Each opens the store, does one job, and closes it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sync.protocol.package import MAX_PACKAGE_FILE_BYTES, PackageError, parse_package_json

from .cli_common import (
    UserError,
    ask_passphrase,
    new_passphrase,
    open_store,
    print_json,
    resolve_review_id,
    user_errors,
)
from .cli_exit import EXIT_CONFLICT, EXIT_INVALID
from .paths import data_dir
from .store.repository import ReviewStore


def cmd_init(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    if ReviewStore.exists(folder):
        raise UserError(f"There is already a review store in {folder}.")
    passphrase = new_passphrase(args)
    with user_errors():
        try:
            ReviewStore.create(folder, passphrase).close()
        except PermissionError:
            raise UserError(f"SPP Desktop cannot write to the folder {folder}. Choose another with --data-dir.") from None
        except FileExistsError:
            raise UserError(f"There is a review database in {folder} but no key file to open it: restore "
                            "keyfile.json from a backup of this folder. Nothing was changed.") from None
    print(f"Created an encrypted review store in {folder}.")
    return 0


def _read_json(path: str) -> dict:
    try:
        size = Path(path).stat().st_size
        if size > MAX_PACKAGE_FILE_BYTES:  # refused before it is read: memory stays bounded
            raise UserError(f"The file {path} is {size // 2**20} MB; a review package is at most "
                            f"{MAX_PACKAGE_FILE_BYTES // 2**20} MB, so it was not read.", EXIT_INVALID)
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"There is no file {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"The file {path} could not be read ({exc.__class__.__name__}).", EXIT_INVALID) from None
    try:
        return parse_package_json(text)
    except PackageError as exc:  # too many records: refused while parsing, memory stays bounded
        raise UserError(f"The file {path} {exc.problem}.", EXIT_INVALID) from None
    except json.JSONDecodeError as exc:
        raise UserError(f"The file {path} is not valid JSON (line {exc.lineno}, column {exc.colno}).", EXIT_INVALID) from None
    except RecursionError:
        raise UserError(f"The file {path} is nested far too deeply to be a review package, so it was not read.",
                        EXIT_INVALID) from None


def cmd_import_review(args: argparse.Namespace) -> int:
    doc = _read_json(args.file)
    with open_store(args) as store, user_errors():
        review_id = store.import_package(doc, me=args.member)
        review = store.review(review_id)
    print(f"Imported the review of {review.host_school} ({review_id}).")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store, user_errors():
        reviews = store.list_reviews()
    if getattr(args, "json", False):
        print_json([{"id": r.id, "host_school": r.host_school, "start_date": r.start_date.isoformat(),
                     "end_date": r.end_date.isoformat(), "focus": r.focus} for r in reviews])
        return 0
    for r in reviews:
        dates = r.start_date.isoformat() if r.start_date == r.end_date else f"{r.start_date}..{r.end_date}"
        print(f"{r.id}\t{r.host_school}\t{dates}\t{r.focus}")
    return 0


def cmd_export_review(args: argparse.Namespace) -> int:
    with open_store(args) as store, user_errors():
        doc = store.export_package(resolve_review_id(store, args.review_id))
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"Wrote {args.out}. It is NOT encrypted: keep it safe and delete it when done.", file=sys.stderr)
    else:
        print(text)
    return 0


def cmd_remove_review(args: argparse.Namespace) -> int:
    """A review the partnership closed, off this laptop (after `export-pdf` for what is to be kept)."""
    from .services.closing import StillUnsynced, remove_closed_review
    with open_store(args) as store, user_errors():
        review_id = resolve_review_id(store, args.review_id)
        school = store.review(review_id).host_school
        try:
            remove_closed_review(store, review_id)
        except ValueError:
            raise UserError(f"The review of {school} is still open: only a review the partnership has closed is "
                            "removed from this laptop.", EXIT_CONFLICT) from None
        except StillUnsynced as exc:
            raise UserError(f"{exc.count} change(s) made on this laptop have not reached the server yet; run "
                            "`spp-desktop sync`, then remove the review.", EXIT_CONFLICT) from None
    print(f"Removed the closed review of {school} from this laptop.")
    return 0


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    if not ReviewStore.exists(folder):
        raise UserError(f"There is no review store in {folder}.")
    old = ask_passphrase(args, "Current passphrase: ")
    new = new_passphrase() if "SPP_NEW_PASSPHRASE" in os.environ or sys.stdin.isatty() else None
    if new is None:
        raise UserError("Set SPP_NEW_PASSPHRASE to the new passphrase (or run this at a terminal).")
    with user_errors():
        ReviewStore.change_passphrase(folder, old, new)
    print("Passphrase changed.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import demo_package
    folder = data_dir(args.data_dir)
    if not ReviewStore.exists(folder):
        with user_errors():
            ReviewStore.create(folder, new_passphrase(args)).close()
    with open_store(args) as store, user_errors():
        review_id = store.import_package(demo_package(date.today()))
        review = store.review(review_id)
        count = len(store.evidence(review_id))
    print(f"Added the demo review of {review.host_school} ({review_id}) with {count} evidence records.")
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from .reports.feedback_pdf import NothingToReport, render_feedback_pdf
    from .reports.improvement_pdf import render_improvement_pdf
    from .services.documents import feedback_report, improvement_report
    document = getattr(args, "document", "feedback")
    with open_store(args) as store, user_errors():
        review_id = resolve_review_id(store, args.review_id)
        if document == "feedback":
            report = feedback_report(store, review_id, language=args.language)
        else:
            plan = improvement_report(store, review_id, language=args.language)
    try:
        if document == "feedback":
            render_feedback_pdf(report, Path(args.out))
        else:
            render_improvement_pdf(plan, "workshop" if document == "workshop" else "checkin", Path(args.out))
    except NothingToReport as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"Could not write {args.out}: {exc.strerror}.") from None
    print(f"Wrote {args.out}. It is NOT encrypted: share it only as the data-sharing agreement allows.", file=sys.stderr)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "import-review": cmd_import_review,
    "list": cmd_list,
    "export-review": cmd_export_review,
    "remove-review": cmd_remove_review,
    "change-passphrase": cmd_change_passphrase,
    "demo": cmd_demo,
    "export-pdf": cmd_export_pdf,
}

