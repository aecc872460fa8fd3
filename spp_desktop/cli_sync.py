"""Sync subcommands: login, checkout, sync, bundle-export, bundle-import.

    spp-desktop login --server https://sync.example.org --username jo    (password prompted, or SPP_SERVER_PASSWORD)
    spp-desktop checkout [REVIEW_ID]        (no id: list the reviews assigned to you)
    spp-desktop sync [REVIEW_ID]            (no id: every checked-out review)
    spp-desktop bundle-export REVIEW_ID --out FILE
    spp-desktop bundle-import FILE

A custom CA bundle for a self-hosted server: --ca-bundle FILE or SPP_SERVER_CA_BUNDLE. `--json` on
checkout, sync and bundle-import prints one JSON document for scripts. Errors are one sentence on stderr
and an exit status (cli_exit.py: 4 a refused bundle, 6 offline, 7 signed out, 8 the server refused
changes or the request), never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .cli_common import UserError, add_output_option, open_store, print_json, resolve_review_id, user_errors
from .cli_exit import EXIT_CONFLICT, EXIT_ERROR, EXIT_INVALID, sync_exit_status

PASSWORD_ENV = "SPP_SERVER_PASSWORD"


class _Service:
    """The sync service, imported on first use: building the parser must stay fast for the GUI."""

    def __getattr__(self, name: str) -> Any:
        from .services import sync_service
        return getattr(sync_service, name)


service = _Service()


@contextmanager
def sync_errors() -> Iterator[None]:
    from sync.client.errors import SyncError
    from sync.protocol.bundle import BundleError
    try:
        with user_errors():
            yield
    except BundleError as exc:
        raise UserError(exc.message, EXIT_INVALID) from None
    except SyncError as exc:
        raise UserError(exc.message, sync_exit_status(exc)) from None
    except OSError as exc:
        raise UserError(service.error_text(exc), EXIT_ERROR) from None


def _options(args: argparse.Namespace) -> dict[str, Any]:
    return {"ca_bundle": args.ca_bundle} if getattr(args, "ca_bundle", None) else {}


def _password(username: str) -> str:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise UserError(f"No password: type it at the prompt, or set {PASSWORD_ENV} for scripts.")
    return getpass.getpass(f"Server password for {username}: ")


def cmd_login(args: argparse.Namespace) -> int:
    password = _password(args.username)
    with open_store(args) as store, sync_errors():
        account = service.sign_in(store, args.server, args.username, password, device_name=args.device_name,
                                  **_options(args))
    print(f"Signed in to {account.url} as {account.display_name} ({account.username}). "
          "The sign-in is kept inside the encrypted store.")
    return 0


def cmd_checkout(args: argparse.Namespace) -> int:
    with open_store(args) as store, sync_errors():
        assigned = service.assigned_reviews(store, **_options(args))
        if not args.review_id:
            if args.json:
                print_json([dict(dataclasses.asdict(r), on_this_laptop=store.has_review(r.id)) for r in assigned])
                return 0
            if not assigned:
                print("No reviews are assigned to you on the server.")
            for r in assigned:
                here = " (on this laptop)" if store.has_review(r.id) else ""
                print(f"{r.id}\t{r.host_school}\t{r.start_date}..{r.end_date}\t{r.focus}\t{r.role}{here}")
            return 0
        matches = [r for r in assigned if r.id == args.review_id] or [
            r for r in assigned if r.id.startswith(args.review_id)]
        if len(matches) != 1:
            raise UserError(f"No review {args.review_id} is assigned to you. "
                            "'spp-desktop checkout' lists the reviews that are.", EXIT_CONFLICT)
        review = matches[0]
        report = service.check_out(store, review.id, **_options(args))
        if args.json:
            print_json(dict(_report_json(report, store), host_school=review.host_school))
        else:
            print(f"Checked out the review of {review.host_school} ({review.id}).")
            _print_report(report, store)
    return _refused_status(report)


def _report_json(report: Any, store: Any) -> dict[str, Any]:
    data = dataclasses.asdict(report)
    data["rejected"] = [{"op_id": op_id, "reason": reason} for op_id, reason in report.rejected]
    data["in_step"] = report.in_step
    data["status"] = service.sync_status_text(store, report.review_id)
    closed = store.closed_on(report.review_id)
    data["closed_on"] = closed.isoformat() if closed else None
    return data


def _refused_status(*reports: Any) -> int:
    """8 when the server refused some changes (they stay on this laptop, listed in the report), else 0."""
    return EXIT_CONFLICT if any(r.rejected for r in reports) else 0


def _print_report(report: Any, store: Any) -> None:
    for line in service.report_lines(report):
        print(line)
    print(f"{service.sync_status_text(store, report.review_id)} (state {report.local_hash[:12]}; "
          f"server {report.server_hash[:12]}).")
    closed = store.closed_on(report.review_id)
    if closed:  # the app's dialog, in words: save what is needed, then remove it
        print(f"The partnership closed this review on {closed.isoformat()}. Save what you need (spp-desktop "
              f"export-pdf {report.review_id} --document feedback|workshop|check-in -o FILE), then remove it "
              f"from this laptop: spp-desktop remove-review {report.review_id}")


def cmd_sync(args: argparse.Namespace) -> int:
    with open_store(args) as store, sync_errors():
        if args.review_id:
            reports = [service.sync_review(store, resolve_review_id(store, args.review_id), **_options(args))]
        else:
            reports = service.sync_all(store, **_options(args))
            if not reports and not args.json:
                print("There is nothing to sync: no review on this laptop was checked out from the server.")
        if args.json:
            print_json({"reviews": [_report_json(report, store) for report in reports]})
            return _refused_status(*reports)
        for report in reports:
            if len(reports) > 1:
                print(f"Review {report.review_id}:")
            _print_report(report, store)
    return _refused_status(*reports)


def cmd_bundle_export(args: argparse.Namespace) -> int:
    with open_store(args) as store, sync_errors():
        result = service.export_bundle_file(store, resolve_review_id(store, args.review_id), args.out)
    print(f"Wrote {args.out}: {result.ops} changes and {result.photos} photos, encrypted for the review team.")
    for evidence_id, attachment_id in result.damaged:
        print(f"A photo of evidence record {evidence_id} (photo {attachment_id}) is damaged on this laptop, so it "
              "was left out of the bundle; everything else is in it.", file=sys.stderr)
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with open_store(args) as store, sync_errors():
        result = service.import_bundle_file(store, args.file)
        school = store.review(result.review_id).host_school
    if args.json:
        print_json(dict(dataclasses.asdict(result), host_school=school))
        return 0
    print(f"Added {result.added} changes ({result.duplicates} were here already) and {result.photos} photos "
          f"to the review of {school}.")
    return 0


SYNC_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "login": cmd_login,
    "checkout": cmd_checkout,
    "sync": cmd_sync,
    "bundle-export": cmd_bundle_export,
    "bundle-import": cmd_bundle_import,
}


def add_sync_commands(sub: Any) -> None:
    """Register the sync subcommands on the main parser."""
    tls = argparse.ArgumentParser(add_help=False)
    tls.add_argument("--ca-bundle", help="CA certificate file for a self-hosted server "
                     "(or SPP_SERVER_CA_BUNDLE); certificates are always checked")
    p = sub.add_parser("login", parents=[tls], help="sign this laptop in to the sync server")
    p.add_argument("--server", required=True, help="the server address, e.g. https://sync.example.org")
    p.add_argument("--username", required=True)
    p.add_argument("--device-name", help="how this laptop is listed on the server")
    p = sub.add_parser("checkout", parents=[tls], help="bring an assigned review onto this laptop "
                       "(no id: list the reviews assigned to you)")
    p.add_argument("review_id", nargs="?")
    p.add_argument("--json", action="store_true", help="one JSON document, for scripts")
    p = sub.add_parser("sync", parents=[tls], help="sync a review (default: every checked-out review)")
    p.add_argument("review_id", nargs="?")
    p.add_argument("--json", action="store_true", help="one JSON document, for scripts")
    p = sub.add_parser("bundle-export", help="write an encrypted team bundle of a review (offline merge)")
    p.add_argument("review_id")
    add_output_option(p, required=True)
    p = sub.add_parser("bundle-import", help="apply a team member's bundle")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="one JSON document, for scripts")
