"""spp-server: serve the API, migrate its database, run a partnership from the command line, or make a demo.

    spp-server db upgrade --database URL  (migrations only, under a lock; run it before serve)
    spp-server serve --database URL --host 127.0.0.1 --port 8443 [--ssl-certfile F --ssl-keyfile F]
    spp-server admin list-reviews --database URL
    spp-server admin close-review REVIEW_ID --database URL  (the laptops remove it at their next sync)
    spp-server admin purge-expired --database URL
    spp-server demo --database URL        (prints the demo accounts as JSON)
    spp-server key create --key-file PATH  (the data key; keep it apart from the database and its backups)
    spp-server key rotate --key-file PATH --database URL   (with the server stopped)

The database URL may also come from SPP_SERVER_DATABASE; SQLite (a file) is the default. Every command
that opens the database needs the data key: --key-file PATH or SPP_SERVER_KEY_FILE. Every setting has
an environment variable (docs/operations.md). Exit statuses: 0 done, 1 refused (the admin command could
not be done: it says why), 2 usage, 3 a bad setting or data key, 4 the database is not ready (schema
behind or ahead, or unreachable).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from . import admin, admin_plan, closing, retention, schedule, serve
from .data_key import DataKeyError, DataKeys, create_key_file
from .db import backup_sqlite, is_sqlite, make_engine, schema_status, upgrade
from .env import SettingsError
from .settings import DEFAULT_DATABASE, VERSION, Settings
from .storage import Storage

EXIT_REFUSED, EXIT_USAGE, EXIT_SETTINGS, EXIT_DATABASE = 1, 2, serve.EXIT_SETTINGS, serve.EXIT_DATABASE


def _database(args: argparse.Namespace) -> str:
    return args.database or os.environ.get("SPP_SERVER_DATABASE") or DEFAULT_DATABASE


def _key_file(args: argparse.Namespace) -> str:
    path = getattr(args, "key_file", None) or os.environ.get("SPP_SERVER_KEY_FILE")
    if not path:
        raise DataKeyError(
            "Name the server's data key with --key-file PATH or SPP_SERVER_KEY_FILE "
            "(create one with `spp-server key create --key-file PATH`)."
        )
    return path


def _storage(args: argparse.Namespace, migrate: bool = False) -> Storage:
    """Storage on an up-to-date schema: admin commands never migrate (that is `db upgrade`)."""
    keys = DataKeys.load(_key_file(args))
    settings = Settings.from_env(database_url=_database(args))
    engine = make_engine(settings.database_url, settings.db_pool_size, settings.db_max_overflow)
    serve.check_schema(engine, migrate)
    return Storage(engine, keys)


def _waiting() -> None:
    print("Waiting for another process to finish migrating...", file=sys.stderr)


def _months(text: str) -> int:
    if not text.strip().isdigit():
        raise admin.AdminError(f"{text!r} is not a number of months (or 'default').")
    return int(text)


def cmd_db(args: argparse.Namespace) -> int:
    engine = make_engine(_database(args), 2, 0)  # the migration lock holds one connection
    try:
        status = schema_status(engine)
        if args.action == "status":
            state = "up to date" if status.up_to_date else ("newer than this server" if status.newer else "behind")
            print(f"schema {status.current or 'none'}; this server needs {status.head} ({state})")
            return 0 if status.up_to_date else EXIT_DATABASE
        if args.action == "backup":
            if not is_sqlite(engine):
                raise admin.AdminError("Back up a PostgreSQL database with pg_dump (docs/operations.md).")
            if Path(args.to).exists():
                raise admin.AdminError(f"{args.to} exists already; name a new file.")
            backup_sqlite(engine, Path(args.to))
            print(f"Wrote {args.to}. Back up the data key file too, and keep it apart from this copy.")
            return 0
        if status.newer:
            raise serve.NotReady(f"The database was migrated by a newer spp-server (revision {status.current}).")
        upgrade(engine, on_wait=_waiting)
        print(f"The database schema is at {schema_status(engine).current} (up to date).")
        return 0
    finally:
        engine.dispose()


def cmd_key(args: argparse.Namespace) -> int:
    path = Path(_key_file(args))
    if args.action == "create":
        create_key_file(path)
        print(f"Created the data key {path}. Keep a copy somewhere safe, apart from the database backups.")
        return 0
    from .storage_rekey import rotate

    engine = make_engine(_database(args))
    serve.check_schema(engine, migrate=False)
    report = rotate(engine, path)
    engine.dispose()
    print(
        f"Resealed under key {report.key_id}: {report.ops} ops, {report.reviews} reviews, "
        f"{report.users} users, {report.chunks} attachment chunks"
        f"{' and the server signing key' if report.signing_key else ''}. The old keys are gone from {path}."
    )
    return 0


def _password(prompt_for: str) -> str:
    if os.environ.get("SPP_NEW_PASSWORD"):
        return os.environ["SPP_NEW_PASSWORD"]
    if not sys.stdin.isatty():
        raise admin.AdminError("Set SPP_NEW_PASSWORD or run in a terminal to be asked for the password.")
    first = getpass.getpass(f"Password for {prompt_for}: ")
    if first != getpass.getpass("Again: "):
        raise admin.AdminError("The two passwords differ.")
    return first


def cmd_serve(args: argparse.Namespace) -> int:
    return serve.cmd_serve(args, args.database, _key_file(args))


def cmd_demo(args: argparse.Namespace) -> int:
    from .web.demo import extend_demo
    from .web.storage import WebStorage

    storage = _storage(args, migrate=True)
    result = extend_demo(storage, WebStorage(storage.engine, storage.keys), admin.demo(storage))
    print(json.dumps(result, indent=2))
    for account in result["accounts"]:  # on stderr: stdout stays JSON for scripts and tests
        print(f"{account['username']:24} {account['role']:22} {account['password']}", file=sys.stderr)
    return 0


def _admin(args: argparse.Namespace) -> int:
    storage = _storage(args)
    action = args.action
    if action == "create-partnership":
        print(admin.create_partnership(storage, args.name))
    elif action == "add-school":
        print(admin.add_school(storage, args.partnership, args.name))
    elif action == "add-user":
        print(
            admin.add_user(
                storage,
                args.username,
                args.display_name or args.username,
                _password(args.username),
                partnership=args.partnership,
                school=args.school,
                partnership_lead=args.partnership_lead,
            )
        )
    elif action == "create-review":
        questions = [q for q in args.question or []]
        print(
            admin.create_review(
                storage,
                args.partnership,
                args.host_school,
                args.start_date,
                args.end_date,
                args.focus,
                questions,
                focus_description=args.focus_description or "",
                headteacher=args.headteacher or "",
            )
        )
    elif action == "assign":
        role = "lead_reviewer" if args.lead else "improvement_champion" if args.champion else "reviewer"
        try:
            admin.assign(storage, args.review_id, args.username, role, allow_host_school=args.allow_host_school)
        except admin.AdminError as exc:
            if str(exc) == admin.HOST_SCHOOL_REFUSAL:
                raise admin.AdminError(f"{exc} Give --allow-host-school to assign them all the same "
                                       "(it is recorded).") from None
            raise
    elif action == "edit-review":
        written = admin_plan.edit_review(
            storage,
            args.review_id,
            focus=args.focus,
            focus_description=args.focus_description,
            start_date=args.start_date,
            end_date=args.end_date,
            add_questions=args.add_question or [],
            edit_questions=[tuple(pair) for pair in args.edit_question or []],
            retire_questions=args.retire_question or [],
        )
        print(f"{written} change(s) recorded; the team's laptops get them at their next sync.")
        for number, text in enumerate(admin_plan.list_questions(storage, args.review_id), start=1):
            print(f"  {number}. {text}")
    elif action == "import-plan":
        written = admin_plan.import_plan(storage, args.review_id, Path(args.csv))
        print(f"{written} slot(s) recorded; the team's laptops get them at their next sync.")
    elif action == "close-review":
        today = datetime.now(UTC).date()
        if closing.close_review(storage, args.review_id, today):
            print(f"Closed on {today.isoformat()}. Each team laptop offers an export and removes its copy at its "
                  "next sync; the server keeps the review until its retention date (purge-expired).")
        else:
            print(f"Already closed on {closing.closed_on(storage, args.review_id)}; nothing changed.")
    elif action == "import-schedule":
        for review_id in schedule.import_schedule(storage, args.partnership, Path(args.csv)):
            print(review_id)
    elif action == "list-reviews":
        rows = admin.list_reviews(storage, args.partnership, Settings.from_env().retention_months)
        if args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            print(
                f"{'review id':36}  {'dates':23}  {'stage':10}  {'keep until':10}  {'ops':>6}  {'last activity':20}  "
                "host school / focus"
            )
            for r in rows:
                print(
                    f"{r['id']:36}  {r['start_date']} to {r['end_date']}  {r['stage']:10}  {r['keep_until']:10}  {r['op_count']:>6}  "
                    f"{r['last_activity'] or '-':20}  {r['host_school']} / {r['focus']}"
                )
    elif action == "set-retention":
        months = None if args.months == "default" else _months(args.months)
        admin.set_retention(storage, args.partnership, months)
        default = Settings.from_env().retention_months
        print(f"{args.partnership} keeps reviews {months or default} months after the check-in"
              + ("" if months else " (the server's default, SPP_SERVER_RETENTION_MONTHS)") + ".")
    elif action == "purge-expired":
        months = Settings.from_env().retention_months
        purged = retention.purge_expired(storage, datetime.now(UTC).date(), months)
        for p in purged:
            print(f"{p.review_id}  kept until {p.keep_until}: {p.ops} change(s), {p.attachments} photo(s) removed")
        print(f"{len(purged)} review(s) past their retention date ({months} months, or their partnership's own); "
              "only their outcome is kept.")
    elif action == "list-devices":
        user = storage.user_by_username(args.username.strip().lower())
        if user is None:
            raise admin.AdminError("There is no user with this username.")
        print(json.dumps(storage.devices_of(user["id"]), indent=2, ensure_ascii=False))
    elif action == "revoke-device":
        admin.revoke_device(storage, args.device_id)
    elif action == "export-review":
        text = json.dumps(admin.export_review(storage, args.review_id), indent=2, ensure_ascii=False)
        if args.output:
            Path(args.output).write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spp-server", description="SPP Desktop's central sync server.")
    parser.add_argument("--version", action="version", version=f"spp-server {VERSION}")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", help="database URL (default: SPP_SERVER_DATABASE, else sqlite file)")
    common.add_argument("--key-file", help="the server's data key file (default: SPP_SERVER_KEY_FILE)")

    serve_parser = sub.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_arguments(serve_parser)
    serve_parser.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="the database schema")
    db_actions = db.add_subparsers(dest="action", required=True)
    db_actions.add_parser("upgrade", parents=[common], help="apply pending migrations (under a lock), then exit")
    db_actions.add_parser("status", parents=[common], help="the schema revision (exit 4 if not up to date)")
    p = db_actions.add_parser("backup", parents=[common], help="a consistent copy of a SQLite database "
                              "(while it serves); PostgreSQL: pg_dump")
    p.add_argument("--to", required=True, help="the new file to write")
    db.set_defaults(func=cmd_db)

    demo = sub.add_parser("demo", parents=[common], help="create a demo partnership and print its accounts")
    demo.set_defaults(func=cmd_demo)

    key = sub.add_parser("key", help="the data key that seals the database's contents")
    key_acts = key.add_subparsers(dest="action", required=True)
    key_acts.add_parser("create", parents=[common], help="make a new key file (refuses to overwrite one)")
    key_acts.add_parser("rotate", parents=[common], help="reseal everything under a new key (server stopped)")
    key.set_defaults(func=cmd_key)

    adm = sub.add_parser("admin", help="run a partnership")
    acts = adm.add_subparsers(dest="action", required=True)
    p = acts.add_parser("create-partnership", parents=[common])
    p.add_argument("name")
    p = acts.add_parser("add-school", parents=[common])
    p.add_argument("--partnership", required=True)
    p.add_argument("name")
    p = acts.add_parser("add-user", parents=[common], help="password from SPP_NEW_PASSWORD or prompted")
    p.add_argument("username")
    p.add_argument("--display-name")
    p.add_argument("--partnership")
    p.add_argument("--school")
    p.add_argument("--partnership-lead", action="store_true")
    p = acts.add_parser("create-review", parents=[common])
    p.add_argument("--partnership", required=True)
    p.add_argument("--host-school", required=True)
    p.add_argument("--start-date", required=True, help="YYYY-MM-DD")
    p.add_argument("--end-date", required=True, help="YYYY-MM-DD")
    p.add_argument("--focus", required=True)
    p.add_argument("--focus-description")
    p.add_argument("--headteacher")
    p.add_argument("--question", action="append", help="an enquiry question (repeat)")
    p = acts.add_parser("assign", parents=[common])
    p.add_argument("review_id")
    p.add_argument("username")
    role = p.add_mutually_exclusive_group(required=True)
    role.add_argument("--lead", action="store_true", help="as lead reviewer")
    role.add_argument("--reviewer", action="store_true", help="as reviewer")
    role.add_argument("--champion", action="store_true", help="as Improvement Champion")
    p.add_argument(
        "--allow-host-school",
        action="store_true",
        help="assign someone from the host school all the same (recorded in the review's audit list)",
    )
    p = acts.add_parser(
        "edit-review", parents=[common], help="focus, dates and enquiry questions (become ops, synced)"
    )
    p.add_argument("review_id")
    p.add_argument("--focus")
    p.add_argument("--focus-description")
    p.add_argument("--start-date", help="YYYY-MM-DD")
    p.add_argument("--end-date", help="YYYY-MM-DD")
    p.add_argument("--add-question", action="append", metavar="TEXT", help="a new enquiry question (repeat)")
    p.add_argument(
        "--edit-question", action="append", nargs=2, metavar=("NUMBER", "TEXT"), help="new words (repeat)"
    )
    p.add_argument("--retire-question", action="append", metavar="NUMBER", help="stop asking it (repeat)")
    p = acts.add_parser(
        "import-plan",
        parents=[common],
        help="the timetable from CSV: day,start,end,activity,place,group,reviewers,host staff,questions",
    )
    p.add_argument("review_id")
    p.add_argument("csv")
    p = acts.add_parser(
        "import-schedule",
        parents=[common],
        help="CSV: host_school,start_date,end_date,focus,questions,lead,reviewers",
    )
    p.add_argument("--partnership", required=True)
    p.add_argument("csv")
    p = acts.add_parser("list-reviews", parents=[common])
    p.add_argument("--partnership")
    p.add_argument("--json", action="store_true")
    p = acts.add_parser("close-review", parents=[common],
                        help="close a review: the team's laptops remove it at their next sync")
    p.add_argument("review_id")
    p = acts.add_parser("set-retention", parents=[common],
                        help="a partnership's retention period: months after the check-in, or 'default'")
    p.add_argument("--partnership", required=True)
    p.add_argument("months", help="1 to 120, or 'default' for the server's SPP_SERVER_RETENTION_MONTHS")
    acts.add_parser("purge-expired", parents=[common], help="keep only the outcome of reviews past retention")
    p = acts.add_parser("list-devices", parents=[common])
    p.add_argument("username")
    p = acts.add_parser("revoke-device", parents=[common])
    p.add_argument("device_id")
    p = acts.add_parser(
        "export-review", parents=[common], help="the review's merged state as a package (JSON)"
    )
    p.add_argument("review_id")
    p.add_argument("-o", "--output", "--out", dest="output", help="file to write (default: standard output)")
    adm.set_defaults(func=_admin)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except admin.AdminError as exc:
        print(f"spp-server: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except DataKeyError as exc:
        print(f"spp-server: {exc}", file=sys.stderr)
        return EXIT_SETTINGS
    except SettingsError as exc:
        print(f"spp-server: {exc.message}", file=sys.stderr)
        return EXIT_SETTINGS
    except serve.NotReady as exc:
        print(f"spp-server: {exc}", file=sys.stderr)
        return EXIT_DATABASE


if __name__ == "__main__":
    sys.exit(main())
