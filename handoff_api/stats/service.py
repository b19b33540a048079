"""Coordinators: which helplines they see, and their campaigns."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.helplines.catalog import Catalog
from handoff_api.stats.models import Campaign


def coordinator_helplines(catalog: Catalog, helpline_id: str) -> set[str]:
    """A coordinator sees their helpline and every helpline their team answers (the 1712 team
    also answers the 'chat na seksueel geweld')."""
    return {helpline_id} | catalog.team_helpline_ids(helpline_id)


def add_campaign(session: Session, helpline_id: str, starts_on: date, ends_on: date, name: str) -> Campaign:
    campaign = Campaign(helpline_id=helpline_id, starts_on=starts_on, ends_on=ends_on, name=name.strip()[:200])
    session.add(campaign)
    session.commit()
    return campaign


def campaigns(session: Session, helpline_ids: set[str]) -> list[Campaign]:
    return list(
        session.scalars(
            select(Campaign).where(Campaign.helpline_id.in_(helpline_ids)).order_by(Campaign.starts_on)
        )
    )
