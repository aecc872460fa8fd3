"""Command line: the GUI by default, and headless subcommands for scripting, support and portability.

The passphrase comes from an interactive prompt, or for scripts from --passphrase-file FILE,
SPP_PASSPHRASE_FILE or SPP_PASSPHRASE. A user error is one plain sentence and an exit status (see
cli_exit.py: 2 usage, 3 damaged store, 4 invalid input, 5 wrong passphrase, 6 offline, 7 signed out,
8 conflict with the server), never a traceback.

This module is the one that knows both command modules: `cli_commands` (the store's own jobs) and
`cli_sync` (the server and bundles) share their helpers through `cli_common` and never import each other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .cli_common import UserError, add_output_option
from .cli_exit import EXIT_ERROR
from .cli_sync import SYNC_COMMANDS, add_sync_commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spp-desktop",
        description="SPP Desktop: encrypted review-day fieldwork for Schools Partnership Programme peer reviews.",
    )
    parser.add_argument("--version", action="version", version=f"SPP Desktop {__version__}")
    parser.add_argument("--data-dir", help="where the encrypted store lives (default: the platform's data folder; "
                        "or set SPP_DATA_DIR)")
    parser.add_argument("--demo", action="store_true", help="open the demo review in a throwaway data folder")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from the first line of FILE (or set SPP_PASSPHRASE_FILE)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", help="open the app (the default)")
    sub.add_parser("init", help="create a new encrypted store, choosing its passphrase")
    p = sub.add_parser("import-review", help="add a review from a review package (JSON)")
    p.add_argument("file")
    p.add_argument("--as", dest="member", help="team member id of the reviewer using this laptop (default: the lead)")
    p = sub.add_parser("list", help="one review a line: id, school, dates, focus")
    p.add_argument("--json", action="store_true", help="a JSON array, for scripts")
    p = sub.add_parser("export-review", help="write a review, decrypted, as a package (JSON)")
    p.add_argument("review_id")
    add_output_option(p, help="file to write (default: standard output)")
    p = sub.add_parser("remove-review", help="remove a review the partnership closed (once it is all synced)")
    p.add_argument("review_id")
    sub.add_parser("change-passphrase", help="choose a new passphrase (re-wraps the key; the data is untouched)")
    sub.add_parser("demo", help="add the built-in demo review to the store")
    p = sub.add_parser("export-pdf", help="write the feedback summary, workshop plan or check-in note PDF")
    p.add_argument("review_id")
    add_output_option(p, required=True)
    p.add_argument("--language", choices=("en", "cy"), default="en")
    p.add_argument("--document", choices=("feedback", "workshop", "check-in"), default="feedback",
                   help="which document (default: the feedback summary)")
    add_sync_commands(sub)
    p = sub.add_parser("completion", help="print a shell completion script: eval \"$(spp-desktop completion bash)\"")
    p.add_argument("shell", choices=("bash", "zsh"), help="zsh: after autoload -U bashcompinit && bashcompinit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    if command == "completion":
        from .cli_completion import bash_script
        print(bash_script(build_parser()), end="")
        return 0
    if command == "gui":
        from .app import run_gui
        return run_gui(data_dir=args.data_dir, demo=args.demo)
    from .datadir import DataDirProblem, InstanceLock, check_writable
    from .paths import data_dir
    try:
        folder = data_dir(args.data_dir)
        check_writable(folder)
        with InstanceLock(folder):  # never beside a running copy of the app (or another command)
            return dispatch(command, args)
    except DataDirProblem as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return EXIT_ERROR
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return exc.status
    except OSError as exc:  # what the commands do not word themselves: still one sentence, no traceback
        print(os_error_sentence(exc), file=sys.stderr)
        return EXIT_ERROR


def dispatch(command: str, args: argparse.Namespace) -> int:
    """Run a headless subcommand: the store's own from cli_commands (imported here: it loads the store),
    the server's and bundles' from cli_sync (which loads the HTTP stack only when a command runs)."""
    from .cli_commands import COMMANDS
    return {**COMMANDS, **SYNC_COMMANDS}[command](args)


def os_error_sentence(exc: OSError) -> str:
    import errno
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ("The disk is full, so SPP Desktop could not finish. Nothing saved before was lost; free some "
                "space and run the command again.")
    where = f" {exc.filename}" if exc.filename else ""
    return f"SPP Desktop could not read or write{where} ({exc.strerror or exc.__class__.__name__}), so the command stopped."
