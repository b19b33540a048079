"""`handoff-admin stats ...`: the coordinators' figures on the command line (the page's twin).

    handoff-admin stats monthly --helpline H --from 2020-01 --to 2020-10 [--format text|csv|json]
    handoff-admin stats campaign-add --helpline H --from 2020-10-01 --to 2020-10-31 --name "..."
    handoff-admin stats campaigns --helpline H
    handoff-admin hours advise --helpline H --from 2020-01 --to 2020-10 [--with 1712]
        [--counsellors-now 1] [--window 9-23] [--budget HOURS] [--min-shift 2]
"""

import argparse

import numpy as np
from datetime import date

from sqlalchemy.orm import Session

from handoff_api.appointments.service import record_missed
from handoff_api.helplines.catalog import Catalog
from handoff_api.stats import advice, report
from handoff_api.stats.service import add_campaign, campaigns, coordinator_helplines


class StatsError(ValueError):
    """A stats command cannot run as asked."""


def add_parser(commands) -> None:
    stats = commands.add_parser("stats", help="anonymous statistics for coordinators")
    sub = stats.add_subparsers(dest="stats_command", required=True)
    monthly = sub.add_parser("monthly", help="the monthly table (seed 003) with the unmet demand")
    monthly.add_argument("--helpline", required=True)
    monthly.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    monthly.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")
    monthly.add_argument("--format", choices=("text", "csv", "json"), default="text")
    monthly.add_argument(
        "--team", action="store_true", help="the helpline and those its team answers (1712 + chat na seksueel geweld)"
    )
    campaign = sub.add_parser("campaign-add", help="mark a campaign on the monthly trend")
    campaign.add_argument("--helpline", required=True)
    campaign.add_argument("--from", dest="first", required=True, type=date.fromisoformat)
    campaign.add_argument("--to", dest="last", required=True, type=date.fromisoformat)
    campaign.add_argument("--name", required=True)
    listing = sub.add_parser("campaigns", help="the campaigns marked for a helpline")
    listing.add_argument("--helpline", required=True)


def add_advise_parser(hours_commands) -> None:
    """`hours advise`: the schedule that answers the most contacts for the same staff."""
    advise = hours_commands.add_parser("advise", help="advise opening hours from measured demand")
    advise.add_argument("--helpline", required=True)
    advise.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    advise.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")
    advise.add_argument("--with", dest="together", help="a second helpline to plan together (e.g. 1712)")
    advise.add_argument("--counsellors-now", type=int, default=1, help="counsellors on duty in today's open hours")
    advise.add_argument("--window", default="9-23", help="hours the chat may be open, e.g. 9-23")
    advise.add_argument("--budget", type=int, help="counsellor-hours per week (default: today's)")
    advise.add_argument("--min-shift", type=int, default=2)


def _helplines(catalog: Catalog, helpline_id: str, team: bool) -> set[str]:
    if catalog.helpline(helpline_id) is None:
        raise StatsError(f"unknown helpline {helpline_id!r}")
    return coordinator_helplines(catalog, helpline_id) if team else {helpline_id}


def run(args: argparse.Namespace, session: Session, catalog: Catalog) -> int:
    if args.stats_command == "monthly":
        record_missed(session, catalog)
        try:
            figures = report.monthly(session, _helplines(catalog, args.helpline, args.team), args.first, args.last)
        except ValueError as error:
            raise StatsError(str(error)) from error
        render = {"text": report.as_text, "csv": report.as_csv, "json": report.as_json}[args.format]
        print(render(figures))
    elif args.stats_command == "campaign-add":
        _helplines(catalog, args.helpline, False)
        if args.last < args.first:
            raise StatsError("--to comes before --from")
        add_campaign(session, args.helpline, args.first, args.last, args.name)
        print(f"campaign {args.name!r} added for {args.helpline}")
    elif args.stats_command == "campaigns":
        for c in campaigns(session, {args.helpline}):
            print(f"{c.starts_on} {c.ends_on} {c.name}")
    return 0


def _window(text: str) -> advice.Window:
    try:
        start, end = (int(part) for part in text.split("-"))
    except ValueError as error:
        raise StatsError("--window needs the form 9-23") from error
    if not 0 <= start < end <= 24:
        raise StatsError("--window needs hours from 0 to 24, start before end")
    return advice.Window(start, end)


def run_advise(args: argparse.Namespace, session: Session, catalog: Catalog) -> int:
    helpline = catalog.helpline(args.helpline)
    if helpline is None:
        raise StatsError(f"unknown helpline {args.helpline!r}")
    try:
        report.month_range(args.first, args.last)
    except ValueError as error:
        raise StatsError(str(error)) from error
    window = _window(args.window)
    demand = advice.measure(session, {helpline.id}, args.first, args.last)
    today = advice.current_staffing(helpline, args.counsellors_now)
    if args.together:
        other = catalog.helpline(args.together)
        if other is None:
            raise StatsError(f"unknown helpline {args.together!r}")
        other_demand = advice.measure(session, {other.id}, args.first, args.last)
        today_both = np.stack([today, advice.current_staffing(other, args.counsellors_now)])
        rows = advice.advise_joint(demand, other_demand, today_both, window, budget=args.budget, min_shift_hours=args.min_shift)
        print(advice.describe_joint(rows, helpline, other, demand))
    else:
        rows = advice.advise(demand, today, window, budget=args.budget, min_shift_hours=args.min_shift)
        print(advice.describe(rows, helpline, demand))
    return 0
