"""Theme cue features: kinds of the labelling guide that word n-grams miss in adult voices.

Each cue is one dense feature of the triage model (not a rule): the SVM weighs it against the
n-grams. Written from LABELLING.md's theme section for normalised text (`textnorm.normalize`):

- a threat to kill or harm told without a blow ("dreigt haar af te maken", "hij heeft me nooit
  geslagen"): psychological;
- stalking, being followed, coercive control (money, phone, friends, clothes): psychological;
- sexual acts told without the usual words (someone in the writer's bed at night, sex while
  asleep, being "lent" to men, unwanted pictures of genitals) and sexual images used as a threat:
  sexual;
- an elderly or dependent person left without care (wet, dirty, not fed, lying on the floor) and
  children left alone or unfed: neglect;
- suicide signs with no violence word in the message (often about someone else: a pupil, a
  resident, a son): other.
"""

from __future__ import annotations

import re
from typing import List

from bot.components import lexicon

_THREAT_WORDS = (
    r"(afmaken|afmaakt|af te maken|vermoorden|vermoordt|te vermoorden|doodmaken|dood te maken|kapotmaken|kapot te maken"
    r"|te grazen|dood ben|dood bent|dood is|iets aandoet|iets aan te doen|kill (me|you|her|him)|kills (me|you|her|him)"
    r"|va me tuer|vais te tuer|va la tuer|me tuer|te tuer)"
)
THREAT_WITHOUT_BLOW = re.compile(
    r"\b(dreigt|dreigde|dreigen|gedreigd|bedreigt|bedreigde|zegt|zei|gezegd|appte|appt|schreef|stuurde|roept|riep"
    r"|threatens|threatened|says|said|texted|a dit|dit|ecrit)\b[^.?!]{0,60}\b" + _THREAT_WORDS + r"\b"
    r"|\b(nooit|niet) (ge)?sla(gen|at|an)\b|\bslaat (me |mij )?niet\b|\b(never|not) (hit|hits|touched|laid a hand)\b"
    r"|\bne me frappe pas\b|\b(nooit|niet) aangeraakt\b"
)
STALKING_CONTROL = re.compile(
    r"\b(loopt|liep|lopen|volgt|volgde|volgen|rijdt|reed) [^.?!]{0,30}\b(achter me|achter mij|me achterna|mij achterna)\b"
    r"|\bachtervolg|\bstalk|\b(following|follows|followed) me\b|\bme suit\b|\bm'a suivie?\b"
    r"|\b(volgt|volgde) (me|mij) (overal|al|elke|iedere|sinds|naar)\b"
    r"|\b(leest|checkt|controleert|bekijkt) (al )?(mijn|haar|zijn) (berichten|gsm|telefoon|mails|whatsapp|bankrekening|rekening)"
    r"|\b(reads|checks|goes through) (all )?(my|her) (messages|phone|texts|emails)|\blit (tous )?mes messages\b"
    r"|\b(mijn|haar) (loon|geld|bankkaart|pinpas|uitkering|kindergeld|spaargeld)\b[^.?!]{0,40}\b(af|afgepakt|afgenomen|beheert|houdt|inhoudt|controleert)\b"
    r"|\b(pakt|neemt|houdt) (mijn|haar) (loon|geld|bankkaart|pinpas|uitkering)\b|\b(takes|keeps|controls) (all )?(my|her) (money|wages|salary|bank card)\b"
    r"|\b(mag|laat) (me|mij|haar) (niet|nooit|geen) [^.?!]{0,25}\b(zien|afspreken|werken|buiten|vriendinnen|vrienden|familie|alleen)\b"
    r"|\b(geen|gn) (vriendinnen|vrienden|familie) (meer )?nodig\b|\b(kiest|bepaalt) (mijn|haar) (kleren|kleding|vrienden)\b"
    r"|\b(chooses|picks) (my|her) (clothes|friends)\b|\bchoisit mes (vetements|habits)\b"
)
SEXUAL_OTHER_WORDS = re.compile(
    r"\b(komt|kwam|kruipt|kroop|ligt|lag) [^.?!]{0,20}\b(in|bij) (mijn|haar|zijn) bed\b|\b(comes|came|gets|got) into (my|her|his) bed\b"
    r"|\bvient dans (mon|son) lit\b"
    r"|\b(seks|sex)\b[^.?!]{0,40}\b(slaap|sliep|slapen|asleep|sleeping|dronken|drunk|out of it)\b"
    r"|\b(uitgeleend|uitlenen|verhuurd|verkocht) aan (mannen|vrienden|klanten)\b|\b(lent|rented|sold) (out )?to (men|his friends)\b"
    r"|\bdick ?pics?\b|\bpiemel ?foto|\bfoto'?s van zijn (piemel|geslacht|lul)\b"
    r"|\b(wat|dingen die) (hij|mijn \w+|ze) ('s nachts|snachts|vroeger|toen) (met|bij) (me|mij|haar|hem) (deed|deden|doet)\b"
    r"|\b(aan|tussen) (mijn|haar|zijn) (borsten|billen|kruis|benen|onderbroek|slipje)\b"
    r"|\b(touches|touched|grabs|grabbed) (my|her|his) (breasts|bum|butt|crotch|private)"
    r"|\biets in (mijn|haar|zijn) (drankje|drank|glas|cola|wijn|bier|cocktail)\b|\b(something|stuff) in (my|her) (drink|glass)\b"
    r"|\bquelque chose dans (mon|son) verre\b"
    r"|\b(dwingt|dwingen|dwong|gedwongen|force|forced|forces)\b[^.?!]{0,30}\b(naar bed|seks|sex|te slapen met)\b"
    r"|\b(naar bed|seks|sex)\b[^.?!]{0,30}\b(dwingt|dwingen|dwong|gedwongen|forced)\b"
)
SEXUAL_IMAGE_THREAT = re.compile(
    r"\b(naaktfoto|naaktfotos|nudes?|naakt|ondergoed|uit de kleren|op cam|seksfilmpje|filmpje van (mij|me|haar)|video (of|van) (me|mij|her)"
    r"|opname van (mij|me|haar)|foto'?s van (mij|me|haar) (in|zonder)|sexting|photos? intimes?|photos? de moi nue?)\b"
)
NEGLECT_CARE = re.compile(
    r"\b(natte|vuile|vieze|nat|vuil) (broek|luier|luiers|bed|lakens|kleren|kleding)\b|\b(couches? sales?|dirty (nappies|diapers|clothes|sheets))\b"
    r"|\b(eten|maaltijd|bord|blad)\b[^.?!]{0,20}\b(onaangeroerd|niet gekregen|vergeten|koud)\b"
    r"|\b(krijgt|kreeg|krijgen) (geen|gn|niet genoeg|nooit) (eten|drinken|medicijnen|medicatie|zorg|hulp|wassen)\b"
    r"|\b(niet|nooit|nauwelijks) (gewassen|verschoond|gevoed|te eten gegeven)\b|\b(never|not) (fed|washed|changed)\b"
    r"|\b(a beaucoup maigri|is erg vermagerd|sterk vermagerd|lost a lot of weight|maigri)\b"
    r"|\b(uren|dagen|hele dag|hele nacht|for hours|for days|all day)\b[^.?!]{0,25}\b(alleen|alone|buiten|outside|seul)\b"
    r"|\b(alleen|alone)\b[^.?!]{0,25}\b(uren|dagen|hele dag|hele nacht|for hours|for days|all day)\b"
    r"|\b(honger|hungry|niks te eten|niets te eten|geen eten in huis|no food)\b"
    r"|\b(op de grond|on the floor|par terre)\b[^.?!]{0,25}\b(liggen|ligt|lag|lying)\b|\b(ligt|lag|lying) (al )?(uren |dagen )?(op de grond|on the floor)\b"
)
_VIOLENCE_WORD = re.compile(
    r"\b(sla|slaat|sloeg|slaan|geslagen|klap|klappen|schop|schopt|geschopt|duw|duwt|duwde|geduwd|gewurgd|wurgt|verkracht|misbruik|misbruikt"
    r"|aangerand|betast|seks|seksueel|naakt|nudes?|hit|hits|beat|beats|raped?|abused?|assault|frappe|frapper|viol|violee?|geweld|violence"
    r"|mishandel|mishandeld|uitgescholden|scheldt|pest|gepest|bully|bullied|harcele|dreigt|gedreigd|threat|stalk|mes|wapen|weapon"
    r"|verwaarloos|verwaarloosd|neglect|ex|shove|shoved|choke|choked)\w*"
)


