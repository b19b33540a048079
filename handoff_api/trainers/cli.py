"""`handoff-admin inbox ...`: the trainers' inbox on the command line (the page's twin).

    handoff-admin inbox collect                    read closed/idle conversations from Rasa
    handoff-admin inbox list [--json]              the items, crisis-related first
    handoff-admin inbox accept ID                  the bot's intent and labels are right
    handoff-admin inbox correct ID [--intent I] [--theme T] [--age-group A] [--role R] [--urgency U]
    handoff-admin inbox drop ID                    not useful as an example
    handoff-admin inbox personal-data ID           still holds personal data: deleted at once, counted
    handoff-admin inbox undo ID                    take a written example out of nlu_data again
    handoff-admin inbox export [--since ISO] [--out FILE]   accepted/corrected items as JSON lines
"""

import argparse
import json
import sys
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.config import Settings
from handoff_api.counsellors.models import Counsellor
from handoff_api.errors import ApiError
from handoff_api.trainers import collection, service
from handoff_api.trainers.config import TrainerSettings
from handoff_api.trainers.exports import export_path
from handoff_api.trainers.nlu_data import NluData

REASONS_NL = {
    "fallback": "bot begreep het niet (fallback)",
    "low_intent_confidence": "intent onzeker",
    "low_theme_confidence": "thema onzeker",
    "low_age_group_confidence": "leeftijd onzeker",
    "low_role_confidence": "rol onzeker",
    "low_urgency_confidence": "urgentie onzeker",
    "counsellor_correction": "hulpverlener registreerde iets anders",
}


def add_parser(commands) -> None:
    inbox = commands.add_parser("inbox", help="the trainers' NLU inbox (scrubbed messages)")
    actions = inbox.add_subparsers(dest="inbox_command", required=True)
    actions.add_parser("collect", help="read closed or idle conversations from Rasa into the inbox")
    listing = actions.add_parser("list", help="list the inbox")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    for name in ("accept", "drop", "personal-data"):
        action = actions.add_parser(name, help=f"{name} an item")
        action.add_argument("item_id")
        action.add_argument("--trainer", help="the trainer's username (recorded with the decision)")
    correct = actions.add_parser("correct", help="write the item with corrected intent/labels")
    correct.add_argument("item_id")
    correct.add_argument("--trainer")
    correct.add_argument("--intent")
    for field, values in collection.LABELS.items():
        correct.add_argument("--" + field.replace("_", "-"), dest=field, choices=values)
    undo = actions.add_parser("undo", help="take the example written for a decision out of nlu_data again")
    undo.add_argument("item_id")
    export = actions.add_parser("export", help="accepted and corrected items as JSON lines")
    export.add_argument("--since", type=datetime.fromisoformat, help="ISO 8601 time, e.g. 2026-11-23T05:00:00+00:00")
    export.add_argument("--out", help="file to write (default: standard output)")


def _label(view: dict, field: str) -> str:
    label = (view.get("bot", {}).get("labels") or {}).get(field) or {}
    if not label:
        return "-"
    confidence = label.get("confidence")
    return f"{label.get('value')} ({confidence:.2f})" if confidence is not None else str(label.get("value"))


def _print_item(view: dict) -> None:
    bot = view["bot"]
    confidence = bot.get("intent_confidence")
    print(f"[{view['id']}] {view['message_at'][:16].replace('T', ' ')}  {view.get('helpline_id') or ''}")
    print(f"  tekst:     {view['text']}")
    print("  waarom:    " + ", ".join(REASONS_NL.get(r, r) for r in view["reasons"]))
    print(f"  bot:       intent {bot.get('intent')} ({confidence:.2f})" if confidence is not None else f"  bot:       intent {bot.get('intent')}")
    print("             " + ", ".join(f"{f} {_label(view, f)}" for f in collection.LABELS))
    if view.get("counsellor"):
        print("  hulpverlener: " + ", ".join(f"{k} {v}" for k, v in view["counsellor"].items()))
    if view.get("context"):
        print("  later in het gesprek: " + ", ".join(f"{k} {v.get('value')}" for k, v in view["context"].items()))
    print()


def _trainer(session: Session, username: str | None) -> Counsellor | None:
    if not username:
        return None
    account = session.scalar(select(Counsellor).where(Counsellor.username == username))
    if account is None or account.role != "trainer":
        raise ApiError(404, "unknown_trainer", f"Geen trainer met gebruikersnaam {username!r}.", "No such trainer.")
    return account


def run(args, session: Session, settings: Settings, trainer_settings: TrainerSettings, tracker_source=None) -> int:
    nlu = NluData(trainer_settings.nlu_data_dir, trainer_settings.heldout_file)
    try:
        if args.inbox_command == "collect":
            source = tracker_source or collection.RasaTrackerSource(
                settings.rasa_url, settings.rasa_timeout_seconds, settings.rasa_token
            )
            result = collection.collect(session, trainer_settings, source)
            print(
                f"{result.conversations} gesprekken gelezen, {result.new_items} nieuwe berichten, "
                f"{result.updated_items} aangevuld"
                + (f"; Rasa niet bereikbaar voor {result.unavailable} gesprekken" if result.unavailable else "")
            )
        elif args.inbox_command == "list":
            items = [service.item_view(item) for item in service.list_items(session)]
            for view in items:
                if args.json:
                    print(json.dumps(view, ensure_ascii=False))
                else:
                    _print_item(view)
            if not args.json:
                print(f"{len(items)} berichten in de inbox")
        elif args.inbox_command == "export":
            rows = service.annotations(session, args.since)
            path = export_path(trainer_settings.exports_dir, args.out) if args.out else None
            out = open(path, "w", encoding="utf-8") if path else sys.stdout  # noqa: SIM115
            try:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            finally:
                if args.out:
                    out.close()
            if args.out:
                print(f"{len(rows)} geannoteerde berichten naar {args.out}", file=sys.stderr)
        elif args.inbox_command == "undo":
            decision = service.undo(session, nlu, args.item_id)
            print(f"teruggenomen uit {decision.nlu_file}")
        else:
            item = service.find_item(session, args.item_id)
            trainer = _trainer(session, args.trainer)
            labels = None
            if args.inbox_command == "correct":
                labels = {f: getattr(args, f) for f in collection.LABELS if getattr(args, f)}
            action = "personal_data" if args.inbox_command == "personal-data" else args.inbox_command
            decision = service.decide(
                session, nlu, item, trainer, action, intent=getattr(args, "intent", None), labels=labels
            )
            if decision.outcome == "written":
                print(f"toegevoegd aan {decision.nlu_file}: {decision.intent} {decision.labels}")
            elif decision.outcome == "duplicate":
                print(f"stond al in {decision.nlu_file}: niet opnieuw toegevoegd; uit de inbox gehaald")
            else:
                print("verwijderd uit de inbox")
    except ApiError as error:
        print(f"handoff-admin inbox: {error.nl}", file=sys.stderr)
        return 2
    return 0
