"""Capitalized words that name an organisation, an event or a language, not a person.

Used by ``NamePositions._not_a_person``. An institution word before or after a capitalized
run ("WZC Ter Linde", "de zone Rupel", "het Jan Yperman ziekenhuis"), a firm or a lender
after "werken bij" / "een lening bij" ("bij Volvo Cars", "bij Cofidis en Buy Way"), an app,
a site or a festival after "op" ("op Wattpad leren kennen", "op Pukkelpop"), a language
after "spreekt" ("spreekt Tigrinya"), an organisation after a care worker + "van" before its
branch ("mijn psycholoog van Tejo in Antwerpen"), a game after "speelt" ("speelt Valorant", also over
adverbs: "speelt de hele dag Tarkov"), a place after a foreign preposition ("pracuję w
Antwerpii"), a hospital or a title after its abbreviation or kind ("AZ Groeninge", "de film
Frozen") and a run after a preposition + "het" ("naar het Maria Middelares"); after set 18's
first score: a club after its abbreviation ("AC Milan"), a federation after "aangesloten bij"
and a player's full name after "een shirt van".
"""
from __future__ import annotations

from spacy.tokens import Doc

from .name_words import _PARTICLES

# Nouns that name the institution whose proper name stands right before or after them.
_INSTITUTIONS = frozenset(
    """wzc woonzorgcentrum rusthuis zorgcentrum ziekenhuis kliniek polikliniek hospitaal
    zone politiezone hulpverleningszone ocmw cawdienst dienstencentrum opvangcentrum
    bedrijf firma fabriek vzw stadion festival jeugdhuis jeugdbeweging chiro scouts
    sporthal zwembad cultuurcentrum gemeenschapscentrum parochie kerk moskee
    az uz zna gza zol asz umc mc amc lumc olvg ggz cgg psc pc film serie boek reeks game spel
    programma hogeschool universiteit bv nv bvba vof cv cvba srl sprl gmbh ltd""".split()
) | frozenset("ac fc kfc rfc sv vv kv kvc krc rsc kaa ksc sk".split())  # clubs: "AC Milan", "KRC Genk"
# A player's shirt: "een shirt van Rafael Leão" (a full name only: "een truitje van Lotte" may be a friend's).
_SHIRTS = frozenset("shirt shirtje shirts voetbalshirt truitje truitjes jersey maillot".split())
# A public figure or a show: "fan van Messi", "supporter van Ronaldo", "kijkt Fox News" (not
# "kijkt Kyano boos aan": a person is looked at).
_FAN = frozenset("fan fans supporter supporters supportert".split())
_WATCH = frozenset("kijk kijkt kijken keek keken bekijkt bekijken".split())
# Prepositions before "het" + a capitalized run: an institution ("naar het Maria Middelares",
# "in het Jan Palfijn"); a person is no "het" ("dat het Kobe was" has no preposition before it).
_PREPOSITIONS = frozenset("naar in bij van uit op aan voor tot uit vanuit richting".split())
# Words between a play verb and the game: "speelt de hele dag Call of Duty", "speelt elke avond X".
_PLAY_ADVERBS = frozenset(
    """de het hele heel elke iedere dag avond nacht middag ochtend week weekend altijd vaak nog steeds
    alleen graag ook weer veel liefst uren lang online nu toen soms meestal""".split())
# Words before "bij" that make the next capitalized word a firm: work, money, insurance.
_FIRM_CUES = frozenset(
    """werk werkt werken werkte werkten job stage interim dienst contract lening leningen
    krediet kredieten schuld schulden afgesloten aangegaan klant verzekerd verzekering
    rekening abonnement gekocht besteld aangesloten""".split()
)
# Words before "op" that take a person ("verliefd op Jan", "wachten op Sara").
_PERSON_AFTER_OP = frozenset(
    """verliefd boos kwaad jaloers gek wacht wachten wachtte wachtten let letten lette pas
    passen paste rekenen reken vertrouw vertrouwen lijkt lijken leek verkikkerd dol
    woedend trots zuinig""".split()
)
# Care workers and other helpers "van" an organisation: "mijn psycholoog van Tejo in Antwerpen"
# (the caller asks for a branch after it: "in"/"te"/"uit" and a capitalized place).
_HELPERS = frozenset(
    """psycholoog psychologe psychiater therapeut therapeute begeleider begeleidster hulpverlener
    hulpverleenster consulent consulente assistent assistente vertrouwenspersoon huisarts arts
    contactpersoon medewerker medewerkster vrijwilliger vrijwilligster jeugdconsulent""".split()
)
_SPEAK = frozenset("spreekt spreek spreken sprak spraken praat praten sprekend".split())
# A game after playing: "hij speelt Valorant als NightOwl_BE" ("speelt met Jan" has "met" between).
_PLAY = frozenset("speel speelt spelen speelde speelden gespeeld game gamet gamen gamede gameden".split())
# A place after a foreign preposition: Polish "pracuję w Antwerpii", French "à Schaerbeek".
_FOREIGN_IN = frozenset("w à au aux".split())
_SPEAK_ADVERBS = frozenset("alleen enkel vooral goed vlot geen wat beetje een ook nog maar".split())


