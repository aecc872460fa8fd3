"""What the CLI's command modules share: the user error, the passphrase prompts, opening the store,
--json output, finding a review by (a prefix of) its id and the -o/--output option.

`cli_commands` and `cli_sync` import this and never each other; `cli.py` puts their command tables
together. Importing it stays cheap (the store is imported on first use): `cli.py` builds the parser
from it before the GUI starts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .cli_exit import EXIT_CORRUPT, EXIT_ERROR, EXIT_INVALID, EXIT_PASSPHRASE

if TYPE_CHECKING:
    from .store.repository import ReviewStore


class UserError(Exception):
    def __init__(self, message: str, status: int = EXIT_ERROR):
        super().__init__(message)
        self.message = message
        self.status = status


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the store's errors into one sentence and an exit status."""
    from sync.protocol.package import PackageError

    from .store.errors import KeyFileCorrupt, NewerFormat, StoreCorrupt, StoreError, WrongPassphrase
    try:
        yield
    except WrongPassphrase as exc:
        raise UserError(exc.user_message, EXIT_PASSPHRASE) from None
    except (StoreCorrupt, KeyFileCorrupt, NewerFormat) as exc:
        raise UserError(exc.user_message, EXIT_CORRUPT) from None
    except StoreError as exc:
        raise UserError(exc.user_message) from None
    except PackageError as exc:
        raise UserError(f"The review package is not valid: {exc.path} {exc.problem}.", EXIT_INVALID) from None


def _passphrase_file(args: argparse.Namespace | None) -> str | None:
    """The first line of --passphrase-file or SPP_PASSPHRASE_FILE (as restic and borg take it), or None."""
    path = getattr(args, "passphrase_file", None) or os.environ.get("SPP_PASSPHRASE_FILE")
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            line = fh.readline().rstrip("\r\n")
    except FileNotFoundError:
        raise UserError(f"There is no passphrase file {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"The passphrase file {path} could not be read ({exc.__class__.__name__}).") from None
    if not line:
        raise UserError(f"The passphrase file {path} is empty: the passphrase goes on its first line.")
    return line


def _scripted_passphrase(args: argparse.Namespace | None) -> str | None:
    from_file = _passphrase_file(args)
    return from_file if from_file is not None else os.environ.get("SPP_PASSPHRASE")


def ask_passphrase(args: argparse.Namespace | None = None, prompt: str = "Passphrase: ") -> str:
    scripted = _scripted_passphrase(args)
    if scripted is not None:
        return scripted
    if not sys.stdin.isatty():
        raise UserError("No passphrase: type it at the prompt, or give --passphrase-file FILE (or set "
                        "SPP_PASSPHRASE_FILE or SPP_PASSPHRASE) for scripts.")
    return getpass.getpass(prompt)


def new_passphrase(args: argparse.Namespace | None = None) -> str:
    from .domain.passphrase import passphrase_problem
    env = os.environ.get("SPP_NEW_PASSPHRASE") or (_scripted_passphrase(args) if not sys.stdin.isatty() else None)
    if env is not None:
        passphrase = env
    else:
        passphrase = getpass.getpass("Choose a passphrase (12 characters or more): ")
        if getpass.getpass("Type it again: ") != passphrase:
            raise UserError("The two passphrases are not the same; nothing was changed.")
    problem = passphrase_problem(passphrase)
    if problem:
        raise UserError(problem)
    return passphrase


@contextmanager
def open_store(args: argparse.Namespace) -> Iterator[ReviewStore]:
    from .paths import data_dir
    from .store.repository import ReviewStore
    folder = data_dir(args.data_dir)
    if not ReviewStore.exists(folder):
        raise UserError(f"There is no review store in {folder} yet. Run 'spp-desktop init' first.")
    with user_errors():
        store = ReviewStore.unlock(folder, ask_passphrase(args))
        if store.lost_changes:
            print(f"Warning: {store.lost_changes} of the changes saved on this laptop before it last closed are "
                  "missing: the store's journal file (store.db-wal) was deleted or damaged. Changes already "
                  "synced come back with the next sync.", file=sys.stderr)
        try:
            yield store
        finally:
            store.close()


def print_json(value: object) -> None:
    """--json output: one JSON document on standard output (messages stay on standard error)."""
    print(json.dumps(value, indent=2, ensure_ascii=False))


def resolve_review_id(store: ReviewStore, wanted: str) -> str:
    """The review whose id is `wanted`, or the one review whose id starts with it."""
    if store.has_review(wanted):
        return wanted
    matches = [rid for rid in store.review_ids() if rid.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    raise UserError(f"There is no review {wanted} on this laptop. 'spp-desktop list' shows the reviews.")


def add_output_option(parser: argparse.ArgumentParser, **kwargs: object) -> None:
    """-o/--output FILE, the one spelling in both CLIs (spp-server too); --out stays as an alias."""
    parser.add_argument("-o", "--output", "--out", dest="out", metavar="FILE", **kwargs)  # type: ignore[arg-type]
