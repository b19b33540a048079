"""`make demo-stats`: fills a fresh database from the simulator, calibrated to seed 003.

    python -m handoff_api.stats.demo [--months 2020-01:2020-10] [--seed 2020]

The database is the one DATABASE_URL names; it must hold no conversations or counts yet. The
simulator drives the real API in this process (the bot's part over the internal API, Rasa not
needed), then the monthly table is printed as `handoff-admin stats monthly` prints it.
"""

import argparse
import logging
import secrets
import sys

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from handoff_api.config import Settings
from handoff_api.conversations.models import Conversation
from handoff_api.counsellors.accounts import create_account
from handoff_api.internal_main import create_internal_app
from handoff_api.main import create_app
from handoff_api.stats import report
from handoff_api.stats.models import EventCount
from handoff_api.stats.simulator import PASSWORD, SEED_NUPRAATIKEROVER_2020, ApiDriver, Simulator, run

HELPLINE = "nupraatikerover"


def demo_settings(base: Settings) -> Settings:
    return base.model_copy(
        update={
            "internal_token": secrets.token_urlsafe(24),
            "env": "test",  # the simulated clock runs only there (a demo database, never live)
            "allow_simulated_clock": True,
            "smtp_enabled": False,
            "rasa_url": "http://127.0.0.1:9",  # no bot: the simulator plays its part
            "rasa_timeout_seconds": 1.0,
            "conversation_message_rate": "100000/minute",
            "address_rate": "1000000/minute",
            "login_rate": "1000/minute",
        }
    )


def _is_fresh(app) -> bool:
    with app.state.session_factory() as session:
        used = session.scalar(select(func.count()).select_from(Conversation))
        counted = session.scalar(select(func.count()).select_from(EventCount))
    return not used and not counted


def fill(settings: Settings, targets: dict, seed: int):
    app = create_app(settings)
    with TestClient(app) as client, TestClient(create_internal_app(settings)) as internal:
        if not _is_fresh(app):
            raise SystemExit("demo-stats: the database is not fresh (it holds conversations or counts); name an empty one in DATABASE_URL")
        with app.state.session_factory() as session:
            create_account(session, app.state.catalog, "demo-counsellor", "Demo", HELPLINE, PASSWORD)
        driver = ApiDriver(client, internal, settings.internal_token, HELPLINE)
        driver.login("demo-counsellor")
        tally = run(Simulator(driver, app.state.catalog.helpline(HELPLINE), seed), targets)
        with app.state.session_factory() as session:
            figures = report.monthly(session, {HELPLINE}, min(targets), max(targets))
    return tally, figures


def main(argv: list[str] | None = None) -> int:
    # Without a bot the API logs "Rasa unavailable" for every simulated greeting: expected here.
    logging.getLogger("handoff_api.conversations.service").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--months", default="2020-01:2020-10")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    first, last = args.months.split(":")
    targets = {m: v for m, v in SEED_NUPRAATIKEROVER_2020.items() if first <= m <= last}
    if not targets:
        print("demo-stats: no seed months in that range (2020-01 to 2020-10)", file=sys.stderr)
        return 2
    _tally, figures = fill(demo_settings(Settings()), targets, args.seed)
    print(report.as_text(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