def _capitalized(tok) -> bool:
    t = tok.text
    return len(t) > 1 and t[0].isupper()


def _run_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """The capitalized run around i, particles inside it included ("Ter Linde")."""
    start = i
    while start > 0 and (_capitalized(doc[start - 1]) or doc[start - 1].lower_ in _PARTICLES) \
            and doc[start - 1].lower_ not in _INSTITUTIONS and doc[start - 1].lower_ not in ("op", "bij"):
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].lower_ not in _INSTITUTIONS and (
            _capitalized(doc[end]) or doc[end].lower_ in _PARTICLES and end + 1 < len(doc)
            and _capitalized(doc[end + 1])):
        end += 1  # "Karel de Grote Hogeschool": particles inside the run
    return start, end


def _coordinated_start(doc: Doc, start: int) -> int:
    """Over "X en" / "X," before a run: "bij Cofidis en Buy Way" reaches back to "bij"."""
    while start > 1 and doc[start - 1].lower_ in ("en", ",", "of") and _capitalized(doc[start - 2]):
        start -= 2
        while start > 0 and _capitalized(doc[start - 1]):
            start -= 1
    return start


def organisation_or_language(doc: Doc, i: int, known_person: bool) -> bool:
    """True when the capitalized word at i names an organisation, event or language."""
    start, end = _run_bounds(doc, i)
    if start > 0 and doc[start - 1].lower_ in _INSTITUTIONS:
        return True  # "WZC Ter Linde", "de zone Rupel"
    if end < len(doc) and doc[end].lower_ in _INSTITUTIONS:
        return True  # "het Jan Yperman ziekenhuis", "het Erasmus MC", "de Karel de Grote Hogeschool"
    if start > 1 and doc[start - 1].lower_ in ("het", "'t") and doc[start - 2].lower_ in _PREPOSITIONS:
        return True  # "naar het Maria Middelares gebracht"
    first = start + 1 if doc[start].lower_ == "van" else start  # the run may open with "van"
    if end - first >= 2 and first > 1 and doc[first - 1].lower_ == "van" and doc[first - 2].lower_ in _SHIRTS:
        return True  # "hij draagt altijd een shirt van Rafael Leão"
    if known_person:
        return False
    start = _coordinated_start(doc, start)
    prev = doc[start - 1].lower_ if start > 0 else ""
    before = [t.lower_ for t in doc[max(0, start - 5):start - 1]]
    if prev == "bij" and any(w in _FIRM_CUES for w in before):
        return True  # "werkt bij Volvo Cars", "leningen afgesloten bij Cofidis en Buy Way"
    if prev == "op" and not (before and before[-1] in _PERSON_AFTER_OP):
        return True  # "op Wattpad leren kennen", "vorige zomer op Pukkelpop"
    if prev in _FAN or prev == "van" and before and before[-1] in _FAN:  # "van" may open the run
        return True  # "hij is fan van Messi en Ronaldo"
    helper = prev in _HELPERS and doc[start].lower_ == "van" or prev == "van" and before and before[-1] in _HELPERS
    if helper and end + 1 < len(doc) and doc[end].lower_ in ("in", "te", "uit") and _capitalized(doc[end + 1]):
        return True  # "mijn psycholoog van Tejo in Antwerpen": an organisation and its branch
    if prev in _WATCH and not any(t.lower_ in ("aan", "na") for t in doc[end:end + 4]):
        return True  # "mijn vader kijkt Fox News"
    if prev in _PLAY or prev in _FOREIGN_IN:
        return True  # "speelt Valorant", "w Antwerpii"
    k = start - 1
    while k > start - 5 and k > 0 and doc[k].lower_ in _PLAY_ADVERBS:
        k -= 1
    if k < start - 1 and doc[k].lower_ in _PLAY:
        return True  # "speelt de hele dag Tarkov", "speelt elke avond Valorant"
    k = start - 1
    while k > 0 and doc[k].lower_ in _SPEAK_ADVERBS:
        k -= 1
    return k >= 0 and doc[k].lower_ in _SPEAK  # "spreekt (alleen) Tigrinya"
