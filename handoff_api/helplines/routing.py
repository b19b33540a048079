"""Declarative routing: the first matching rule, audience match, then availability."""

from collections.abc import Callable
from dataclasses import dataclass

from handoff_api.helplines.catalog import Catalog, Helpline, RoutingRule

STATUS_NL = {"open": "open", "busy": "open maar bezet", "closed": "gesloten"}


@dataclass(frozen=True)
class VisitorProfile:
    entry_point: str
    age_group: str = "unknown"
    theme: str | None = None
    role: str = "unknown"


@dataclass(frozen=True)
class RoutingDecision:
    outcome: str  # queued, closed
    helpline_id: str
    reason: str
    rule: RoutingRule | None = None
    statuses: tuple[tuple[str, str], ...] = ()  # (helpline id, open/busy/closed) of those tried


def _rule_matches(rule: RoutingRule, visitor: VisitorProfile) -> bool:
    when = rule.when
    return (
        (when.entry_points is None or visitor.entry_point in when.entry_points)
        and (when.age_groups is None or visitor.age_group in when.age_groups)
        and (when.themes is None or visitor.theme in when.themes)
        and (when.roles is None or visitor.role in when.roles)
    )


def fits_audience(helpline: Helpline, visitor: VisitorProfile) -> bool:
    """What is not known (age, role, theme) excludes no one."""
    audience = helpline.audience
    return (
        visitor.age_group in ("unknown", *audience.age_groups)
        and (visitor.theme is None or visitor.theme in audience.themes)
        and visitor.role in ("unknown", *audience.roles)
    )


def route(
    catalog: Catalog,
    visitor: VisitorProfile,
    status_of: Callable[[Helpline], str],
    describe_opening: Callable[[Helpline], str],
) -> RoutingDecision:
    """`status_of` gives open/busy/closed; `describe_opening` the next opening, in Dutch."""
    profile = (
        f"ingang {visitor.entry_point}, leeftijd {visitor.age_group}, "
        f"thema {visitor.theme or 'onbekend'}, rol {visitor.role}"
    )
    for rule in catalog.routing:
        if not _rule_matches(rule, visitor):
            continue
        candidates = [catalog.helpline(h) for h in rule.try_helplines]
        fitting = [h for h in candidates if h and fits_audience(h, visitor)]
        if not fitting:
            continue
        statuses = {h.id: status_of(h) for h in fitting}
        notes = "; ".join(
            f"{h.name}: {STATUS_NL[statuses[h.id]]}"
            + (f" (opent {describe_opening(h)})" if statuses[h.id] == "closed" else "")
            for h in fitting
        )
        prefix = f"Regel '{rule.name}' ({rule.description}) voor {profile}. {notes}."
        tried = tuple(statuses.items())
        for wanted in ("open", "busy"):
            chosen = next((h for h in fitting if statuses[h.id] == wanted), None)
            if chosen:
                return RoutingDecision(
                    "queued", chosen.id, f"{prefix} → wachtrij {chosen.name}.", rule, tried
                )
        fallback = catalog.helpline(rule.otherwise)
        return RoutingDecision(
            "closed",
            fallback.id,
            f"{prefix} → niets open: aanbod buiten de openingsuren van {fallback.name}.",
            rule,
            tried,
        )
    raise LookupError("no routing rule matched; the catalog requires a catch-all rule")
