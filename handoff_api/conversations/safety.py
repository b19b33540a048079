"""The fixed safe reply: never a dead end, even when the bot is down."""

from handoff_api.helplines.catalog import Catalog, Helpline


def round_the_clock_sentence(catalog: Catalog, country: str) -> str:
    lines = [p for p in catalog.round_the_clock.get(country, []) if p.number != "112"]
    parts = [f"{p.name} ({p.number})" if p.number else p.name for p in lines]
    return "Ben je in gevaar? Bel meteen 112. Dag en nacht kan je terecht bij " + _join(parts) + "."


def contact_sentence(helpline: Helpline) -> str:
    parts = [f"bellen naar {p.number}" for p in helpline.phones if p.number]
    if helpline.email:
        parts.append(f"mailen naar {helpline.email}")
    if not parts:
        return ""
    return f"Je kan {helpline.name} ook " + _join(parts) + "."


def safe_reply(catalog: Catalog, helpline: Helpline) -> str:
    sentences = [
        "Sorry, de chat werkt nu even niet goed. Je bericht is wel bewaard.",
        round_the_clock_sentence(catalog, helpline.country),
        contact_sentence(helpline),
    ]
    return " ".join(s for s in sentences if s)


def busy_reply(catalog: Catalog, helpline: Helpline) -> str:
    """Past the relay's bound or deadline: the bot's answer follows as soon as it comes."""
    sentences = [
        "Sorry, de chatbot is nu erg druk. Je bericht is bewaard. Het antwoord komt zo snel "
        "mogelijk hier in de chat.",
        round_the_clock_sentence(catalog, helpline.country),
        contact_sentence(helpline),
    ]
    return " ".join(s for s in sentences if s)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " of " + parts[-1]
