"""Why a visitor goes where they go, in plain Dutch.

`routing_reason` is the counsellor's "Waarom hier" ("Minderjarig (15 jaar). Nupraatikerover.be was
gesloten, 1712 was open."); `move_sentence` is what the visitor is told when they go to another
helpline than the one they came in through: where, why, and who that helpline is for.
"""

from handoff_api.helplines.catalog import Catalog, Helpline
from handoff_api.helplines.routing import RoutingDecision, VisitorProfile, fits_audience

WAS = {"open": "was open", "busy": "was bezet (alle hulpverleners in gesprek)", "closed": "was gesloten"}
AGE = {"minor": "Minderjarig", "adult": "Volwassen"}
# Shown only after a later yes: the route was chosen before the visitor agreed to share.
ROUTED_WITHOUT_STORY = (
    "Doorgestuurd zonder wat de bezoeker vertelde: die wilde het toen nog niet laten doorgeven."
)


def for_whom(helpline: Helpline) -> str:
    ages = set(helpline.audience.age_groups) - {"unknown"}
    if ages == {"minor"}:
        return "kinderen en jongeren tot 18 jaar"
    if ages == {"adult"}:
        return "volwassenen"
    return "iedereen, jong en oud"


def _age(profile: VisitorProfile, stated_age: int | None) -> str:
    if profile.age_group not in AGE:
        return "Leeftijd niet gekend."
    return AGE[profile.age_group] + (f" ({stated_age} jaar)." if stated_age is not None else ".")


def routing_reason(
    catalog: Catalog,
    profile: VisitorProfile,
    decision: RoutingDecision,
    stated_age: int | None,
    told: bool = True,
) -> str:
    """`told`: the visitor agreed to share; else the route used none of what they told."""
    entry = catalog.helpline_for_entry_point(profile.entry_point)
    routed = catalog.helpline(decision.helpline_id)
    parts = [_age(profile, stated_age) if told else ROUTED_WITHOUT_STORY]
    if entry.id != routed.id and not fits_audience(entry, profile):
        parts.append(f"Binnengekomen via {entry.name}, dat is er voor {for_whom(entry)}.")
    statuses = ", ".join(f"{catalog.helpline(h).name} {WAS[s]}" for h, s in decision.statuses)
    if statuses:
        parts.append(statuses + ".")
    if decision.outcome == "closed":
        parts.append(f"Niets was open: de bezoeker kreeg het aanbod van {routed.name} buiten de openingsuren.")
    return " ".join(parts)


def move_sentence(
    catalog: Catalog, profile: VisitorProfile, decision: RoutingDecision, entry_status: str
) -> str | None:
    """One sentence for the visitor, or None when they stay where they came in."""
    entry = catalog.helpline_for_entry_point(profile.entry_point)
    routed = catalog.helpline(decision.helpline_id)
    if entry is None or routed.id == entry.id:
        return None
    tried = decision.rule.try_helplines if decision.rule else []
    preferred = entry.id not in tried or tried.index(entry.id) > tried.index(routed.id) if routed.id in tried else False
    if not fits_audience(entry, profile):
        why = f"{entry.name} er is voor {for_whom(entry)}"
    elif preferred:
        where = "zet ik je in de wachtrij van" if decision.outcome == "queued" else "zet ik je vraag klaar voor"
        return f"Omdat {routed.name} er speciaal is voor {for_whom(routed)}, {where} {routed.name}."
    elif entry_status == "closed":
        why = f"de chat van {entry.name} nu gesloten is"
    elif entry_status == "busy":
        why = f"alle hulpverleners van {entry.name} nu in gesprek zijn"
    else:
        why = f"{routed.name} beter past bij wat je vertelde"
    where = (
        f"zet ik je in de wachtrij van {routed.name}"
        if decision.outcome == "queued"
        else f"zet ik je vraag klaar voor {routed.name}"
    )
    return f"Omdat {why}, {where}, een hulplijn voor {for_whom(routed)}."
