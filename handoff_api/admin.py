"""`handoff-admin`: migrations (the release step), counsellor accounts, opening hours, retention
purge, sending queued e-mail, trainers' inbox, statistics."""

import argparse
import getpass
import sys

from handoff_api.config import Settings
from handoff_api.counsellors.access import revoke_sessions, set_active
from handoff_api.counsellors.accounts import AccountError, create_account
from handoff_api.db import make_engine, make_session_factory
from handoff_api.email.jobs import send_queued
from handoff_api.counsellors.presence import set_max_chats
from handoff_api.helplines import cli as hours_cli
from handoff_api.helplines.catalog import load_catalog
from handoff_api.helplines.changes import HoursChangeError
from handoff_api.migrate import upgrade_to_head
from handoff_api.rasa_store import RasaTrackerStore
from handoff_api.retention import purge
from handoff_api.stats import cli as stats_cli
from handoff_api.supervision import cli as supervision_cli
from handoff_api.trainers import cli as inbox_cli
from handoff_api.trainers.config import TrainerSettings
from handoff_api.trainers.exports import ExportOutsideReports


ACCOUNT_COMMANDS = {
    "create-counsellor": "counsellor",
    "create-trainer": "trainer",
    "create-coordinator": "coordinator",
    "create-supervisor": "supervisor",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handoff-admin", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, role in ACCOUNT_COMMANDS.items():
        command = commands.add_parser(name, help=f"create a {role} account tied to one helpline")
        command.add_argument("--username", required=True)
        command.add_argument("--helpline", required=True, help="helpline id, e.g. nupraatikerover")
        command.add_argument("--display-name", help="name shown to visitors (default: username)")
        command.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )
    for name, help_text in (
        ("deactivate", "an account (counsellor or trainer) can no longer log in; its sessions and sockets end"),
        ("reactivate", "a deactivated account can log in again"),
        ("revoke-sessions", "end every login (and open socket) of an account"),
    ):
        commands.add_parser(name, help=help_text).add_argument("--username", required=True)
    command = commands.add_parser(
        "set-max-chats", help="how many chats a counsellor may have at once (default 1)"
    )
    command.add_argument("--username", required=True)
    command.add_argument("--max", type=int, required=True)
    commands.add_parser("migrate", help="bring the database schema to this release (the release step)")
    command = commands.add_parser("purge", help="delete data older than the retention period")
    command.add_argument("--days", type=int, help="override HANDOFF_RETENTION_DAYS")
    commands.add_parser("send-emails", help="retry e-mail requests that were not sent yet")
    inbox_cli.add_parser(commands)
    supervision_cli.add_parser(commands)
    stats_cli.add_parser(commands)
    hours = commands.add_parser(
        "hours", help="opening hours: extra openings, closed days, advice from measured demand"
    )
    hours_commands = hours.add_subparsers(dest="hours_command", required=True)
    hours_cli.add_parsers(hours_commands)
    stats_cli.add_advise_parser(hours_commands)
    return parser


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise AccountError("the passwords differ")
    return first


def main(
    argv: list[str] | None = None,
    settings: Settings | None = None,
    trainer_settings: TrainerSettings | None = None,
    tracker_source=None,
) -> int:
    args = _parser().parse_args(argv)
    settings = settings or Settings()
    engine = make_engine(settings.database_url, sqlite_synchronous=settings.sqlite_synchronous)
    revision = upgrade_to_head(engine)
    if args.command == "migrate":
        engine.dispose()
        print(f"database schema at revision {revision}")
        return 0
    catalog = load_catalog(settings.helplines_file)
    try:
        with make_session_factory(engine)() as session:
            if args.command in ACCOUNT_COMMANDS:
                role = ACCOUNT_COMMANDS[args.command]
                account = create_account(
                    session,
                    catalog,
                    username=args.username,
                    display_name=args.display_name or args.username,
                    helpline_id=args.helpline,
                    password=_read_password(args.password_stdin),
                    role=role,
                )
                print(f"created {role} {account.username} for helpline {account.helpline_id}")
            elif args.command in ("deactivate", "reactivate"):
                account, requeued = set_active(
                    session, catalog, args.username, args.command == "reactivate"
                )
                print(f"{args.command}d {account.role} {account.username}")
                if requeued:
                    print(f"{requeued} open chats back at the head of their helpline's queue")
            elif args.command == "set-max-chats":
                account = set_max_chats(session, args.username, args.max)
                print(f"{account.username} may have {account.max_chats} chats at once")
            elif args.command == "revoke-sessions":
                print(f"ended {revoke_sessions(session, args.username)} sessions of {args.username}")
            elif args.command == "purge":
                result = purge(
                    session,
                    args.days if args.days is not None else settings.retention_days,
                    catalog,
                    tracker_store=RasaTrackerStore(settings.tracker_store_url),
                    reports_dir=(trainer_settings or TrainerSettings()).exports_dir,
                )
                print(
                    f"purged {result.conversations} conversations, {result.email_requests} "
                    f"e-mail requests, {result.appointments} appointments, "
                    f"{result.login_sessions} expired logins, {result.inbox_entries} inbox entries, "
                    f"{result.trackers} Rasa trackers, {result.report_files} report files, "
                    f"{result.access_log} access log lines"
                )
            elif args.command == "send-emails":
                print(f"sent {send_queued(session, settings, catalog)} e-mail requests")
            elif args.command == "inbox":
                return inbox_cli.run(
                    args, session, settings, trainer_settings or TrainerSettings(), tracker_source
                )
            elif args.command in supervision_cli.COMMANDS:
                return supervision_cli.run(args, session, catalog)
            elif args.command == "stats":
                return stats_cli.run(args, session, catalog)
            elif args.command == "hours" and args.hours_command == "advise":
                return stats_cli.run_advise(args, session, catalog)
            elif args.command == "hours":
                return hours_cli.run(args, session, catalog)
    except (AccountError, ExportOutsideReports, stats_cli.StatsError, HoursChangeError,
            supervision_cli.CliError) as error:
        print(f"handoff-admin: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
