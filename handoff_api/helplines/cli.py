"""`handoff-admin hours add-opening|close|list|remove`: the operator's changes to the hours."""

import argparse
import getpass
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from handoff_api.helplines import changes
from handoff_api.helplines.catalog import Catalog
from handoff_api.helplines.changes import HoursChangeError
from handoff_api.helplines.service import opening_hours_view

WEEKDAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _clock(text: str) -> time:
    try:
        return datetime.strptime(text, "%H:%M").time()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a time (HH:MM): {text!r}") from None


def _with_by(command: argparse.ArgumentParser) -> None:
    command.add_argument("--by", help="who makes the change, for the log (default: the OS user)")


def add_parsers(hours_commands) -> None:
    opening = hours_commands.add_parser(
        "add-opening", help="open the chat on a date (also on a holiday or closed day), e.g. an extra evening"
    )
    opening.add_argument("--helpline", required=True)
    opening.add_argument("--date", required=True, type=_day, metavar="YYYY-MM-DD")
    opening.add_argument("--from", dest="opens", required=True, type=_clock, metavar="HH:MM")
    opening.add_argument("--to", dest="closes", required=True, type=_clock, metavar="HH:MM",
                         help="at or before --from means the next day")
    _with_by(opening)
    close = hours_commands.add_parser("close", help="close the chat for a whole date (its default hours)")
    close.add_argument("--helpline", required=True)
    close.add_argument("--date", required=True, type=_day, metavar="YYYY-MM-DD")
    _with_by(close)
    listing = hours_commands.add_parser("list", help="the default week and the changes from today on")
    listing.add_argument("--helpline")
    listing.add_argument("--all", action="store_true", help="past changes too")
    remove = hours_commands.add_parser("remove", help="undo a change (its number from `hours list`)")
    remove.add_argument("id", type=int)
    _with_by(remove)


COMMANDS = ("add-opening", "close", "list", "remove")


def _by(args) -> str:
    return args.by or getpass.getuser()


def run(args, session: Session, catalog: Catalog) -> int:
    if args.hours_command == "add-opening":
        change = changes.add_opening(
            session, catalog, args.helpline, args.date, args.opens, args.closes, _by(args)
        )
        print(f"added #{change.id}: {changes.describe(change)} (by {change.made_by})")
    elif args.hours_command == "close":
        change = changes.close_day(session, catalog, args.helpline, args.date, _by(args))
        print(f"added #{change.id}: {changes.describe(change)} (by {change.made_by})")
    elif args.hours_command == "remove":
        change = changes.remove(session, args.id, _by(args))
        print(f"removed #{args.id}: {changes.describe(change)}")
    else:
        _list(args, session, catalog)
    return 0


def _list(args, session: Session, catalog: Catalog) -> None:
    if args.helpline and catalog.helpline(args.helpline) is None:
        raise HoursChangeError(f"unknown helpline {args.helpline!r}")
    helplines = [h for h in catalog.helplines if not args.helpline or h.id == args.helpline]
    for helpline in helplines:
        week = ", ".join(
            f"{WEEKDAYS[h['weekday']]} {h['opens']}-{h['closes']}" for h in opening_hours_view(helpline)
        )
        print(f"{helpline.id}: default week (helplines.yml) {week or 'none'}")
        rows = changes.listed(session, helpline.id, None if args.all else date.today())
        for row in rows:
            print(f"  #{row.id} {changes.describe(row)} (by {row.made_by}, "
                  f"{row.created_at:%Y-%m-%d %H:%M} UTC)")
        if not rows:
            print("  no changes")
