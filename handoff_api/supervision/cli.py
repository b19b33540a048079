"""`handoff-admin standard-texts ...` (the operator keeps each helpline's canned replies) and
`handoff-admin access-log --helpline H [--from D] [--to D]` (the access log, oldest first)."""

import sys
from datetime import date

from sqlalchemy.orm import Session

from handoff_api.errors import ApiError
from handoff_api.helplines.catalog import Catalog
from handoff_api.supervision import service

COMMANDS = ("standard-texts", "access-log")
CLI_LINES = 100_000  # the log is purged after the retention period: this is all of it


class CliError(ValueError):
    pass


def add_parser(commands) -> None:
    texts = commands.add_parser("standard-texts", help="a helpline's standard texts for the console")
    actions = texts.add_subparsers(dest="texts_command", required=True)
    listing = actions.add_parser("list", help="the helpline's standard texts")
    listing.add_argument("--helpline", required=True)
    add = actions.add_parser("add", help="add a text (read from standard input)")
    add.add_argument("--helpline", required=True)
    add.add_argument("--title", required=True)
    remove = actions.add_parser("remove", help="remove a text by its id")
    remove.add_argument("--helpline", required=True)
    remove.add_argument("--id", type=int, required=True)
    seed = actions.add_parser("seed", help="greeting, safety check, referral and closing, if it has none")
    seed.add_argument("--helpline", required=True)
    log = commands.add_parser(
        "access-log", help="supervisors' views, whispers, joins and take-overs, and requests for one"
    )
    log.add_argument("--helpline", required=True)
    log.add_argument("--from", dest="first", type=date.fromisoformat, metavar="YYYY-MM-DD")
    log.add_argument("--to", dest="last", type=date.fromisoformat, metavar="YYYY-MM-DD", help="included")


def run(args, session: Session, catalog: Catalog) -> int:
    if catalog.helpline(args.helpline) is None:
        raise CliError(f"unknown helpline {args.helpline!r}")
    if args.command == "access-log":
        since, until = service.day_bounds(catalog.helpline(args.helpline).tz, args.first, args.last)
        lines, _ = service.access_log(session, {args.helpline}, since, until, limit=CLI_LINES)
        for line in reversed(lines):
            print(f"{line['at']}\t{line['username']}\t{line['action']}\t{line['conversation_id'] or '-'}")
        return 0
    command = args.texts_command
    if command == "list":
        for item in service.standard_texts(session, {args.helpline}):
            print(f"{item.id}\t{item.title}\t{item.text}")
    elif command == "add":
        text = sys.stdin.read().strip()
        if not text or len(text) > 4000 or len(args.title) > 80:
            raise CliError("the text needs 1 to 4000 characters, the title at most 80")
        item = service.add_standard_text(session, catalog, args.helpline, args.title.strip(), text)
        print(f"added standard text {item.id} for {args.helpline}")
    elif command == "remove":
        try:
            item = service.standard_text_of(session, args.id, {args.helpline})
        except ApiError as error:
            raise CliError(f"no standard text {args.id} for {args.helpline}") from error
        service.remove_standard_text(session, item)
        print(f"removed standard text {args.id}")
    elif command == "seed":
        print(f"added {service.seed_standard_texts(session, catalog, args.helpline)} standard texts")
    return 0