# farewell signs the crisis lexicon leaves to the urgency model, often told of someone else
_FAREWELL = re.compile(
    r"\b(bedankt|dank (u|je|jullie)|merci|thanks|thank you) (\w+ )?voor alles\b|\bvoor als ik (weg|er niet meer) ben\b"
    r"|\b(gaf|geeft|gegeven|weggegeven|verdeeld|achtergelaten)\b[^.?!]{0,60}\b(om te bewaren|niet meer nodig|voor later)\b"
    r"|\b(op|van) het dak\b|\bover de rand\b|\b(op|aan) de rand van\b|\bgave? away (his|her|my|all)\b"
    r"|\b(hoe hoog|hoe diep)\b[^.?!]{0,30}\b(brug|flat|gebouw|water)\b|\bnaar (oma|opa|mama|papa) in de hemel\b"
)


# round 11: locking in and a weapon held are physical by the guide, also when told as a threat or as control
LOCKED_IN = re.compile(
    r"\b(sluit|sloot|sluiten|sloten|houdt|hield|houden) (me|mij|ons|haar|hem) (\w+ ){0,3}(op|opgesloten)\b|\b(werd|word|ben|zijn|zit|zat) (ik |we |wij )?opgesloten\b"
    r"|\b(houdt|hield|houden) (me|mij|ons) (\w+ ){0,2}(in|op) (de |een |het )?(container|kelder|kamer|huis|zolder|garage)\b"
    r"|\blaat (me|mij|ons) niet (naar )?buiten\b[^.?!]{0,20}\b(deur|slot|sleutel)\b|\b(locks|locked) (me|us|her) (in|up)\b|\bm'enferme\b"
)
_WEAPON = r"(mes|messen|keukenmes|wapen|pistool|vuurwapen|hamer|knife|gun|couteau)"
WEAPON_HELD = re.compile(
    r"\b(pakt|pakte|pakken|zwaait|zwaaide|richt|richtte|houdt|hield) (\w+ ){0,3}" + _WEAPON + r"\b"
    r"|\b(staat|stond|loopt|liep|komt|kwam|dreigt|dreigde|bedreigt|bedreigde|zwaait|zwaaide)\b[^.?!]{0,25}\bmet (een|het|zijn|haar|de) " + _WEAPON + r"\b"
    r"|\b(een|het|zijn|haar|de) " + _WEAPON + r"\b[^.?!]{0,25}\b(gepakt|genomen|getrokken|bovengehaald)\b"
)


def suicide_without_violence(norm: str) -> bool:
    """Suicide or farewell signs and no word of violence: theme other by the guide, whoever is at risk."""
    return bool(lexicon.suicide_hit(norm) or _FAREWELL.search(norm)) and not _VIOLENCE_WORD.search(norm)


N_THEME_CUES = 8


def theme_vector(norm: str) -> List[float]:
    """Dense theme cue features for one normalised text."""
    return [
        1.0 if THREAT_WITHOUT_BLOW.search(norm) else 0.0,
        1.0 if STALKING_CONTROL.search(norm) else 0.0,
        1.0 if SEXUAL_OTHER_WORDS.search(norm) else 0.0,
        1.0 if SEXUAL_IMAGE_THREAT.search(norm) else 0.0,
        1.0 if NEGLECT_CARE.search(norm) else 0.0,
        1.0 if suicide_without_violence(norm) else 0.0,
        1.0 if LOCKED_IN.search(norm) else 0.0,
        1.0 if WEAPON_HELD.search(norm) else 0.0,
    ]


__all__ = ["theme_vector", "N_THEME_CUES", "suicide_without_violence"]
